/**
 * The synthetic seed against a real database: the rows fit the schema, every household has
 * its head, ID numbers stay unique when run again, and the API finds what was loaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type RawBuilder } from 'kysely';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.js';
import { seedSynthetic, type SyntheticResult } from './synthetic.js';

let ctx: TestContext;
let admin: Client;
let result: SyntheticResult;
const progress: number[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.signIn('admin');
  result = await seedSynthetic(ctx.db, { persons: 2_000, seed: 7, onProgress: (done) => progress.push(done) });
});
afterAll(async () => ctx?.close());

const one = async <T>(query: RawBuilder<T>): Promise<T> => (await query.execute(ctx.db)).rows[0];

describe('seedSynthetic', () => {
  it('loads the persons, households and facts it reports', async () => {
    expect(result.persons).toBe(2_000);
    expect(progress.at(-1)).toBe(2_000);
    const counts = await one(sql<{ persons: number; households: number; facts: number }>`select
      (select count(*)::int from persons) as persons, (select count(*)::int from households) as households,
      (select count(*)::int from facts) as facts`);
    expect(counts).toEqual({ persons: 2_000, households: result.households, facts: result.facts });
    expect(result.households).toBeGreaterThan(600);
    expect(result.facts).toBeGreaterThan(400);
  });

  it('gives each household exactly one head, which is its head_person_id, in its region', async () => {
    const bad = await one(sql<{ n: number }>`select count(*)::int as n from households h
      where (select count(*) from persons p where p.household_id = h.id and p.relationship = 'head') <> 1
         or not exists (select 1 from persons p where p.id = h.head_person_id and p.household_id = h.id and p.relationship = 'head')
         or exists (select 1 from persons p where p.household_id = h.id and (p.region_code <> h.region_code or p.address is distinct from h.address))`);
    expect(bad.n).toBe(0);
    const sizes = await one(sql<{ min: number; max: number }>`select min(n)::int as min, max(n)::int as max
      from (select count(*) as n from persons group by household_id) t`);
    expect(sizes.min).toBeGreaterThanOrEqual(1);
    expect(sizes.max).toBeLessThanOrEqual(6);
  });

  it('owns everything by the root organisation, created by no user, with facts from 合成数据', async () => {
    const row = await one(sql<{ orgs: number; creators: number; sources: string[]; regions: number }>`select
      (select count(distinct org_id)::int from persons) + (select count(distinct org_id)::int from households) - 1 as orgs,
      (select count(*)::int from persons where created_by is not null) as creators,
      (select array_agg(distinct source) from facts) as sources,
      (select count(*)::int from households h join regions r on r.code = h.region_code where r.level <> 5) as regions`);
    expect(row).toEqual({ orgs: 1, creators: 0, sources: ['合成数据'], regions: 0 });
    const root = await one(sql<{ id: number }>`select id from organisations where parent_id is null order by id limit 1`);
    expect((await one(sql<{ org_id: number }>`select org_id from persons limit 1`)).org_id).toBe(root.id);
  });

  it('writes disability certificates as ID number + category + grade', async () => {
    const row = await one(sql<{ total: number; bad: number }>`select count(*)::int as total,
      count(*) filter (where f.value->>'certificateNo' <> p.id_number || (f.value->>'category') || (f.value->>'grade'))::int as bad
      from facts f join persons p on p.id = f.person_id where f.kind = 'disability'`);
    expect(row.total).toBeGreaterThan(40);
    expect(row.bad).toBe(0);
  });

  it('keeps ID numbers unique when seeded again with the same seed', async () => {
    const again = await seedSynthetic(ctx.db, { persons: 500, seed: 7 });
    expect(again.persons).toBe(500);
    const row = await one(sql<{ n: number; distinct: number }>`select count(*)::int as n, count(distinct id_number)::int as distinct from persons`);
    expect(row).toEqual({ n: 2_500, distinct: 2_500 });
  });

  it('is found through the API by ID number, name, pinyin initials and phone', async () => {
    const person = await one(sql<{ id: number; id_number: string; name: string; name_initials: string; phone: string; household_id: number }>`
      select id, id_number, name, name_initials, phone, household_id from persons where phone is not null order by id limit 1`);
    for (const q of [person.id_number, person.name, person.name_initials, person.phone]) {
      const found = await admin.get(`/api/persons?q=${encodeURIComponent(q)}&pageSize=200`);
      expect(found.status).toBe(200);
      expect(found.body.items.map((p: any) => p.id)).toContain(person.id);
    }
    const page = await admin.get(`/api/households/${person.household_id}`);
    expect(page.status).toBe(200);
    expect(page.body.members.some((m: any) => m.relationship === 'head')).toBe(true);
  });
});
