/** SQL for the organisation tree. */
import { sql, type Kysely } from 'kysely';

export const ORGANISATION_TYPES = [
  'trade_union', 'womens_federation', 'disabled_federation', 'civil_affairs', 'hr_social_security',
  'education', 'medical_insurance', 'health', 'hospital', 'insurer', 'enterprise', 'charity',
  'community', 'grid', 'government', 'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export interface Organisation {
  id: number;
  parentId: number | null;
  name: string;
  type: OrganisationType;
  regionCode: string;
  regionName: string;
  path: string;
}

const select = sql`select o.id, o.parent_id as "parentId", o.name, o.type, o.region_code as "regionCode",
  r.name as "regionName", o.path from organisations o join regions r on r.code = o.region_code`;

export async function findOrganisation(db: Kysely<any>, id: number): Promise<Organisation | null> {
  const { rows } = await sql<Organisation>`${select} where o.id = ${id}`.execute(db);
  return rows[0] ?? null;
}

export async function findOrganisationByName(db: Kysely<any>, name: string): Promise<Organisation | null> {
  const { rows } = await sql<Organisation>`${select} where o.name = ${name} order by o.id limit 1`.execute(db);
  return rows[0] ?? null;
}

export async function listOrganisations(db: Kysely<any>): Promise<Organisation[]> {
  const { rows } = await sql<Organisation>`${select} order by o.path`.execute(db);
  return rows;
}

export async function insertOrganisation(
  db: Kysely<any>,
  input: { parentId: number | null; parentPath: string; name: string; type: OrganisationType; regionCode: string },
): Promise<number> {
  // The path needs the new id, so the row is inserted and its path set in one statement.
  const { rows } = await sql<{ id: number }>`
    with next as (select nextval(pg_get_serial_sequence('organisations', 'id')) as id)
    insert into organisations (id, parent_id, name, type, region_code, path)
    select next.id, ${input.parentId}, ${input.name}, ${input.type}, ${input.regionCode}, ${input.parentPath} || next.id || '/'
    from next returning id`.execute(db);
  return rows[0].id;
}
