import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import '../server/src/kernel/db/open.js';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/huimin_bench', max: 2 }) }) });
const D = `'2026-11-23'::date`;
const body = (chosen: string, pred: string) => `
    with chosen as ${chosen} (select h.id from households h where true),
    current_facts as (
      select f.person_id, f.kind, f.value, f.id from facts f
      join persons pp on pp.id = f.person_id
      where ${pred.replace(/X/g, 'pp.household_id')}
        and f.valid_from <= ${D} and (f.valid_to is null or f.valid_to > ${D})
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
        max(case when (value->>'publicWelfarePost')::boolean then greatest((value->>'postEndDate')::date - ${D}, 0) else 0 end)
          filter (where kind = 'employment') as post_ends_in_days
      from current_facts group by person_id
    )
    select p.id, p.household_id, hh.region_code, hh.org_id, p.name, p.sex,
      extract(year from age(${D}, p.birth_date))::bigint,
      coalesce(p.relationship, ''), p.relationship = 'head',
      coalesce(f.school_stage, ''), coalesce(f.elderly_alone, false), coalesce(f.incapacitated, ''),
      f.employment_employer is not null,
      f.disability_category, f.disability_grade, f.illness_severity, f.illness_name,
      f.employment_employer, f.public_welfare_post, f.post_ends_in_days
    from persons p
    join households hh on hh.id = p.household_id
    left join pivot f on f.person_id = p.id
    where ${pred.replace(/X/g, 'p.household_id')} and p.birth_date <= ${D} and not coalesce(f.deceased, false)`;
const variants: Record<string, string> = {
  original: body('', 'X in (select id from chosen)'),
  'not materialized': body('not materialized', 'X in (select id from chosen)'),
};
for (let round = 0; round < 2; round++) for (const [name, q] of Object.entries(variants)) {
  for (const jit of ['on', 'off']) {
    await db.transaction().execute(async (trx) => {
      await sql.raw(`set local jit = ${jit}`).execute(trx);
      const s = performance.now();
      await sql.raw(`create temporary table t (${Array.from({ length: 20 }, (_, i) => 'c' + i).join(',')}) on commit drop as ${q}`).execute(trx);
      console.log(name, 'jit', jit, (performance.now() - s).toFixed(0), 'ms');
    });
  }
}
await db.destroy();
