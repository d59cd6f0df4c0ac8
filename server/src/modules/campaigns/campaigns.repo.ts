/**
 * Data access for census campaigns. Two scopes meet here, both in SQL: a campaign belongs to
 * whoever's data scope holds its owner organisation or region (as a registry record does), and
 * is also seen — for its part only — by those with one of its households in their scope (a
 * district union following the city's campaign in its district); its households, in lists,
 * counts and progress alike, only where the household itself is in the reader's scope.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Campaign, CampaignHousehold, CampaignStatus, CampaignWorker, CensusStatus, CensusTask, StatusCounts } from '../../contracts/campaigns.js';
import { escapeLike, organisationScopeCondition, scopeCondition, type DataScope } from '../../kernel/auth/scope.js';
import { householdScope } from '../registry/households.repo.js';

export const campaignScope = (scope: DataScope) => scopeCondition(scope, { org: 'c.owner_org_id', region: 'c.region_code', createdBy: 'c.created_by' });

const STATUSES: CensusStatus[] = ['pending', 'visited', 'not_at_home', 'moved', 'not_found'];

/** Per-status counts over `ch` rows (a left join with no row counts nothing). */
const COUNTS = sql`count(ch.household_id)::int as total, ${sql.join(STATUSES.map((s) => sql`count(*) filter (where ch.status = ${s})::int as ${sql.ref(s)}`))}`;

type CountRow = Record<CensusStatus | 'total', number>;
export const countsOf = (row: CountRow): StatusCounts => ({
  total: row.total, pending: row.pending, visited: row.visited, not_at_home: row.not_at_home, moved: row.moved, not_found: row.not_found,
});

/** The campaign's households the reader may see: `ch` joined to its household `h`. */
const SCOPED_HOUSEHOLDS = (scope: DataScope) => sql`campaign_households ch join households h on h.id = ch.household_id and ${householdScope(scope)}`;

/** The campaign `c` is the reader's, or holds a household in the reader's scope. */
const visibleTo = (scope: DataScope) => sql<boolean>`(${campaignScope(scope)}
  or exists (select 1 from ${SCOPED_HOUSEHOLDS(scope)} where ch.campaign_id = c.id))`;

export interface CampaignRow extends Omit<Campaign, 'counts' | 'unassigned'> {
  regionPrefix: string;
  regionLevel: number;
}

const CAMPAIGN_COLUMNS = sql`c.id, c.name, c.region_code as "regionCode", r.name as "regionName", r.prefix as "regionPrefix", r.level as "regionLevel",
  c.target_rule as rule, c.target_description as description, c.owner_org_id as "ownerOrgId", o.name as "ownerOrgName",
  c.starts_on::text as "startsOn", c.ends_on::text as "endsOn", c.status, c.target_count as "targetCount",
  c.created_by_name as "createdByName", c.created_at as "createdAt", c.closed_at as "closedAt"`;
const CAMPAIGN_FROM = sql`campaigns c join regions r on r.code = c.region_code join organisations o on o.id = c.owner_org_id`;

