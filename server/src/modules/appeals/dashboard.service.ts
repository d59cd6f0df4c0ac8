/**
 * 诉求分析: figures about the appeals of a period of Beijing days, for the 12345 centre and the
 * units. Every query carries the reader's data scope (`appealScope`, as the list does) and the
 * region and category asked for in its WHERE; JavaScript only rolls region codes up to the child
 * regions and fills the days nobody called. What each figure means is defined in
 * `contracts/appeals-dashboard.ts`:
 *
 * - totals, by category, by region, by day, satisfaction: the appeals received in the period
 *   (created_at in [from 00:00, to+1 00:00) Beijing time), by where they stand now;
 * - on time: the appeals whose reply was approved in the period and still stands (status replied
 *   or closed), merged duplicates left out; late when the reply was drafted after the due time
 *   of its clock (`replied_in_time`, decided when the draft stopped the clock; a draft sent back
 *   and written again is decided again);
 * - backlog and the oldest open appeals: open now, whenever they came in.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AppealDashboard, AppealDashboardCount, AppealDashboardOpenItem, AppealDashboardQuery } from '../../contracts/appeals-dashboard.js';
import type { AppealStatus, Satisfaction } from '../../contracts/appeals.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { escapeLike } from '../../kernel/auth/scope.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import type { ShortLivedCache } from '../../kernel/cache/short-lived.js';
import { invalidField } from '../../kernel/errors.js';
import { findRegion } from '../regions/regions.repo.js';
import { appealScope, OPEN } from './appeals.repo.js';

/** Still being handled: OPEN (a clock may run) and those waiting for dispatch. */
const OPEN_ALL = sql`('received', 'dispatched', 'accepted', 'in_progress', 'returned', 'reply_drafted')`;
/** The statuses of OPEN (appeals.repo.ts), whose clock may be running. */
const OPEN_STATUSES = new Set<AppealStatus>(['dispatched', 'accepted', 'in_progress', 'returned', 'reply_drafted']);
const DAY = 86_400_000;
/** Beijing has kept UTC+8 all year since 1991; days here are Beijing days, as in modules/calendar. */
const BEIJING = '+08:00';
/** A year and a day: enough for "this year" or "the last 12 months", small enough to stay fast. */
export const MAX_DAYS = 366;
const OLDEST = 10;

function parseDay(field: 'from' | 'to', text: string): number {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== text) {
    throw invalidField(field, `“${text}”不是有效日期（YYYY-MM-DD）`, 'not a date (YYYY-MM-DD)');
  }
  return at;
}

interface Cohort {
  category_code: string | null;
  region: string | null;
  day: string | null;
  status: AppealStatus | null;
  satisfaction: Satisfaction | null;
  /** due_at < now(): overdue when the appeal is open (OPEN). */
  due_past: boolean | null;
  /** The (category, state) grouping; otherwise the (region, day) one. */
  by_category: boolean;
  n: number;
}

