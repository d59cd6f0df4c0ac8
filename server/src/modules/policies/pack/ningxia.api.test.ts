/**
 * The Ningxia pack on the seeded demo households reproduces the seed documents' counts, by
 * both evaluators: set-based SQL over the population and in memory household by household.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../../test/harness.js';
import { systemActor } from '../../../kernel/auth/actor.js';
import { evaluateHousehold, today } from '../evaluation.service.js';
import { ParamSink } from '../rules/lower.js';
import { buildSubjectTables } from '../rules/subject-sql.js';
import { subjectQuery } from '../runs/engine.js';
import { runVersions } from '../runs/runs.service.js';
import { NINGXIA_POLICY_PACK } from './ningxia.js';

interface Hit { name: string; amountFen: number }

let ctx: TestContext;
const bySql = new Map<string, Hit[]>();
const inMemory = new Map<string, Hit[]>();
let undecided = 0;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  const versions = await runVersions(ctx.db, null);
  const asOf = await today(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    await buildSubjectTables(trx, asOf, sql<boolean>`true`);
    for (const v of versions) {
      const params = new ParamSink();
      const query = `select s.eligible, s.amount, coalesce(p.name, hp.name) as name from (${subjectQuery(v, params)}) s
        left join persons p on p.id = s.person_id join households h on h.id = s.household_id left join persons hp on hp.id = h.head_person_id`;
      const { rows } = await trx.executeQuery<{ eligible: boolean | null; amount: number | null; name: string }>(CompiledQuery.raw(query, params.values));
      undecided += rows.filter((r) => r.eligible === null).length;
      bySql.set(v.code, rows.filter((r) => r.eligible).map((r) => ({ name: r.name, amountFen: Number(r.amount) })));
    }
  });
  const households = await sql<{ id: number }>`select id from households order by id`.execute(ctx.db);
  for (const h of households.rows) {
    for (const e of await evaluateHousehold(ctx.db, systemActor(), h.id)) {
      if (e.eligible === null) undecided += 1;
      if (!e.eligible) continue;
      const list = inMemory.get(e.policyCode) ?? [];
      list.push({ name: e.personName!, amountFen: e.amountFen! });
      inMemory.set(e.policyCode, list);
    }
  }
});
afterAll(async () => ctx?.close());

const sorted = (hits: Hit[] = []) => [...hits].sort((a, b) => a.name.localeCompare(b.name) || a.amountFen - b.amountFen);
const names = (hits: Hit[] = []) => hits.map((h) => h.name).sort();
const reach = (code: string) => bySql.get(code) ?? [];

describe('the Ningxia pack on the demo households', () => {
  it('is loaded and adopted by the demo seed, one active version per policy', async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from policy_versions where status = 'active'`.execute(ctx.db);
    expect(rows[0]!.n).toBe(NINGXIA_POLICY_PACK.length);
  });

  it('is decided for every subject by both evaluators, which agree on every subject and amount', () => {
    expect(undecided).toBe(0);
    for (const { code } of NINGXIA_POLICY_PACK) expect(sorted(inMemory.get(code)), code).toEqual(sorted(bySql.get(code)));
  });

  it('gives the 工会暖心卡 to all 10 households at 200 yuan a month', () => {
    expect(reach('nx-union-warm-card')).toHaveLength(10);
    expect(reach('nx-union-warm-card').every((h) => h.amountFen === 20000)).toBe(true);
  });

  it('gives the heating subsidy to the 7 households not on 低保', () => {
    const hits = reach('nx-union-heating');
    expect(hits).toHaveLength(7);
    expect(names(hits)).not.toContain('王建国');
    expect(hits.every((h) => h.amountFen === 127000)).toBe(true);
  });

  it('pays the utilities subsidy to all 10 households within 1084.4–1488.2 yuan', () => {
    const hits = reach('nx-union-utilities');
    expect(hits).toHaveLength(10);
    expect(new Set(hits.map((h) => h.amountFen))).toEqual(new Set([108440, 128630, 148820]));
  });

  it('gives 500 yuan to each of the 8 children in compulsory education', () => {
    const hits = reach('nx-union-compulsory-edu');
    expect(names(hits)).toEqual(['周子豪', '孙浩然', '张宇轩', '王欣', '赵一诺', '赵一鸣', '何鑫', '马小花'].sort());
    expect(hits.every((h) => h.amountFen === 50000)).toBe(true);
  });

  it('gives 金秋助学 to the 7 high-school and college students, 2600–5000 yuan by stage', () => {
    expect(Object.fromEntries(reach('nx-union-golden-autumn').map((h) => [h.name, h.amountFen]))).toEqual({
      王浩: 260000, 周雨: 260000, 袁博: 500000, 李婷: 500000, 何佳: 500000, 何磊: 260000, 吴悦: 260000,
    });
  });

  it('covers all 34 members by mutual aid: 10 workers in two schemes, 24 family members in one', () => {
    const medical = reach('nx-union-mutual-aid-medical');
    expect(medical).toHaveLength(10);
    expect(names(reach('nx-union-mutual-aid-critical-worker'))).toEqual(names(medical));
    expect(reach('nx-union-mutual-aid-critical-family')).toHaveLength(24);
    expect(new Set([...names(medical), ...names(reach('nx-union-mutual-aid-critical-family'))]).size).toBe(34);
  });

  it('splits central-fund assistance by cause: 5 structural households, 3 ill or disabled members, 2 schooling households', () => {
    expect(names(reach('nx-union-living-aid'))).toEqual(['吴秀梅', '周红', '孙海燕', '李强', '赵丽娟'].sort());
    expect(reach('nx-union-living-aid').find((h) => h.name === '赵丽娟')?.amountFen).toBe(1800000);
    expect(names(reach('nx-union-medical-aid'))).toEqual(['李秀兰', '张志强', '马小花'].sort());
    expect(names(reach('nx-union-education-aid'))).toEqual(['何建军', '袁卫东'].sort());
  });

  it('gives both disability subsidies to the one grade-2 disabled member of a 低保 household', () => {
    expect(reach('nx-disabled-living-subsidy')).toEqual([{ name: '张志强', amountFen: 10500 }]);
    expect(reach('nx-disabled-nursing-subsidy')).toEqual([{ name: '张志强', amountFen: 11800 }]);
  });

  it('leaves the demo with something to find: 2 utilities subsidies, 1 child aid and 1 medical grant to add, 1 heating subsidy to stop', async () => {
    const { run, wait } = await (await import('../runs/runs.service.js')).startRun(ctx.db, systemActor(), {});
    await wait;
    const { rows } = await sql<{ counts: Array<{ code: string; toAdd: number; toStop: number }> }>`select counts from policy_runs where id = ${run.id}`.execute(ctx.db);
    const counts = Object.fromEntries(rows[0]!.counts.map((c) => [c.code, [c.toAdd, c.toStop]]));
    expect(counts['nx-union-warm-card']).toEqual([0, 0]);
    expect(counts['nx-union-utilities']).toEqual([2, 0]);
    expect(counts['nx-union-compulsory-edu']).toEqual([1, 0]);
    expect(counts['nx-union-heating']).toEqual([0, 1]);
    // 王某's household has its grant; 马某's seriously ill daughter makes hers a case to consider.
    expect(counts['nx-union-special-medical-grant']).toEqual([1, 0]);
    expect(Object.values(counts).reduce((n, [a, s]) => n + a + s, 0)).toBe(5);
  });
});