export async function insertCampaign(
  db: Kysely<any>,
  row: { name: string; regionCode: string; rule: string; description: string | null; ownerOrgId: number; startsOn: string; endsOn: string },
  actor: { id: number | null; name: string },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into campaigns (name, region_code, target_rule, target_description, owner_org_id, starts_on, ends_on,
      target_count, created_by, created_by_name)
    values (${row.name}, ${row.regionCode}, ${row.rule}, ${row.description}, ${row.ownerOrgId}, ${row.startsOn}::date, ${row.endsOn}::date,
      0, ${actor.id}, ${actor.name})
    returning id`.execute(db);
  return rows[0]!.id;
}

export async function setTargetCount(db: Kysely<any>, id: number, count: number): Promise<void> {
  await sql`update campaigns set target_count = ${count} where id = ${id}`.execute(db);
}

/** `owned`: only a campaign that is the reader's own (to close it), not one merely reaching into their scope. */
export async function findCampaign(db: Kysely<any>, scope: DataScope, id: number, options: { forUpdate?: boolean; owned?: boolean } = {}): Promise<CampaignRow | null> {
  const { rows } = await sql<CampaignRow>`select ${CAMPAIGN_COLUMNS} from ${CAMPAIGN_FROM}
    where c.id = ${id} and ${options.owned ? campaignScope(scope) : visibleTo(scope)} ${options.forUpdate ? sql`for update of c` : sql``}`.execute(db);
  return rows[0] ?? null;
}

/** Campaigns the reader may see, open ones first, newest first, with counts over the households they may see. */
export async function listCampaigns(db: Kysely<any>, scope: DataScope, status: CampaignStatus | null, ids: number[] | null = null): Promise<Campaign[]> {
  const { rows } = await sql<CampaignRow & CountRow & { unassigned: number }>`select ${CAMPAIGN_COLUMNS}, k.*
    from ${CAMPAIGN_FROM}
    cross join lateral (select ${COUNTS}, count(*) filter (where ch.assigned_user_id is null)::int as unassigned
      from ${SCOPED_HOUSEHOLDS(scope)} where ch.campaign_id = c.id) k
    where ${visibleTo(scope)} ${status ? sql`and c.status = ${status}` : sql``} ${ids ? sql`and c.id = any(${ids}::bigint[])` : sql``}
    order by c.status = 'open' desc, c.created_at desc, c.id desc`.execute(db);
  return rows.map(({ regionPrefix: _p, regionLevel: _l, unassigned, ...row }) => ({
    id: row.id, name: row.name, regionCode: row.regionCode, regionName: row.regionName, rule: row.rule, description: row.description,
    ownerOrgId: row.ownerOrgId, ownerOrgName: row.ownerOrgName, startsOn: row.startsOn, endsOn: row.endsOn, status: row.status,
    targetCount: row.targetCount, createdByName: row.createdByName, createdAt: row.createdAt, closedAt: row.closedAt, counts: countsOf(row), unassigned,
  }));
}

export async function closeCampaignRow(db: Kysely<any>, id: number): Promise<void> {
  await sql`update campaigns set status = 'closed', closed_at = now() where id = ${id}`.execute(db);
}

/** The campaign's households nobody has yet, with their regions (to assign them). */
export async function unassignedHouseholds(db: Kysely<any>, campaignId: number): Promise<Array<{ id: number; regionCode: string }>> {
  const { rows } = await sql<{ id: number; regionCode: string }>`select ch.household_id as id, h.region_code as "regionCode"
    from campaign_households ch join households h on h.id = ch.household_id
    where ch.campaign_id = ${campaignId} and ch.assigned_user_id is null`.execute(db);
  return rows;
}

/** The given regions and their ancestors, with parent and level (for the assignment's chains). */
export async function regionsAbove(db: Kysely<any>, codes: string[]): Promise<Map<string, { parentCode: string | null; level: number }>> {
  const { rows } = await sql<{ code: string; parentCode: string | null; level: number }>`
    with recursive up as (
      select code, parent_code, level from regions where code = any(${codes}::text[])
      union
      select r.code, r.parent_code, r.level from regions r join up on r.code = up.parent_code where up.level > 5)
    select code, parent_code as "parentCode", level from up`.execute(db);
  return new Map(rows.map((r) => [r.code, { parentCode: r.parentCode, level: r.level }]));
}

const RECORDS_VISITS = sql<boolean>`exists (select 1 from user_roles ur join roles ro on ro.id = ur.role_id
  where ur.user_id = u.id and 'visit:write' = any(ro.permissions))`;

/** Active users who record visits, whose jurisdiction is one of these regions. */
export async function workersOfRegions(db: Kysely<any>, codes: string[]): Promise<Array<{ id: number; regionCode: string }>> {
  if (codes.length === 0) return [];
  const { rows } = await sql<{ id: number; regionCode: string }>`select u.id, u.region_code as "regionCode" from users u
    where not u.disabled and u.region_code = any(${codes}::text[]) and ${RECORDS_VISITS}`.execute(db);
  return rows;
}

/** How many households each worker already has in the campaign. */
export async function assignmentLoad(db: Kysely<any>, campaignId: number): Promise<Map<number, number>> {
  const { rows } = await sql<{ userId: number; n: number }>`select assigned_user_id as "userId", count(*)::int as n from campaign_households
    where campaign_id = ${campaignId} and assigned_user_id is not null group by assigned_user_id`.execute(db);
  return new Map(rows.map((r) => [r.userId, r.n]));
}

/** Sets the assignee of many households at once (one statement). */
export async function setAssignees(db: Kysely<any>, campaignId: number, pairs: Array<{ householdId: number; userId: number | null }>): Promise<void> {
  if (pairs.length === 0) return;
  await sql`update campaign_households ch set assigned_user_id = a.user_id, updated_at = now()
    from unnest(${pairs.map((p) => p.householdId)}::bigint[], ${pairs.map((p) => p.userId)}::bigint[]) as a(household_id, user_id)
    where ch.campaign_id = ${campaignId} and ch.household_id = a.household_id`.execute(db);
}

/** Coverage by child region of `area` (households at the area itself are one row, code null), within the reader's scope. */
export async function progressByArea(db: Kysely<any>, scope: DataScope, campaignId: number, area: { code: string; prefix: string }) {
  const { rows } = await sql<CountRow & { code: string | null; name: string | null }>`select a.code, a.name, ${COUNTS}
    from ${SCOPED_HOUSEHOLDS(scope)}
    left join lateral (select r.code, r.name from regions r where r.parent_code = ${area.code} and h.region_code like (r.prefix || '%') limit 1) a on true
    where ch.campaign_id = ${campaignId} and h.region_code like ${`${escapeLike(area.prefix)}%`}
    group by a.code, a.name order by a.code nulls first`.execute(db);
  return rows;
}

export async function progressByWorker(db: Kysely<any>, scope: DataScope, campaignId: number, areaPrefix: string) {
  const { rows } = await sql<CountRow & { userId: number | null; name: string | null }>`select ch.assigned_user_id as "userId", u.display_name as name, ${COUNTS}
    from ${SCOPED_HOUSEHOLDS(scope)} left join users u on u.id = ch.assigned_user_id
    where ch.campaign_id = ${campaignId} and h.region_code like ${`${escapeLike(areaPrefix)}%`}
    group by ch.assigned_user_id, u.display_name order by u.display_name nulls last`.execute(db);
  return rows;
}

export interface HouseholdFilter {
  status?: CensusStatus;
  /** A user's households, or 0 for those nobody has. */
  assignedUserId?: number;
  areaPrefix?: string;
}

const HOUSEHOLD_COLUMNS = sql`ch.campaign_id as "campaignId", ch.household_id as "householdId", hp.name as "headName", h.address,
  h.region_code as "regionCode", (select r.name from regions r where r.code = h.region_code) as "regionName", ch.status,
  ch.assigned_user_id as "assignedUserId", au.display_name as "assignedUserName", ch.last_visit_id as "lastVisitId",
  ch.last_visited_on::text as "lastVisitedOn", ch.updated_at as "updatedAt"`;
const HOUSEHOLD_JOINS = sql`left join persons hp on hp.id = h.head_person_id left join users au on au.id = ch.assigned_user_id`;

function householdConditions(campaignId: number, filter: HouseholdFilter): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [sql<boolean>`ch.campaign_id = ${campaignId}`];
  if (filter.status) parts.push(sql<boolean>`ch.status = ${filter.status}`);
  if (filter.assignedUserId === 0) parts.push(sql<boolean>`ch.assigned_user_id is null`);
  else if (filter.assignedUserId) parts.push(sql<boolean>`ch.assigned_user_id = ${filter.assignedUserId}`);
  if (filter.areaPrefix) parts.push(sql<boolean>`h.region_code like ${`${escapeLike(filter.areaPrefix)}%`}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

export async function listCampaignHouseholds(db: Kysely<any>, scope: DataScope, campaignId: number, filter: HouseholdFilter, page: { limit: number; offset: number }): Promise<CampaignHousehold[]> {
  const { rows } = await sql<CampaignHousehold>`select ${HOUSEHOLD_COLUMNS} from ${SCOPED_HOUSEHOLDS(scope)} ${HOUSEHOLD_JOINS}
    where ${householdConditions(campaignId, filter)}
    order by h.region_code, hp.name nulls last, ch.household_id limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows;
}

export async function countCampaignHouseholds(db: Kysely<any>, scope: DataScope, campaignId: number, filter: HouseholdFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${SCOPED_HOUSEHOLDS(scope)} where ${householdConditions(campaignId, filter)}`.execute(db);
  return rows[0]!.n;
}

/** A grid worker's households in open campaigns: not yet visited first, then nobody home (to go back), then the rest. */
export async function tasksOf(db: Kysely<any>, scope: DataScope, userId: number): Promise<CensusTask[]> {
  const { rows } = await sql<CensusTask>`select ${HOUSEHOLD_COLUMNS}, c.name as "campaignName", c.ends_on::text as "campaignEndsOn",
      c.target_description as "targetDescription", (select count(*)::int from persons m where m.household_id = h.id) as "memberCount"
    from ${SCOPED_HOUSEHOLDS(scope)} ${HOUSEHOLD_JOINS} join campaigns c on c.id = ch.campaign_id and c.status = 'open'
    where ch.assigned_user_id = ${userId}
    order by case ch.status when 'pending' then 0 when 'not_at_home' then 1 else 2 end, c.ends_on, hp.name nulls last, ch.household_id`.execute(db);
  return rows;
}

/**
 * Who households may be assigned to: active users who record visits, working in the reader's
 * organisations or with a jurisdiction inside the campaign's region.
 */
export async function listWorkers(db: Kysely<any>, scope: DataScope, regionPrefix: string): Promise<CampaignWorker[]> {
  const { rows } = await sql<CampaignWorker>`select u.id, u.display_name as name, o.name as "orgName", u.region_code as "regionCode", r.name as "regionName"
    from users u join organisations o on o.id = u.org_id left join regions r on r.code = u.region_code
    where not u.disabled and ${RECORDS_VISITS}
      and (u.region_code like ${`${escapeLike(regionPrefix)}%`} or ${organisationScopeCondition(scope, sql`array[u.org_id]`)})
    order by u.region_code nulls last, u.display_name`.execute(db);
  return rows;
}

/**
 * For each household (of the campaign, in the reader's scope): whether this user can reach it —
 * their jurisdiction covers its region, or their organisation owns it or is above its owner.
 */
export async function reachOfWorker(db: Kysely<any>, scope: DataScope, campaignId: number, householdIds: number[], userId: number) {
  const { rows } = await sql<{ householdId: number; reachable: boolean }>`select ch.household_id as "householdId",
      (coalesce(h.region_code like (ur.prefix || '%'), false) or ho.path like (uo.path || '%')) as reachable
    from ${SCOPED_HOUSEHOLDS(scope)} join organisations ho on ho.id = h.org_id
    cross join users u join organisations uo on uo.id = u.org_id left join regions ur on ur.code = u.region_code
    where ch.campaign_id = ${campaignId} and ch.household_id = any(${householdIds}::bigint[]) and u.id = ${userId}`.execute(db);
  return rows;
}

/** Which of these households are in the campaign and in the reader's scope. */
export async function householdsInCampaign(db: Kysely<any>, scope: DataScope, campaignId: number, householdIds: number[]): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select ch.household_id as id from ${SCOPED_HOUSEHOLDS(scope)}
    where ch.campaign_id = ${campaignId} and ch.household_id = any(${householdIds}::bigint[])`.execute(db);
  return rows.map((r) => r.id);
}

export async function findWorker(db: Kysely<any>, id: number): Promise<{ id: number; name: string; active: boolean; recordsVisits: boolean } | null> {
  const { rows } = await sql<{ id: number; name: string; active: boolean; recordsVisits: boolean }>`select u.id, u.display_name as name,
    not u.disabled as active, ${RECORDS_VISITS} as "recordsVisits" from users u where u.id = ${id}`.execute(db);
  return rows[0] ?? null;
}

/** The census side of a household: its campaign's state and its own, whatever the reader's campaign scope. */
export async function findCensusTarget(db: Kysely<any>, campaignId: number, householdId: number) {
  const { rows } = await sql<{ name: string; campaignStatus: CampaignStatus; startsOn: string; inCampaign: boolean }>`select c.name,
      c.status as "campaignStatus", c.starts_on::text as "startsOn",
      exists (select 1 from campaign_households ch where ch.campaign_id = c.id and ch.household_id = ${householdId}) as "inCampaign"
    from campaigns c where c.id = ${campaignId}`.execute(db);
  return rows[0] ?? null;
}

/** A census visit's outcome becomes the household's status, unless a later visit already set it. */
export async function markCensusVisit(db: Kysely<any>, row: { campaignId: number; householdId: number; visitId: number; visitedOn: string; outcome: CensusStatus }): Promise<void> {
  await sql`update campaign_households set status = ${row.outcome}, last_visit_id = ${row.visitId}, last_visited_on = ${row.visitedOn}::date, updated_at = now()
    where campaign_id = ${row.campaignId} and household_id = ${row.householdId}
      and (last_visited_on is null or last_visited_on <= ${row.visitedOn}::date)`.execute(db);
}
