import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe('sign-in rate limit', () => {
  it('slows down a client that tries many passwords, whatever the user names', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: `guess${i}`, password: 'x' } });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    const limited = await ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: 'x' } });
    expect(limited.json().error.code).toBe('rate_limited');
    expect(limited.json().error.message).toContain('频繁');
  });
});
