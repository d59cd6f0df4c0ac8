/**
 * The subject tables a population run evaluates over, built once per run inside its
 * transaction: one row per living person in a household (`subj_person`) and one per
 * household (`subj_household`), with the facts current at the evaluation date pivoted into
 * the columns subject.ts documents. The in-memory evaluator loads its subjects through the
 * same statements, so both evaluators always see the same data.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { executePrepared } from '../../../kernel/db/open.js';

export const SUBJECT_PERSON_TABLE = 'subj_person';
export const SUBJECT_HOUSEHOLD_TABLE = 'subj_household';

const PERSON_COLUMNS = `
  person_id bigint not null, household_id bigint not null, region_code text not null, org_id bigint not null,
  name text not null, sex text not null, age bigint not null, relationship text not null, is_head boolean not null,
  school_stage text not null, elderly_alone boolean not null, incapacitated text not null, employed boolean not null,
  disability_category bigint, disability_grade bigint, illness_severity text, illness_name text,
  employment_employer text, public_welfare_post boolean, post_ends_in_days bigint`;

const HOUSEHOLD_COLUMNS = `
  household_id bigint not null, region_code text not null, org_id bigint not null, head_person_id bigint,
  size bigint not null, assistance_status text not null, hardship_worker text not null, special_family text not null,
  income_monthly_fen bigint, income_per_capita_fen bigint,
  students_preschool bigint not null, students_primary bigint not null, students_junior_high bigint not null,
  students_compulsory bigint not null, students_senior_high bigint not null, students_vocational bigint not null,
  students_college bigint not null, students_postgraduate bigint not null`;

/** Which households a build covers: all, or a condition on `h` (the households row). */
export type HouseholdFilter = RawBuilder<boolean>;

/**
 * Living persons of the chosen households with their current facts, as subject rows. The
 * household filter is joined, not gathered into a CTE first: a CTE's row count is a guess of
 * 200, and the planner then walks a million persons one household at a time.
 */
function personRows(asOf: string, filter: HouseholdFilter, everyone = false): RawBuilder<unknown> {
  // For everyone, the facts need no join to find whose they are.
  const facts = everyone
    ? sql`facts f where`
    : sql`facts f join persons pp on pp.id = f.person_id join households h on h.id = pp.household_id where ${filter} and`;
  return sql`
    with current_facts as (
      select f.person_id, f.kind, f.value, f.id from ${facts}
        f.person_id is not null and f.valid_from <= ${asOf}::date and (f.valid_to is null or f.valid_to > ${asOf}::date)
    ),
    pivot as (
      select person_id,
        bool_or(kind = 'deceased') as deceased,
        max((value->>'category')::bigint) filter (where kind = 'disability') as disability_category,
        max((value->>'grade')::bigint) filter (where kind = 'disability') as disability_grade,
        max(value->>'severity') filter (where kind = 'illness') as illness_severity,
        (array_agg(value->>'name' order by value->>'severity' desc, id) filter (where kind = 'illness'))[1] as illness_name,
        max(value->>'stage') filter (where kind = 'school_stage') as school_stage,
        bool_or(kind = 'elderly_alone') as elderly_alone,
        max(value->>'level') filter (where kind = 'incapacitated') as incapacitated,
        max(coalesce(value->>'employer', '')) filter (where kind = 'employment') as employment_employer,
        bool_or(coalesce((value->>'publicWelfarePost')::boolean, false)) filter (where kind = 'employment') as public_welfare_post,
        max(case when (value->>'publicWelfarePost')::boolean then greatest((value->>'postEndDate')::date - ${asOf}::date, 0) else 0 end)
          filter (where kind = 'employment') as post_ends_in_days
      from current_facts group by person_id
    )
    select p.id, p.household_id, h.region_code, h.org_id, p.name, p.sex,
      extract(year from age(${asOf}::date, p.birth_date))::bigint,
      coalesce(p.relationship, ''), p.relationship = 'head',
      coalesce(f.school_stage, ''), coalesce(f.elderly_alone, false), coalesce(f.incapacitated, ''),
      f.employment_employer is not null,
      f.disability_category, f.disability_grade, f.illness_severity, f.illness_name,
      f.employment_employer, f.public_welfare_post, f.post_ends_in_days
    from persons p
    join households h on h.id = p.household_id
    left join pivot f on f.person_id = p.id
    where ${filter} and p.birth_date <= ${asOf}::date and not coalesce(f.deceased, false)`;
}

