import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ADMIN_PASSWORD, createTestContext, type TestContext } from '../../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const signInRaw = (username: string, password: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, headers });

describe('sign-in', () => {
  it('refuses a wrong password with a Chinese message and sets no cookie', async () => {
    const response = await signInRaw('admin', 'wrong-password-1');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('bad_credentials');
    expect(response.json().error.message).toBe('用户名或密码错误');
    expect(response.cookies).toHaveLength(0);
  });

  it('answers in English when the browser asks for it', async () => {
    const response = await signInRaw('admin', 'wrong-password-1', { 'accept-language': 'en-US,en;q=0.9' });
    expect(response.json().error.message).toBe('Wrong user name or password');
  });

  it('gives an httpOnly SameSite session cookie and audits the sign-in', async () => {
    const response = await signInRaw('admin', ADMIN_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'huimin_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'auth.sign_in'`.execute(ctx.db);
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('stores only a hash of the session token', async () => {
    const response = await signInRaw('admin', ADMIN_PASSWORD);
    const token = response.cookies.find((c) => c.name === 'huimin_session')!.value;
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from sessions where token_hash = ${token}`.execute(ctx.db);
    expect(rows[0].n).toBe(0);
  });

  it('locks the account after five failures, even for the right password', async () => {
    const admin = await ctx.signIn('admin');
    const created = await admin.post('/api/users', { username: 'locky', displayName: '锁定测试', orgId: 1, roleCodes: ['partner'] });
    expect(created.status).toBe(200);
    const password = created.body.generatedPassword;
    for (let i = 0; i < 4; i++) expect((await signInRaw('locky', 'nope-nope-1')).statusCode).toBe(401);
    expect((await signInRaw('locky', 'nope-nope-1')).statusCode).toBe(423);
    const right = await signInRaw('locky', password);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.message).toContain('锁定');
  });

  it('rejects unauthenticated API calls with 401', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/households' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const admin = await ctx.signIn('admin');
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: admin.cookie },
      payload: { parentId: 1, name: '无令牌', type: 'other', regionCode: '640000' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('accepts the same write with the token', async () => {
    const admin = await ctx.signIn('admin');
    const response = await admin.post('/api/organisations', { parentId: 1, name: '有令牌', type: 'other', regionCode: '640000' });
    expect(response.status).toBe(200);
  });
});

describe('first sign-in with a generated password', () => {
  it('must change the password before anything else, and the new one must be strong', async () => {
    const admin = await ctx.signIn('admin');
    const created = await admin.post('/api/users', { username: 'newbie', displayName: '新人', orgId: 1, roleCodes: ['caseworker'] });
    const user = await ctx.signIn('newbie', created.body.generatedPassword);
    const me = await user.get('/api/auth/me');
    expect(me.body.mustChangePassword).toBe(true);
    const blocked = await user.get('/api/households');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    const weak = await user.post('/api/auth/password', { currentPassword: created.body.generatedPassword, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('weak_password');
    const changed = await user.post('/api/auth/password', { currentPassword: created.body.generatedPassword, newPassword: 'Better-pass-2026' });
    expect(changed.status).toBe(200);
    expect((await user.get('/api/households')).status).toBe(200);
    expect((await ctx.signIn('newbie', 'Better-pass-2026')).csrfToken).toBeTruthy();
  });
});

describe('bad request bodies', () => {
  it('answers malformed JSON with a clear 400', async () => {
    const admin = await ctx.signIn('admin');
    const response = await admin.send('POST', '/api/organisations', '{"name": ', { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('malformed_json');
    expect(response.body.error.message).toContain('JSON');
  });

  it('answers an oversized body with 413', async () => {
    const admin = await ctx.signIn('admin');
    const huge = JSON.stringify({ parentId: 1, name: 'x'.repeat(ctx.config.bodyLimitBytes + 10), type: 'other', regionCode: '640000' });
    const response = await admin.send('POST', '/api/organisations', huge, { 'content-type': 'application/json' });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('body_too_large');
  });

  it('names the field that failed schema validation', async () => {
    const admin = await ctx.signIn('admin');
    const response = await admin.post('/api/organisations', { parentId: 1, type: 'other', regionCode: '640000' });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('name');
    expect(response.body.error.message).toContain('必填');
  });
});

describe('sign-out', () => {
  it('ends the session', async () => {
    const admin = await ctx.signIn('admin');
    expect((await admin.post('/api/auth/sign-out')).status).toBe(200);
    expect((await admin.get('/api/auth/me')).status).toBe(401);
  });
});
