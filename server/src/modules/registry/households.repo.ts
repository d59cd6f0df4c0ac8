/** SQL for households. Every read takes the caller's data scope as a condition. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { scopeCondition, type DataScope } from '../../kernel/auth/scope.js';
import type { HouseholdSummary } from '../../contracts/registry.js';

/** Same shape as the API's summary; the head's ID number is still clear here. */
export type HouseholdRow = HouseholdSummary;

export const householdScope = (scope: DataScope, alias = 'h') =>
  scopeCondition(scope, { org: `${alias}.org_id`, region: `${alias}.region_code`, createdBy: `${alias}.created_by` });

export const CURRENT_FACT = sql`f.valid_from <= current_date and (f.valid_to is null or f.valid_to > current_date)`;

const householdColumns = sql`h.id, h.head_person_id as "headPersonId", hp.name as "headName", hp.id_number as "headIdNumber",
  h.address, h.region_code as "regionCode", (select r.name from regions r where r.code = h.region_code) as "regionName",
  h.org_id as "orgId", o.name as "orgName",
  (select count(*)::int from persons m where m.household_id = h.id) as "memberCount",
  (select f.value->>'status' from facts f where f.household_id = h.id and f.kind = 'assistance_status' and ${CURRENT_FACT}
    order by f.valid_from desc limit 1) as "assistanceStatus",
  h.created_at as "createdAt", h.updated_at as "updatedAt"`;

const householdFrom = sql`households h join organisations o on o.id = h.org_id left join persons hp on hp.id = h.head_person_id`;

export async function findHousehold(db: Kysely<any>, scope: DataScope, id: number, forUpdate = false): Promise<HouseholdRow | null> {
  const lock = forUpdate ? sql`for update of h` : sql``;
  const { rows } = await sql<HouseholdRow>`select ${householdColumns} from ${householdFrom}
    where h.id = ${id} and ${householdScope(scope)} ${lock}`.execute(db);
  return rows[0] ?? null;
}

export async function listHouseholds(
  db: Kysely<any>,
  scope: DataScope,
  conditions: RawBuilder<boolean>[],
  page: { limit: number; offset: number },
): Promise<HouseholdRow[]> {
  const where = sql.join([householdScope(scope), ...conditions], sql` and `);
  const { rows } = await sql<HouseholdRow>`select ${householdColumns} from ${householdFrom} where ${where}
    order by h.id desc limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows;
}

export async function countHouseholds(db: Kysely<any>, scope: DataScope, conditions: RawBuilder<boolean>[], cap: number): Promise<number> {
  const where = sql.join([householdScope(scope), ...conditions], sql` and `);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (select 1 from households h where ${where} limit ${cap}) t`.execute(db);
  return rows[0].n;
}

export async function insertHousehold(
  db: Kysely<any>,
  household: { address: string | null; regionCode: string; orgId: number; createdBy: number | null },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into households (address, region_code, org_id, created_by)
    values (${household.address}, ${household.regionCode}, ${household.orgId}, ${household.createdBy}) returning id`.execute(db);
  return rows[0].id;
}

export async function updateHousehold(db: Kysely<any>, id: number, fields: { address: string | null; regionCode: string }): Promise<void> {
  await sql`update households set address = ${fields.address}, region_code = ${fields.regionCode}, updated_at = now() where id = ${id}`.execute(db);
}

export async function setHead(db: Kysely<any>, householdId: number, personId: number | null): Promise<void> {
  await sql`update households set head_person_id = ${personId}, updated_at = now() where id = ${householdId}`.execute(db);
}
