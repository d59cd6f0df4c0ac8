/**
 * The monthly ledger (按月报送工作台账): per policy and region, who received money in the
 * month, who started and who stopped, and the amount by funding source — every figure is a
 * sum of ledger lines the screen can drill into. Read through the household data scope, so
 * a district union sees its district.
 */
import { sql, type Kysely } from 'kysely';
import type { LedgerReport, LedgerRow, SourceTotal } from '../../../contracts/benefits.js';
import { requirePermission, type Actor } from '../../../kernel/auth/actor.js';
import { invalidField } from '../../../kernel/errors.js';
import { householdScope } from '../../registry/households.repo.js';
import { MONTH_PERIOD, periodBounds } from '../proration.js';

/** The month a run's lines are reported in: a monthly run's own period, else the month it was made. */
export const LEDGER_MONTH = sql`(case when r.period ~ '^[0-9]{4}-[0-9]{2}$' then r.period
  else to_char(r.created_at at time zone 'Asia/Shanghai', 'YYYY-MM') end)`;

const LEVEL_DIGITS = { county: 6, township: 9 } as const;

export async function ledgerReport(db: Kysely<any>, actor: Actor, month: string, level: 'county' | 'township', policyCode: string | null): Promise<LedgerReport> {
  requirePermission(actor, 'payment:read');
  if (!MONTH_PERIOD.test(month)) throw invalidField('month', '月份应为 YYYY-MM', 'expected YYYY-MM');
  const { start, end } = periodBounds(month);
  const digits = LEVEL_DIGITS[level];
  const scope = householdScope(actor.scope);
  const policyFilter = policyCode ? sql`and p.code = ${policyCode}` : sql``;
  const { rows } = await sql<LedgerRow & { sources: SourceTotal[] | null }>`
    with paid as (
      select l.policy_id, left(l.region_code, ${digits}) as region, count(distinct l.enrollment_id) filter (where l.amount_fen > 0) as recipients,
        sum(l.amount_fen) as amount, coalesce(sum(l.amount_fen) filter (where l.status = 'paid'), 0) as paid
      from payment_lines l join payment_runs r on r.id = l.run_id join households h on h.id = l.household_id
      where ${LEDGER_MONTH} = ${month} and l.status <> 'void' and r.status <> 'rejected' and ${scope}
      group by 1, 2
    ), funds as (
      select policy_id, region, json_agg(json_build_object('source', source, 'amountFen', fen) order by source) as sources from (
        select l.policy_id, left(l.region_code, ${digits}) as region, f.source, sum(f.amount_fen)::bigint as fen
        from payment_line_funds f join payment_lines l on l.id = f.line_id join payment_runs r on r.id = l.run_id join households h on h.id = l.household_id
        where ${LEDGER_MONTH} = ${month} and l.status <> 'void' and r.status <> 'rejected' and ${scope}
        group by 1, 2, 3) s
      group by 1, 2
    ), moves as (
      select e.policy_id, left(h.region_code, ${digits}) as region,
        count(*) filter (where e.started_on >= ${start}::date and e.started_on < ${end}::date) as started,
        count(*) filter (where e.status = 'stopped' and e.ended_on >= ${start}::date and e.ended_on < ${end}::date) as stopped
      from enrollments e join households h on h.id = e.household_id
      where e.status in ('active', 'suspended', 'stopped') and ${scope}
        and ((e.started_on >= ${start}::date and e.started_on < ${end}::date) or (e.ended_on >= ${start}::date and e.ended_on < ${end}::date))
      group by 1, 2
    ), keys as (select policy_id, region from paid union select policy_id, region from moves)
    select p.code as "policyCode", coalesce(av.name_zh, p.code) as "policyName", k.region as "regionCode",
      (select name from regions where code = k.region) as "regionName",
      coalesce(pd.recipients, 0)::int as recipients, coalesce(m.started, 0)::int as "newRecipients", coalesce(m.stopped, 0)::int as stopped,
      coalesce(pd.amount, 0)::bigint as "amountFen", coalesce(pd.paid, 0)::bigint as "paidFen", fd.sources
    from keys k join policies p on p.id = k.policy_id left join policy_versions av on av.policy_id = p.id and av.status = 'active'
    left join paid pd on pd.policy_id = k.policy_id and pd.region = k.region
    left join moves m on m.policy_id = k.policy_id and m.region = k.region
    left join funds fd on fd.policy_id = k.policy_id and fd.region = k.region
    where true ${policyFilter}
    order by p.code, k.region`.execute(db);
  const items: LedgerRow[] = rows.map(({ sources, ...row }) => ({ ...row, bySource: (sources ?? []).map((s) => ({ source: s.source, amountFen: Number(s.amountFen) })) }));
  return { month, level, rows: items, totals: totalsOf(items) };
}

function totalsOf(rows: LedgerRow[]): LedgerReport['totals'] {
  const bySource = new Map<string, number>();
  for (const row of rows) for (const s of row.bySource) bySource.set(s.source, (bySource.get(s.source) ?? 0) + s.amountFen);
  return {
    recipients: rows.reduce((n, r) => n + r.recipients, 0),
    newRecipients: rows.reduce((n, r) => n + r.newRecipients, 0),
    stopped: rows.reduce((n, r) => n + r.stopped, 0),
    amountFen: rows.reduce((n, r) => n + r.amountFen, 0),
    paidFen: rows.reduce((n, r) => n + r.paidFen, 0),
    bySource: [...bySource].map(([source, amountFen]) => ({ source, amountFen })).sort((a, b) => a.source.localeCompare(b.source)),
  };
}
