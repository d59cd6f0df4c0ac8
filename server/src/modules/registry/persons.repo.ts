/** SQL for persons. Every read takes the caller's data scope as a condition. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { scopeCondition, type DataScope } from '../../kernel/auth/scope.js';
import type { PersonRecord } from '../../contracts/registry.js';
import type { ValidPerson } from './person-validation.js';

export type PersonRow = PersonRecord;

/** A person is in scope by their own record, or as a member of a household that is. */
export function personScope(scope: DataScope, alias = 'p'): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  const own = scopeCondition(scope, { org: `${alias}.org_id`, region: `${alias}.region_code`, createdBy: `${alias}.created_by` });
  const viaHousehold = scopeCondition(scope, { org: 'sh.org_id', region: 'sh.region_code', createdBy: 'sh.created_by' });
  // A per-row lookup of the one household by primary key; an EXISTS here was planned as a scan of all households.
  return sql<boolean>`(${own} or coalesce((select ${viaHousehold} from households sh where sh.id = ${sql.ref(`${alias}.household_id`)}), false))`;
}

const personColumns = sql`p.id, p.id_number as "idNumber", p.name, p.sex, p.birth_date as "birthDate", p.phone, p.address,
  p.region_code as "regionCode", (select r.name from regions r where r.code = p.region_code) as "regionName",
  p.org_id as "orgId", p.household_id as "householdId", p.relationship, p.created_at as "createdAt", p.updated_at as "updatedAt"`;

export async function findPerson(db: Kysely<any>, scope: DataScope, id: number, forUpdate = false): Promise<PersonRow | null> {
  const { rows } = await sql<PersonRow>`select ${personColumns} from persons p
    where p.id = ${id} and ${personScope(scope)} ${forUpdate ? sql`for update` : sql``}`.execute(db);
  return rows[0] ?? null;
}

/** Unscoped lookup by ID number, used only to detect duplicates (the answer never leaves the service). */
export async function findPersonIdByIdNumber(db: Kysely<any>, idNumber: string): Promise<{ id: number; householdId: number | null } | null> {
  const { rows } = await sql<{ id: number; householdId: number | null }>`
    select id, household_id as "householdId" from persons where id_number = ${idNumber}`.execute(db);
  return rows[0] ?? null;
}

export async function insertPerson(
  db: Kysely<any>,
  person: ValidPerson & { orgId: number; createdBy: number | null; householdId?: number | null; relationship?: string | null },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into persons
    (id_number, name, name_pinyin, name_initials, sex, birth_date, phone, address, region_code, org_id, household_id, relationship, created_by)
    values (${person.idNumber}, ${person.name}, ${person.namePinyin}, ${person.nameInitials}, ${person.sex}, ${person.birthDate},
      ${person.phone}, ${person.address}, ${person.regionCode}, ${person.orgId}, ${person.householdId ?? null},
      ${person.relationship ?? null}, ${person.createdBy}) returning id`.execute(db);
  return rows[0].id;
}

export async function updatePerson(db: Kysely<any>, id: number, person: ValidPerson): Promise<void> {
  await sql`update persons set id_number = ${person.idNumber}, name = ${person.name}, name_pinyin = ${person.namePinyin},
    name_initials = ${person.nameInitials}, sex = ${person.sex}, birth_date = ${person.birthDate}, phone = ${person.phone},
    address = ${person.address}, region_code = ${person.regionCode}, updated_at = now() where id = ${id}`.execute(db);
}

export async function setMembership(db: Kysely<any>, personId: number, householdId: number | null, relationship: string | null): Promise<void> {
  await sql`update persons set household_id = ${householdId}, relationship = ${relationship}, updated_at = now() where id = ${personId}`.execute(db);
}

export interface PersonListFilter {
  where: RawBuilder<boolean>[];
}

export async function listPersons(
  db: Kysely<any>,
  scope: DataScope,
  conditions: RawBuilder<boolean>[],
  page: { limit: number; offset: number },
): Promise<PersonRow[]> {
  const where = sql.join([personScope(scope), ...conditions], sql` and `);
  const { rows } = await sql<PersonRow>`select ${personColumns} from persons p where ${where}
    order by p.id desc limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows;
}

/** Counts up to `cap` matches (then the UI says "cap+"), so a list over a million rows stays fast. */
export async function countPersons(db: Kysely<any>, scope: DataScope, conditions: RawBuilder<boolean>[], cap: number): Promise<number> {
  const where = sql.join([personScope(scope), ...conditions], sql` and `);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (select 1 from persons p where ${where} limit ${cap}) t`.execute(db);
  return rows[0].n;
}

export async function membersOf(db: Kysely<any>, householdId: number): Promise<PersonRow[]> {
  const { rows } = await sql<PersonRow>`select ${personColumns} from persons p where p.household_id = ${householdId}
    order by case p.relationship when 'head' then 0 when 'spouse' then 1 else 2 end, p.birth_date`.execute(db);
  return rows;
}
