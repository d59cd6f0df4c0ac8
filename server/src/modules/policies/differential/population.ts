/**
 * A small random population written straight into the registry tables, for the differential
 * test: households of 1–6 members with random ages, roles, school stages, disabilities,
 * illnesses, employment, income (sometimes zero), assistance and hardship status, and facts
 * that are past, current or future, so "current at the date" is exercised too.
 */
import { sql, type Kysely } from 'kysely';
import { makeIdNumber } from '../../../kernel/validation/idcard.js';
import { Rng } from '../../seed/synthetic-random.js';

const SURNAMES = ['王', '张', '李', '刘', '陈', '马'];
const GIVEN = ['华', '明', '芳', '强', '静', '丽', '军'];
const STAGES = ['primary', 'junior_high', 'senior_high', 'vocational', 'college'];
const RELATIONSHIPS = ['spouse', 'child', 'child', 'parent', 'grandchild'];

export async function insertRandomPopulation(db: Kysely<any>, seed: number, households: number): Promise<void> {
  const rng = new Rng(seed, 7);
  const { rows } = await sql<{ id: number }>`select id from organisations order by id limit 1`.execute(db);
  const orgId = rows[0]!.id;
  const fact = async (target: { personId?: number; householdId?: number }, kind: string, value: unknown) => {
    // Mostly current; sometimes ended already or starting in the future.
    const roll = rng.float();
    const from = roll < 0.1 ? '2099-01-01' : '2020-01-01';
    const to = roll > 0.9 ? '2021-01-01' : null;
    await sql`insert into facts (person_id, household_id, kind, value, source, valid_from, valid_to)
      values (${target.personId ?? null}, ${target.householdId ?? null}, ${kind}, ${JSON.stringify(value)}::jsonb, 'random', ${from}::date, ${to}::date)`.execute(db);
  };
  let serial = 0;
  for (let h = 0; h < households; h += 1) {
    const region = rng.pick(['640104', '640105', '640106']);
    const inserted = await sql<{ id: number }>`insert into households (region_code, org_id) values (${region}, ${orgId}) returning id`.execute(db);
    const householdId = inserted.rows[0]!.id;
    const size = rng.range(1, 6);
    for (let m = 0; m < size; m += 1) {
      serial += 1;
      const year = rng.range(1930, 2024);
      const birth = `${year}-${String(rng.range(1, 12)).padStart(2, '0')}-${String(rng.range(1, 28)).padStart(2, '0')}`;
      const sex = rng.chance(0.5) ? 'M' : 'F';
      const name = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.5) ? rng.pick(GIVEN) : '');
      const relationship = m === 0 ? 'head' : rng.pick(RELATIONSHIPS);
      const person = await sql<{ id: number }>`insert into persons (id_number, name, name_pinyin, name_initials, sex, birth_date, region_code, org_id, household_id, relationship)
        values (${makeIdNumber(region, birth, serial % 1000, sex as 'M' | 'F') + ''}, ${name}, 'x', 'x', ${sex}, ${birth}::date, ${region}, ${orgId}, ${householdId}, ${relationship})
        on conflict (id_number) do nothing returning id`.execute(db);
      const personId = person.rows[0]?.id;
      if (!personId) continue;
      if (m === 0) await sql`update households set head_person_id = ${personId} where id = ${householdId}`.execute(db);
      if (rng.chance(0.15)) await fact({ personId }, 'disability', { category: rng.range(1, 7), grade: rng.range(1, 4), certificateNo: 'x' });
      if (rng.chance(0.1)) await fact({ personId }, 'illness', { severity: rng.pick(['serious', 'chronic']), name: '病' });
      if (rng.chance(0.3)) await fact({ personId }, 'school_stage', { stage: rng.pick(STAGES) });
      if (rng.chance(0.3)) await fact({ personId }, 'employment', { employer: '单位', publicWelfarePost: rng.chance(0.2), postEndDate: '2027-01-01' });
      if (rng.chance(0.05)) await fact({ personId }, 'elderly_alone', {});
      if (rng.chance(0.03)) await fact({ personId }, 'deceased', {});
    }
    if (rng.chance(0.3)) await fact({ householdId }, 'assistance_status', { status: rng.pick(['dibao', 'tekun', 'dibao_edge']) });
    if (rng.chance(0.3)) await fact({ householdId }, 'hardship_worker', { category: rng.pick(['deep', 'relative']) });
    if (rng.chance(0.2)) await fact({ householdId }, 'special_family', { kind: rng.pick(['single_parent', 'widowed']) });
    if (rng.chance(0.4)) await fact({ householdId }, 'income', { monthlyFen: rng.chance(0.2) ? 0 : rng.range(0, 900000) });
  }
}
