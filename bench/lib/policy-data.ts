/**
 * The policy benchmark's data on top of the synthetic population: the organisations the
 * policies belong to, the facts the synthetic generator does not produce (special families,
 * incapacity, household income, deaths), the ~20 policies, and enrollments — ~70% of the
 * eligible subjects enrolled, some at an older (lower) amount, some stale — so a run has real
 * to-add, to-stop and amount-changed lists.
 *
 * Random choices are `hashtext(id, tag, seed)`: the same rows on every run and on both databases.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../server/src/kernel/auth/actor.js';
import { createOrganisation } from '../../server/src/modules/organisations/organisations.service.js';
import { loadPolicyPack } from '../../server/src/modules/policies/pack/load.js';
import { NINGXIA_POLICY_PACK } from '../../server/src/modules/policies/pack/ningxia.js';
import { startRun } from '../../server/src/modules/policies/runs/runs.service.js';
import { EXTRA_POLICIES, POLICY_ORGS } from './policy-extra.js';

export const ALL_POLICIES = [...NINGXIA_POLICY_PACK, ...EXTRA_POLICIES];
const SOURCE = '基准测试';

/** Creates the organisations the policies need under the root organisation; returns the names created. */
export async function ensurePolicyOrgs(db: Kysely<any>, actor: Actor): Promise<string[]> {
  const { rows } = await sql<{ id: number }>`select id from organisations where parent_id is null order by id limit 1`.execute(db);
  const root = Number(rows[0]!.id);
  const created: string[] = [];
  for (const org of POLICY_ORGS) {
    const { rows: found } = await sql`select 1 from organisations where name = ${org.name}`.execute(db);
    if (found.length) continue;
    await createOrganisation(db, actor, { parentId: root, name: org.name, type: org.type, regionCode: org.regionCode });
    created.push(org.name);
  }
  return created;
}

/** Per-10,000 pseudo-random draw for a row id: stable across runs and databases. */
const draw = (id: string, tag: string, seed: number) => `(abs(hashtext(${id}::text || ':${tag}:${seed}')) % 10000)`;

/**
 * Facts the synthetic seed leaves out but the rules read, at modest rates:
 *  - special_family: 'single_parent' for 6% of households with a child under 18, 'widowed' for
 *    3% of households of at most two with a head of 60 or more;
 *  - incapacitated: 6% of persons of 60 or more, a third of them fully;
 *  - income: every household on assistance (200–1,100 yuan a head a month) and 15% of the others.
 * Returns the number of facts added.
 */
export async function addMissingFacts(db: Kysely<any>, seed: number): Promise<number> {
  const since = sql.raw(`current_date - 200`);
  const current = sql.raw(`f.valid_from <= current_date and (f.valid_to is null or f.valid_to > current_date)`);
  const { rows } = await sql<{ n: number }>`with
    hh as (
      select h.id, hp.birth_date as head_birth,
        count(p.id) as size, count(p.id) filter (where p.birth_date > current_date - interval '18 years') as minors
      from households h left join persons hp on hp.id = h.head_person_id left join persons p on p.household_id = h.id
      group by h.id, hp.birth_date
    ),
    special as (
      insert into facts (household_id, kind, value, source, valid_from)
      select id, 'special_family', jsonb_build_object('kind', case when minors > 0 and ${sql.raw(draw('id', 'single', seed))} < 600 then 'single_parent' else 'widowed' end), ${SOURCE}, ${since}
      from hh where (minors > 0 and ${sql.raw(draw('id', 'single', seed))} < 600)
        or (size <= 2 and head_birth <= current_date - interval '60 years' and ${sql.raw(draw('id', 'widow', seed))} < 300)
      returning 1
    ),
    incapacitated as (
      insert into facts (person_id, kind, value, source, valid_from)
      select id, 'incapacitated', jsonb_build_object('level', case when ${sql.raw(draw('id', 'full', seed))} < 3333 then 'full' else 'partial' end), ${SOURCE}, ${since}
      from persons where birth_date <= current_date - interval '60 years' and ${sql.raw(draw('id', 'incap', seed))} < 600
      returning 1
    ),
    income as (
      insert into facts (household_id, kind, value, source, valid_from)
      select hh.id, 'income', jsonb_build_object('monthlyFen', greatest(hh.size, 1) * case when a.household_id is not null
          then 20000 + ${sql.raw(draw('hh.id', 'inc', seed))} * 9
          else 80000 + ${sql.raw(draw('hh.id', 'inc', seed))} * 52 end), ${SOURCE}, ${since}
      from hh left join (select distinct household_id from facts f where f.kind = 'assistance_status' and ${current}) a on a.household_id = hh.id
      where a.household_id is not null or ${sql.raw(draw('hh.id', 'withinc', seed))} < 1500
      returning 1
    )
    select (select count(*) from special) + (select count(*) from incapacitated) + (select count(*) from income) as n`.execute(db);
  return Number(rows[0]!.n);
}

