import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import '../server/src/kernel/db/open.js';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: process.env.URL ?? 'postgres://postgres@127.0.0.1:5432/huimin_bench', max: 1 }) }) });
const D = `'2026-11-23'::date`;
const pivotBody = `
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
          filter (where kind = 'employment') as post_ends_in_days`;
const q: Record<string, string> = {
  'persons⋈households count': `select count(*) from persons p join households hh on hh.id = p.household_id where p.birth_date <= ${D}`,
  'current person facts count': `select count(*) from facts f where f.person_id is not null and f.valid_from <= ${D} and (f.valid_to is null or f.valid_to > ${D})`,
  'pivot only (all facts)': `select count(*) from (select person_id, ${pivotBody} from facts f where f.person_id is not null and f.valid_from <= ${D} and (f.valid_to is null or f.valid_to > ${D}) group by person_id) x`,
  'full select via joins': `select count(*) from (select p.id, p.household_id, hh.region_code, hh.org_id, p.name, p.sex, extract(year from age(${D}, p.birth_date))::bigint, coalesce(f.school_stage, '') from persons p join households hh on hh.id = p.household_id left join (select person_id, ${pivotBody} from facts f where f.person_id is not null and f.valid_from <= ${D} and (f.valid_to is null or f.valid_to > ${D}) group by person_id) f on f.person_id = p.id where p.birth_date <= ${D} and not coalesce(f.deceased, false)) x`,
  'age() over all persons': `select count(*) from (select extract(year from age(${D}, p.birth_date))::bigint as a from persons p) x where a > -1`,
};
for (let r = 0; r < 2; r++) for (const [k, text] of Object.entries(q)) {
  await db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    const s = performance.now();
    await sql.raw(text).execute(trx);
    console.log(k.padEnd(30), (performance.now() - s).toFixed(0), 'ms');
  });
}
await db.destroy();
