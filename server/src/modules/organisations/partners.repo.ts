/**
 * Partner links and the reach they give. An owner reaches its own subtree, and the subtree of
 * every partner linked to it or to one of its ancestors (the city union's hospital is its
 * district unions' hospital too).
 */
import { sql, type Kysely } from 'kysely';
import type { Organisation } from './organisations.repo.js';

export async function listPartners(db: Kysely<any>, orgId: number): Promise<Organisation[]> {
  const { rows } = await sql<Organisation>`select o.id, o.parent_id as "parentId", o.name, o.type, o.region_code as "regionCode", r.name as "regionName", o.path
    from organisation_partners op join organisations o on o.id = op.partner_org_id join regions r on r.code = o.region_code
    where op.org_id = ${orgId} order by o.path`.execute(db);
  return rows;
}

export async function replacePartners(db: Kysely<any>, orgId: number, partnerOrgIds: number[]): Promise<void> {
  await sql`delete from organisation_partners where org_id = ${orgId} and not (partner_org_id = any(${partnerOrgIds}::bigint[]))`.execute(db);
  await sql`insert into organisation_partners (org_id, partner_org_id)
    select ${orgId}, unnest(${partnerOrgIds}::bigint[]) on conflict do nothing`.execute(db);
}

/** The condition "organisation `target` (a column or value) is within reach of owner `ownerOrgId`". */
export const withinReach = (ownerOrgId: number, target: string) => sql<boolean>`exists (
  select 1 from organisations owner, organisations t
  where owner.id = ${ownerOrgId} and t.id = ${sql.ref(target)} and (
    t.path like owner.path || '%'
    or exists (select 1 from organisation_partners op join organisations a on a.id = op.org_id join organisations p on p.id = op.partner_org_id
      where owner.path like a.path || '%' and t.path like p.path || '%')))`;

export async function reachableOrganisations(db: Kysely<any>, ownerOrgId: number): Promise<Organisation[]> {
  const { rows } = await sql<Organisation>`select o.id, o.parent_id as "parentId", o.name, o.type, o.region_code as "regionCode", r.name as "regionName", o.path
    from organisations o join regions r on r.code = o.region_code where ${withinReach(ownerOrgId, 'o.id')} order by o.path`.execute(db);
  return rows;
}

export async function isWithinReach(db: Kysely<any>, ownerOrgId: number, orgId: number): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select ${withinReach(ownerOrgId, 'x.id')} as ok from (select ${orgId}::bigint as id) x`.execute(db);
  return rows[0]?.ok === true;
}