/** Deaths after the enrollments were made: 1.5% of persons of 75 or more, a month ago. */
export async function addDeaths(db: Kysely<any>, seed: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`with d as (
      insert into facts (person_id, kind, value, source, valid_from)
      select id, 'deceased', '{}'::jsonb, ${SOURCE}, current_date - 30 from persons
      where birth_date <= current_date - interval '75 years' and ${sql.raw(draw('id', 'death', seed))} < 150
      returning 1)
    select count(*) as n from d`.execute(db);
  return Number(rows[0]!.n);
}

export async function loadPolicies(db: Kysely<any>, actor: Actor): Promise<number> {
  const { created } = await loadPolicyPack(db, actor, ALL_POLICIES);
  return created;
}

export interface EnrollmentFigures {
  enrolled: number;
  olderAmount: number;
  stale: number;
  seedRunSeconds: number;
}

/**
 * Enrollments from a first full run (which also warms the caches for the measured one): 70% of
 * its 'add' candidates enrolled, one in twenty of those at 90% of today's amount (last year's
 * standard), plus stale enrollments of ~3% of each policy's eligible count for subjects who are
 * not eligible. The seeding run is deleted afterwards.
 */
export async function seedEnrollments(db: Kysely<any>, actor: Actor, seed: number): Promise<EnrollmentFigures> {
  const started = performance.now();
  const { run, wait } = await startRun(db, actor, {});
  await wait;
  const seedRunSeconds = (performance.now() - started) / 1000;
  const { rows: status } = await sql<{ status: string; error: string | null }>`select status, error from policy_runs where id = ${run.id}`.execute(db);
  if (status[0]?.status !== 'completed') throw new Error(`seeding run ${run.id} ${status[0]?.status}: ${status[0]?.error}`);
  const { rows: enrolled } = await sql<{ n: number }>`with ins as (
      insert into enrollments (household_id, person_id, policy_id, version_id, amount_fen, status, started_on, source)
      select c.household_id, c.person_id, c.policy_id, c.version_id,
        case when ${sql.raw(draw('c.id', 'older', seed))} < 500 then c.amount_fen * 9 / 10 else c.amount_fen end,
        'active', current_date - 100, ${SOURCE}
      from policy_candidates c where c.run_id = ${run.id} and c.kind = 'add' and ${sql.raw(draw('c.id', 'enrol', seed))} < 7000
      returning 1)
    select count(*) as n from ins`.execute(db);
  const { rows: older } = await sql<{ n: number }>`select count(*) as n from enrollments e
    join policy_candidates c on c.run_id = ${run.id} and c.policy_id = e.policy_id and c.household_id = e.household_id
      and coalesce(c.person_id, 0) = coalesce(e.person_id, 0)
    where c.amount_fen <> e.amount_fen`.execute(db);
  let stale = 0;
  const { rows: policies } = await sql<{ id: number; version_id: number; target: string; eligible: number; amount: number }>`
    select p.id, v.id as version_id, v.target, count(c.id) as eligible, coalesce(max(c.amount_fen), 0) as amount
    from policies p join policy_versions v on v.policy_id = p.id and v.status = 'active'
    left join policy_candidates c on c.run_id = ${run.id} and c.policy_id = p.id and c.kind = 'add'
    group by p.id, v.id, v.target order by p.id`.execute(db);
  const { rows: sizes } = await sql<{ persons: number; households: number }>`select (select count(*) from persons) as persons, (select count(*) from households) as households`.execute(db);
  for (const p of policies) {
    const total = p.target === 'person' ? Number(sizes[0]!.persons) : Number(sizes[0]!.households);
    // Per 10,000 subjects: about 3% of the eligible count, at least a handful.
    const rate = Math.max(1, Math.ceil(((Number(p.eligible) * 0.03 + 3) / total) * 10000));
    const subjects = p.target === 'person'
      ? sql`select s.household_id, s.id as person_id from persons s where s.household_id is not null and ${sql.raw(draw('s.id', `stale${p.id}`, seed))} < ${rate}`
      : sql`select s.id as household_id, null::bigint as person_id from households s where ${sql.raw(draw('s.id', `stale${p.id}`, seed))} < ${rate}`;
    const { rows } = await sql<{ n: number }>`with ins as (
        insert into enrollments (household_id, person_id, policy_id, version_id, amount_fen, status, started_on, source)
        select x.household_id, x.person_id, ${p.id}, ${p.version_id}, ${p.amount}, 'active', current_date - 400, ${SOURCE}
        from (${subjects}) x
        where not exists (select 1 from policy_candidates c where c.run_id = ${run.id} and c.policy_id = ${p.id}
          and c.household_id = x.household_id and coalesce(c.person_id, 0) = coalesce(x.person_id, 0))
        returning 1)
      select count(*) as n from ins`.execute(db);
    stale += Number(rows[0]!.n);
  }
  await sql`delete from policy_runs where id = ${run.id}`.execute(db);
  return { enrolled: Number(enrolled[0]!.n), olderAmount: Number(older[0]!.n), stale, seedRunSeconds };
}