/** Household subject rows, computed from the person subject rows already built. */
function householdRows(asOf: string, filter: HouseholdFilter, personSource: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    with members as (
      select household_id, count(*) as size,
        count(*) filter (where school_stage = 'preschool') as preschool,
        count(*) filter (where school_stage = 'primary') as primary_school,
        count(*) filter (where school_stage = 'junior_high') as junior_high,
        count(*) filter (where school_stage = 'senior_high') as senior_high,
        count(*) filter (where school_stage = 'vocational') as vocational,
        count(*) filter (where school_stage = 'college') as college,
        count(*) filter (where school_stage = 'postgraduate') as postgraduate
      from ${personSource} m group by household_id
    ),
    current_facts as (
      select f.household_id, f.kind, f.value from facts f
      join households h on h.id = f.household_id
      where ${filter} and f.valid_from <= ${asOf}::date and (f.valid_to is null or f.valid_to > ${asOf}::date)
    ),
    pivot as (
      select household_id,
        max(value->>'status') filter (where kind = 'assistance_status') as assistance_status,
        max(value->>'category') filter (where kind = 'hardship_worker') as hardship_worker,
        min(value->>'kind') filter (where kind = 'special_family') as special_family,
        max((value->>'monthlyFen')::bigint) filter (where kind = 'income') as income_monthly_fen
      from current_facts group by household_id
    )
    select h.id, h.region_code, h.org_id, h.head_person_id, coalesce(m.size, 0),
      coalesce(f.assistance_status, ''), coalesce(f.hardship_worker, ''), coalesce(f.special_family, ''),
      f.income_monthly_fen, case when coalesce(m.size, 0) > 0 then f.income_monthly_fen / m.size end,
      coalesce(m.preschool, 0), coalesce(m.primary_school, 0), coalesce(m.junior_high, 0),
      coalesce(m.primary_school, 0) + coalesce(m.junior_high, 0), coalesce(m.senior_high, 0),
      coalesce(m.vocational, 0), coalesce(m.college, 0), coalesce(m.postgraduate, 0)
    from households h
    left join members m on m.household_id = h.id
    left join pivot f on f.household_id = h.id
    where ${filter}`;
}

/**
 * Builds the two subject tables for a run as temporary tables dropped at commit, so the run's
 * transaction sees them and nothing outlives it.
 */
export async function buildSubjectTables(trx: Transaction<any>, asOf: string, filter: HouseholdFilter, everyone = false): Promise<void> {
  // A batch job: its hash joins and aggregates over a million rows should stay in memory, and
  // compiling its wide expressions with JIT costs more (up to 1.8 s a statement) than it saves.
  await sql.raw(`set local work_mem = '256MB'; set local jit = off`).execute(trx);
  await sql.raw(`create temporary table ${SUBJECT_PERSON_TABLE} (${PERSON_COLUMNS}) on commit drop`).execute(trx);
  await sql.raw(`create temporary table ${SUBJECT_HOUSEHOLD_TABLE} (${HOUSEHOLD_COLUMNS}) on commit drop`).execute(trx);
  // Indexes are built after the bulk insert: one sort instead of a million index updates.
  await sql`insert into ${sql.table(SUBJECT_PERSON_TABLE)} ${personRows(asOf, filter, everyone)}`.execute(trx);
  await sql.raw(`create index on ${SUBJECT_PERSON_TABLE} (household_id); create unique index on ${SUBJECT_PERSON_TABLE} (person_id)`).execute(trx);
  await sql`insert into ${sql.table(SUBJECT_HOUSEHOLD_TABLE)} ${householdRows(asOf, filter, sql.table(SUBJECT_PERSON_TABLE))}`.execute(trx);
  await sql.raw(`create unique index on ${SUBJECT_HOUSEHOLD_TABLE} (household_id)`).execute(trx);
  // No ANALYZE: the planner sizes temporary tables from their pages, which is enough for these plans.
}

export interface SubjectPersonRow {
  person_id: number; household_id: number; region_code: string; org_id: number; name: string; sex: string; age: number;
  relationship: string; is_head: boolean; school_stage: string; elderly_alone: boolean; incapacitated: string; employed: boolean;
  disability_category: number | null; disability_grade: number | null; illness_severity: string | null; illness_name: string | null;
  employment_employer: string | null; public_welfare_post: boolean | null; post_ends_in_days: number | null;
}

export interface SubjectHouseholdRow {
  household_id: number; region_code: string; org_id: number; head_person_id: number | null; size: number;
  assistance_status: string; hardship_worker: string; special_family: string; income_monthly_fen: number | null; income_per_capita_fen: number | null;
  students_preschool: number; students_primary: number; students_junior_high: number; students_compulsory: number;
  students_senior_high: number; students_vocational: number; students_college: number; students_postgraduate: number;
}

const PERSON_NAMES = 'person_id, household_id, region_code, org_id, name, sex, age, relationship, is_head, school_stage, elderly_alone, incapacitated, employed, disability_category, disability_grade, illness_severity, illness_name, employment_employer, public_welfare_post, post_ends_in_days';
const HOUSEHOLD_NAMES = 'household_id, region_code, org_id, head_person_id, size, assistance_status, hardship_worker, special_family, income_monthly_fen, income_per_capita_fen, students_preschool, students_primary, students_junior_high, students_compulsory, students_senior_high, students_vocational, students_college, students_postgraduate';

/**
 * The subject rows of the chosen households, read without temporary tables (one household, or
 * the differential test's population): one statement, one round trip, both row sets as JSON.
 */
export async function loadSubjectRows(db: Kysely<any>, asOf: string, filter: HouseholdFilter): Promise<{ persons: SubjectPersonRow[]; households: SubjectHouseholdRow[] }> {
  const query = sql<{ persons: SubjectPersonRow[] | null; households: SubjectHouseholdRow[] | null }>`
    with subject_persons as materialized (select * from (${personRows(asOf, filter)}) as t(${sql.raw(PERSON_NAMES)})),
    subject_households as (select * from (${householdRows(asOf, filter, sql`subject_persons`)}) as t(${sql.raw(HOUSEHOLD_NAMES)}))
    select (select json_agg(p order by p.household_id, p.person_id) from subject_persons p) as persons,
      (select json_agg(h order by h.household_id) from subject_households h) as households`.compile(db);
  const rows = await executePrepared<{ persons: SubjectPersonRow[] | null; households: SubjectHouseholdRow[] | null }>(db, query);
  return { persons: rows[0]?.persons ?? [], households: rows[0]?.households ?? [] };
}
