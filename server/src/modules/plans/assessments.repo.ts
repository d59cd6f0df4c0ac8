/** Data access for assessments; every read and write goes through the household's data scope. */
import { sql, type Kysely } from 'kysely';
import type { Assessment, AssessmentInput, CauseCount, HardshipCause } from '../../contracts/plans.js';
import type { DataScope } from '../../kernel/auth/scope.js';
import { householdScope } from '../registry/households.repo.js';

const COLUMNS = sql`a.id, a.household_id as "householdId", a.year, a.causes, a.needs, a.summary, a.assessed_on::text as "assessedOn",
  a.assessed_by_name as "assessedByName", a.created_at as "createdAt", a.updated_at as "updatedAt"`;

export async function listAssessments(db: Kysely<any>, scope: DataScope, householdId: number): Promise<Assessment[]> {
  const { rows } = await sql<Assessment>`select ${COLUMNS} from assessments a join households h on h.id = a.household_id
    where a.household_id = ${householdId} and ${householdScope(scope)} order by a.year desc`.execute(db);
  return rows;
}

export async function findAssessment(db: Kysely<any>, householdId: number, year: number): Promise<Assessment | null> {
  const { rows } = await sql<Assessment>`select ${COLUMNS} from assessments a where a.household_id = ${householdId} and a.year = ${year}`.execute(db);
  return rows[0] ?? null;
}

/** One assessment per household and year: a second one for the year replaces the first (audited). */
export async function saveAssessment(db: Kysely<any>, householdId: number, year: number, input: AssessmentInput, actor: { id: number | null; name: string }): Promise<void> {
  await sql`insert into assessments (household_id, year, causes, needs, summary, assessed_on, assessed_by, assessed_by_name)
    values (${householdId}, ${year}, ${JSON.stringify(input.causes)}::jsonb, ${input.needs}::text[], ${input.summary}, ${input.assessedOn}::date, ${actor.id}, ${actor.name})
    on conflict (household_id, year) do update set causes = excluded.causes, needs = excluded.needs, summary = excluded.summary,
      assessed_on = excluded.assessed_on, assessed_by = excluded.assessed_by, assessed_by_name = excluded.assessed_by_name, updated_at = now()`.execute(db);
}

export async function countByCause(db: Kysely<any>, scope: DataScope, year: number): Promise<Array<{ cause: HardshipCause; households: number }>> {
  const { rows } = await sql<{ cause: HardshipCause; households: number }>`
    select c->>'cause' as cause, count(distinct a.household_id)::int as households
    from assessments a join households h on h.id = a.household_id cross join lateral jsonb_array_elements(a.causes) c
    where a.year = ${year} and ${householdScope(scope)}
    group by c->>'cause' order by households desc, cause`.execute(db);
  return rows;
}

export type { CauseCount };
