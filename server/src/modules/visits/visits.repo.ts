/** Data access for the visit log; every read and list goes through the visited household's data scope. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Visit, VisitHousehold, VisitNeed, VisitOutcome, VisitPurpose } from '../../contracts/visits.js';
import type { DataScope } from '../../kernel/auth/scope.js';
import { householdScope } from '../registry/households.repo.js';

/** A visit as stored; the service adds its photos. */
export type VisitRow = Omit<Visit, 'photos'>;

export interface NewVisit {
  householdId: number;
  visitedOn: string;
  companions: string[];
  purposes: VisitPurpose[];
  outcome: VisitOutcome;
  findings: string | null;
  needs: VisitNeed[];
  clientId: string | null;
  campaignId: number | null;
}

export interface VisitFilter {
  recordedBy?: number;
  householdId?: number;
  from?: string;
  to?: string;
}

const COLUMNS = sql`v.id, v.household_id as "householdId", hp.name as "headName", h.address, h.region_code as "regionCode", v.visited_on::text as "visitedOn",
  v.recorded_by_name as "recordedByName", v.companions, v.purposes, v.outcome, v.findings, v.needs, v.campaign_id as "campaignId",
  v.client_id::text as "clientId", v.created_at as "createdAt"`;

const FROM = sql`visits v join households h on h.id = v.household_id left join persons hp on hp.id = h.head_person_id`;

function conditions(scope: DataScope, filter: VisitFilter): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [householdScope(scope)];
  if (filter.recordedBy !== undefined) parts.push(sql<boolean>`v.recorded_by = ${filter.recordedBy}`);
  if (filter.householdId !== undefined) parts.push(sql<boolean>`v.household_id = ${filter.householdId}`);
  if (filter.from) parts.push(sql<boolean>`v.visited_on >= ${filter.from}::date`);
  if (filter.to) parts.push(sql<boolean>`v.visited_on <= ${filter.to}::date`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

export async function findVisit(db: Kysely<any>, scope: DataScope, id: number): Promise<VisitRow | null> {
  const { rows } = await sql<VisitRow>`select ${COLUMNS} from ${FROM} where v.id = ${id} and ${householdScope(scope)}`.execute(db);
  return rows[0] ?? null;
}

/** Newest visit first; a day's visits in the order they were recorded, latest first. */
export async function listVisits(db: Kysely<any>, scope: DataScope, filter: VisitFilter, page: { limit: number; offset: number }): Promise<VisitRow[]> {
  const { rows } = await sql<VisitRow>`select ${COLUMNS} from ${FROM} where ${conditions(scope, filter)}
    order by v.visited_on desc, v.id desc limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows;
}

export async function countVisits(db: Kysely<any>, scope: DataScope, filter: VisitFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${FROM} where ${conditions(scope, filter)}`.execute(db);
  return rows[0]!.n;
}

/** Where a draft's client id was stored, whatever the scope: a replay must find its first send. */
export async function findByClientId(db: Kysely<any>, clientId: string): Promise<{ id: number; householdId: number } | null> {
  const { rows } = await sql<{ id: number; householdId: number }>`select id, household_id as "householdId" from visits
    where client_id = ${clientId}::uuid order by id limit 1`.execute(db);
  return rows[0] ?? null;
}

/** Inserts the visit, or nothing when the same draft got there first; returns the new id or null. */
export async function insertVisit(db: Kysely<any>, visit: NewVisit, actor: { id: number | null; name: string }): Promise<number | null> {
  const { rows } = await sql<{ id: number }>`insert into visits (household_id, visited_on, companions, purposes, outcome, findings, needs,
      campaign_id, client_id, recorded_by, recorded_by_name)
    values (${visit.householdId}, ${visit.visitedOn}::date, ${visit.companions}::text[], ${visit.purposes}::text[], ${visit.outcome},
      ${visit.findings}, ${JSON.stringify(visit.needs)}::jsonb, ${visit.campaignId}, ${visit.clientId}::uuid, ${actor.id}, ${actor.name})
    on conflict (household_id, client_id) do nothing
    returning id`.execute(db);
  return rows[0]?.id ?? null;
}

/**
 * Households in scope for the visit form, found by a member's name (as the registry search
 * finds people) or by a part of the address, with the day each was last visited.
 */
export async function searchHouseholdsForVisit(db: Kysely<any>, scope: DataScope, match: RawBuilder<boolean> | null, limit: number): Promise<VisitHousehold[]> {
  const where = match ? sql`${householdScope(scope)} and ${match}` : householdScope(scope);
  const { rows } = await sql<VisitHousehold>`select h.id, hp.name as "headName", h.address,
      (select r.name from regions r where r.code = h.region_code) as "regionName",
      (select count(*)::int from persons m where m.household_id = h.id) as "memberCount",
      (select max(v.visited_on)::text from visits v where v.household_id = h.id) as "lastVisitedOn"
    from households h left join persons hp on hp.id = h.head_person_id
    where ${where}
    order by hp.name nulls last, h.id limit ${limit}`.execute(db);
  return rows;
}

/** The visit's needs, its row locked until the transaction ends: two clicks on 转为措施 make one measure. */
export async function lockVisitNeeds(db: Kysely<any>, id: number): Promise<VisitNeed[] | null> {
  const { rows } = await sql<{ needs: VisitNeed[] }>`select needs from visits where id = ${id} for update`.execute(db);
  return rows[0]?.needs ?? null;
}

export async function setNeedMeasure(db: Kysely<any>, id: number, index: number, measureId: number): Promise<void> {
  await sql`update visits set needs = jsonb_set(needs, ${`{${index},measureId}`}::text[], to_jsonb(${measureId}::bigint)) where id = ${id}`.execute(db);
}
