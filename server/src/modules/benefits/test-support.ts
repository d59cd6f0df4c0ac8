/** Shared set-up for the benefits API tests: a test policy with dated versions, extra users, lookups. */
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Client, TestContext } from '../../../test/harness.js';
import { DEMO_PASSWORD } from '../seed/demo-data.js';
import { systemActor } from '../../kernel/auth/actor.js';
import { createUser } from '../users/users.service.js';

export async function orgId(ctx: TestContext, name: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`select id from organisations where name = ${name}`.execute(ctx.db);
  return rows[0]!.id;
}

/** The household whose head has this name. */
export async function householdOf(ctx: TestContext, headName: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`select h.id from households h join persons p on p.id = h.head_person_id where p.name = ${headName}`.execute(ctx.db);
  return rows[0]!.id;
}

export async function addUser(ctx: TestContext, username: string, roleCodes: string[], orgName = '银川市总工会'): Promise<void> {
  await createUser(ctx.db, systemActor(), { username, displayName: username, orgId: await orgId(ctx, orgName), roleCodes, regionCode: null, password: DEMO_PASSWORD });
}

/** A household policy paying a fixed amount per period to every household (or those the rule picks), adopted. */
export async function createTestPolicy(admin: Client, ctx: TestContext, code: string, amountFen: number, effectiveFrom: string, eligibility = 'household.size > 0'): Promise<void> {
  const version = {
    nameZh: `测试补贴 ${code}`, nameEn: 'Test allowance', target: 'household', eligibility,
    benefit: { kind: 'fixed', amountFen }, period: 'monthly', funding: [{ source: '工会经费', shareBp: 6000 }, { source: '中央财政专项帮扶资金', shareBp: 4000 }],
    quotas: [], effectiveFrom, effectiveTo: null, basis: null, note: null,
  };
  const res = await admin.post('/api/policies', { code, orgId: await orgId(ctx, '银川市总工会'), version, adopt: true });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A new version from a date, adopted (the earlier one stays in force before it). */
export async function adoptNewVersion(admin: Client, code: string, amountFen: number, effectiveFrom: string): Promise<void> {
  const current = (await admin.get(`/api/policies/${code}`)).body.versions[0];
  const { id: _id, policyId: _p, version: _v, status: _s, createdBy: _c, createdByName: _n, createdAt: _a, adoptedAt: _d, ...input } = current;
  const created = await admin.post(`/api/policies/${code}/versions`, { ...input, benefit: { kind: 'fixed', amountFen }, effectiveFrom });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const adopted = await admin.post(`/api/policies/${code}/versions/${created.body.version}/adopt`);
  expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
}

/** Applies, reviews and approves: three different people. */
export async function enrol(
  clients: { apply: Client; review: Client; approve: Client },
  input: { policyCode: string; householdId: number; startedOn: string; reason?: string },
): Promise<number> {
  const applied = await clients.apply.post('/api/enrollments', { personId: null, reason: null, ...input });
  expect(applied.status, JSON.stringify(applied.body)).toBe(200);
  const reviewed = await clients.review.post(`/api/enrollments/${applied.body.id}/review`, { approve: true });
  expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
  const approved = await clients.approve.post(`/api/enrollments/${applied.body.id}/approve`, { approve: true });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  expect(approved.body.status).toBe('active');
  return applied.body.id;
}