export async function appealDashboard(db: Kysely<any>, actor: Actor, query: AppealDashboardQuery): Promise<AppealDashboard> {
  requirePermission(actor, 'appeal:read');
  const asOf = new Date().toISOString();
  const fromDay = parseDay('from', query.from);
  const toDay = parseDay('to', query.to);
  if (toDay < fromDay) throw invalidField('to', '结束日期不能早于开始日期', 'the end is before the start');
  const days = (toDay - fromDay) / DAY + 1;
  if (days > MAX_DAYS) throw invalidField('to', `统计期间最长 ${MAX_DAYS} 天`, `at most ${MAX_DAYS} days`);
  const start = new Date(`${query.from}T00:00:00${BEIJING}`);
  const end = new Date(Date.parse(`${query.to}T00:00:00${BEIJING}`) + DAY);

  const regionCode = query.regionCode?.trim() || null;
  const categoryCode = query.categoryCode?.trim() || null;
  type RegionRow = { code: string; name: string; prefix: string };
  const [region, roots, categories] = await Promise.all([
    regionCode ? findRegion(db, regionCode) : null,
    // Without a region, the area broken down is the one top-level region (the province).
    regionCode ? [] : sql<RegionRow>`select code, name, prefix from regions where parent_code is null order by code`.execute(db).then((r) => r.rows),
    sql<{ code: string; name: string }>`select code, name from appeal_categories`.execute(db).then((r) => new Map(r.rows.map((c) => [c.code, c.name]))),
  ]);
  if (regionCode && !region) throw invalidField('regionCode', `区划代码 ${regionCode} 不存在`, 'no such region');
  if (categoryCode && !categories.has(categoryCode)) throw invalidField('categoryCode', `未知的诉求类别“${categoryCode}”`, 'no such category');
  const area = region ?? (roots.length === 1 ? roots[0]! : null);
  const children = area ? (await sql<RegionRow>`select code, name, prefix from regions where parent_code = ${area.code} order by code`.execute(db)).rows : roots;

  const where: RawBuilder<unknown>[] = [appealScope(actor.scope)];
  if (region) where.push(sql`a.region_code like ${`${escapeLike(region.prefix)}%`}`);
  if (categoryCode) where.push(sql`a.category_code = ${categoryCode}`);
  const inScope = sql.join(where, sql` and `);
  // Children of one level share their prefix length (grids excepted): grouping on that prefix keeps the groups few.
  const lengths = new Set(children.map((c) => c.prefix.length));
  const regionKey = lengths.size === 1 ? sql`left(a.region_code, ${[...lengths][0]!}::int)` : sql`a.region_code`;

  const [cohort, replies, backlog, oldest] = await Promise.all([
    // One pass over the period's appeals (an index-only scan), grouped two ways: by category and state, by place and
    // day. Beijing days by arithmetic (UTC+8), much cheaper per row than a time zone lookup. The hash aggregate needs a
    // few MB more than the default work_mem; without them PostgreSQL sorts on disk, which takes twice as long.
    inTransaction(db, async (trx) => {
      await sql`set local work_mem = '16MB'`.execute(trx);
      return (await sql<Cohort>`select category_code, region, day::text as day, status, satisfaction, due_past, grouping(category_code) = 0 as by_category, count(*)::int as n
        from (select a.category_code, ${regionKey} as region, a.status, a.satisfaction, a.due_at < now() as due_past,
            ((a.created_at at time zone 'UTC') + interval '8 hours')::date as day
          from appeals a where a.created_at >= ${start} and a.created_at < ${end} and ${inScope}) x
        group by grouping sets ((category_code, status, satisfaction, due_past), (region, day))`.execute(trx)).rows;
    }),
    sql<{ replied: number; late: number }>`select count(*)::int as replied,
        count(*) filter (where not a.replied_in_time)::int as late
      from appeals a where a.replied_at >= ${start} and a.replied_at < ${end} and a.status in ('replied', 'closed') and a.merged_into is null
        and ${inScope}`.execute(db).then((r) => r.rows[0]!),
    sql<{ open: number; overdue: number }>`select count(*)::int as open, count(*) filter (where a.status in ${OPEN} and a.due_at < now())::int as overdue
      from appeals a where a.status in ${OPEN_ALL} and ${inScope}`.execute(db).then((r) => r.rows[0]!),
    sql<AppealDashboardOpenItem>`select a.id, a.number, a.status, c.name as "categoryName", o.name as "unitName", a.created_at as "createdAt",
        a.due_at as "dueAt", coalesce(a.status in ${OPEN} and a.due_at < now(), false) as overdue
      from appeals a join appeal_categories c on c.code = a.category_code left join organisations o on o.id = a.responsible_org_id
      where a.status in ${OPEN_ALL} and ${inScope} order by a.created_at, a.id limit ${OLDEST}`.execute(db).then((r) => r.rows),
  ]);

  const totals = { received: 0, open: 0, overdue: 0, replied: 0, closed: 0, merged: 0 };
  const satisfaction = { satisfied: 0, unsatisfied: 0, unreachable: 0 };
  const perCategory = new Map<string, number>();
  const perRegion = new Map<string, number>();
  const perDay = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const row of cohort) {
    if (row.by_category) {
      add(perCategory, row.category_code!, row.n);
      totals.received += row.n;
      if (row.status === 'closed') totals.closed += row.n;
      else if (row.status === 'replied') totals.replied += row.n;
      else if (row.status === 'merged') totals.merged += row.n;
      else totals.open += row.n;
      if (row.due_past && OPEN_STATUSES.has(row.status!)) totals.overdue += row.n;
      if (row.satisfaction) satisfaction[row.satisfaction] += row.n;
    } else {
      add(perRegion, row.region!, row.n);
      add(perDay, row.day!, row.n);
    }
  }
  const byCategory: AppealDashboardCount[] = [...perCategory].map(([code, count]) => ({ code, name: categories.get(code) ?? code, count }));
  byCategory.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const byRegion = children.map((child) => ({
    code: child.code,
    name: child.name,
    count: [...perRegion].reduce((sum, [code, n]) => (code.startsWith(child.prefix) ? sum + n : sum), 0),
  }));
  const byDay = Array.from({ length: days }, (_, i) => {
    const day = new Date(fromDay + i * DAY).toISOString().slice(0, 10);
    return { day, received: perDay.get(day) ?? 0 };
  });
  const judged = satisfaction.satisfied + satisfaction.unsatisfied;
  return {
    asOf,
    from: query.from,
    to: query.to,
    region: area ? { code: area.code, name: area.name } : null,
    categoryCode,
    totals,
    backlog,
    byCategory,
    byRegion,
    regionUnplaced: totals.received - byRegion.reduce((sum, r) => sum + r.count, 0),
    byDay,
    onTime: { replied: replies.replied, onTime: replies.replied - replies.late, late: replies.late, rate: replies.replied ? (replies.replied - replies.late) / replies.replied : null },
    satisfaction: { ...satisfaction, rate: judged ? satisfaction.satisfied / judged : null },
    oldestOpen: oldest,
  };
}

/**
 * The dashboard as many readers open it at once: the same question within the same data scope
 * (the figures depend on nothing else of the reader) is answered once and reused for a short while.
 * The permission is checked for every reader.
 */
export function sharedAppealDashboard(cache: ShortLivedCache<AppealDashboard>) {
  return (db: Kysely<any>, actor: Actor, query: AppealDashboardQuery): Promise<AppealDashboard> => {
    requirePermission(actor, 'appeal:read');
    const key = JSON.stringify([actor.scope, query.from, query.to, query.regionCode?.trim() || null, query.categoryCode?.trim() || null]);
    return cache.get(key, () => appealDashboard(db, actor, query));
  };
}
