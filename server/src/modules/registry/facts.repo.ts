/** SQL for dated facts: append a fact, end one, read current and past facts of a household. */
import { sql, type Kysely } from 'kysely';
import type { FactRecord } from '../../contracts/registry.js';
import type { FactKind } from './facts.js';

export type FactRow = FactRecord;

const factColumns = sql`f.id, f.person_id as "personId", f.household_id as "householdId", f.kind, f.value, f.source,
  f.valid_from as "validFrom", f.valid_to as "validTo", f.recorded_by as "recordedBy", u.display_name as "recordedByName",
  f.recorded_at as "recordedAt",
  (f.valid_from <= current_date and (f.valid_to is null or f.valid_to > current_date)) as current`;

export async function insertFact(
  db: Kysely<any>,
  fact: { personId: number | null; householdId: number | null; kind: FactKind; value: unknown; source: string; validFrom: string; validTo: string | null; recordedBy: number | null },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into facts (person_id, household_id, kind, value, source, valid_from, valid_to, recorded_by)
    values (${fact.personId}, ${fact.householdId}, ${fact.kind}, ${JSON.stringify(fact.value)}::jsonb, ${fact.source},
      ${fact.validFrom}, ${fact.validTo}, ${fact.recordedBy}) returning id`.execute(db);
  return rows[0].id;
}

/** The still-open facts of one kind for one subject (to end them when a new one starts). */
export async function openFacts(db: Kysely<any>, subject: { personId: number | null; householdId: number | null }, kind: FactKind): Promise<FactRow[]> {
  const who = subject.personId !== null ? sql`f.person_id = ${subject.personId}` : sql`f.household_id = ${subject.householdId}`;
  const { rows } = await sql<FactRow>`select ${factColumns} from facts f left join users u on u.id = f.recorded_by
    where ${who} and f.kind = ${kind} and f.valid_to is null for update of f`.execute(db);
  return rows;
}

export async function findFact(db: Kysely<any>, id: number): Promise<FactRow | null> {
  const { rows } = await sql<FactRow>`select ${factColumns} from facts f left join users u on u.id = f.recorded_by where f.id = ${id}`.execute(db);
  return rows[0] ?? null;
}

export async function endFact(db: Kysely<any>, id: number, validTo: string): Promise<void> {
  await sql`update facts set valid_to = ${validTo} where id = ${id}`.execute(db);
}

/** Every fact, current and past, of a household and its current members. */
export async function factsOfHousehold(db: Kysely<any>, householdId: number): Promise<FactRow[]> {
  const { rows } = await sql<FactRow>`select ${factColumns} from facts f left join users u on u.id = f.recorded_by
    where f.household_id = ${householdId}
       -- = any(array(...)) runs the member lookup once through its index; "in (select ...)" scanned all facts.
       or f.person_id = any(array(select id from persons where household_id = ${householdId}))
    order by f.valid_from desc, f.id desc`.execute(db);
  return rows;
}

export async function factsOfPerson(db: Kysely<any>, personId: number): Promise<FactRow[]> {
  const { rows } = await sql<FactRow>`select ${factColumns} from facts f left join users u on u.id = f.recorded_by
    where f.person_id = ${personId} order by f.valid_from desc, f.id desc`.execute(db);
  return rows;
}
