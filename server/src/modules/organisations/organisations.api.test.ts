import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.signIn('admin');
});
afterAll(async () => ctx?.close());

describe('regions', () => {
  it('ships the Ningxia tree: five cities under 640000', async () => {
    const roots = await admin.get('/api/regions');
    expect(roots.body.map((r: any) => r.code)).toEqual(['640000']);
    const cities = await admin.get('/api/regions?parent=640000');
    expect(cities.body.map((r: any) => r.name)).toEqual(['银川市', '石嘴山市', '吴忠市', '固原市', '中卫市']);
  });

  it('adds numbered grids below a community and refuses them higher up', async () => {
    const first = await admin.post('/api/regions/640105002003/grids', { name: '第一网格' });
    const second = await admin.post('/api/regions/640105002003/grids', { name: '第二网格' });
    expect([first.body.code, second.body.code]).toEqual(['640105002003001', '640105002003002']);
    expect(first.body.level).toBe(6);
    const path = await admin.get('/api/regions/640105002003002/path');
    expect(path.body.map((r: any) => r.name)).toEqual(['宁夏回族自治区', '银川市', '西夏区', '北京西路街道', '金波路社区居委会', '第二网格']);
    const tooHigh = await admin.post('/api/regions/640105/grids', { name: '区级网格' });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error.field).toBe('parentCode');
  });
});

describe('organisations', () => {
  it('builds a tree with paths and refuses unknown regions and duplicate names', async () => {
    const union = await admin.post('/api/organisations', { parentId: 1, name: '石嘴山市总工会', type: 'trade_union', regionCode: '640200' });
    expect(union.status).toBe(200);
    const district = await admin.post('/api/organisations', { parentId: union.body.id, name: '大武口区总工会', type: 'trade_union', regionCode: '640202' });
    expect(district.body.path).toBe(`${union.body.path}${district.body.id}/`);
    const unknown = await admin.post('/api/organisations', { parentId: 1, name: '无区划', type: 'other', regionCode: '649999' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('regionCode');
    const twin = await admin.post('/api/organisations', { parentId: 1, name: '石嘴山市总工会', type: 'trade_union', regionCode: '640200' });
    expect(twin.status).toBe(409);
  });

  it('lets only administrators create organisations and users', async () => {
    await ctx.app.inject({ method: 'GET', url: '/api/health' });
    const created = await admin.post('/api/users', { username: 'plain', displayName: '普通', orgId: 1, roleCodes: ['partner'] });
    const plain = await ctx.signIn('plain', created.body.generatedPassword);
    await plain.post('/api/auth/password', { currentPassword: created.body.generatedPassword, newPassword: 'Plain-pass-2026' });
    const again = await ctx.signIn('plain', 'Plain-pass-2026');
    expect((await again.post('/api/organisations', { parentId: 1, name: '越权组织', type: 'other', regionCode: '640000' })).status).toBe(403);
    expect((await again.get('/api/users')).status).toBe(403);
  });

  it('refuses a user with an unknown role', async () => {
    const response = await admin.post('/api/users', { username: 'norole', displayName: 'x', orgId: 1, roleCodes: ['wizard'] });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('roleCodes');
  });
});

describe('OpenAPI', () => {
  it('documents the API at /api/docs', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/households', '/api/persons/{id}/reveal', '/api/auth/sign-in']));
  });
});
