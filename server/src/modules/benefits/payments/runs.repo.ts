/** Data access for payment runs: the run rows, their totals, budget warnings and lines. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { BudgetWarning, PaymentLine, PaymentRun, PolicyTotal, SourceTotal } from '../../../contracts/benefits.js';
import type { DataScope } from '../../../kernel/auth/scope.js';
import { householdScope } from '../../registry/households.repo.js';
import { LEDGER_MONTH } from '../ledger/ledger.service.js';

type RunRow = Omit<PaymentRun, 'progress'>;

const RUN_COLUMNS = sql`r.id, r.period, r.policy_codes as "policyCodes", r.status, r.line_count as "lineCount", r.amount_fen as "amountFen",
  r.by_policy as "byPolicy", r.by_source as "bySource", r.warnings, r.missing_accounts as "missingAccounts", r.declared_lines as "declaredLines", r.declared_fen as "declaredFen", r.note,
  cu.display_name as "createdByName", r.created_at as "createdAt", r.created_by as "createdBy", au.display_name as "approvedByName",
  r.approved_at as "approvedAt", r.released_at as "releasedAt", r.reconciled_at as "reconciledAt", r.rejected_reason as "rejectedReason",
  (select count(*) from payment_lines l where l.run_id = r.id and l.review_status = 'pending' and l.status <> 'void')::int as "pendingReview",
  (select json_build_object(
      'arrears', count(*) filter (where l.kind = 'arrears'), 'arrearsFen', coalesce(sum(l.amount_fen) filter (where l.kind = 'arrears'), 0),
      'recovery', count(*) filter (where l.kind = 'recovery'), 'recoveryFen', coalesce(sum(l.amount_fen) filter (where l.kind = 'recovery'), 0))
    from payment_lines l where l.run_id = r.id and l.status <> 'void') as corrections,
  (select json_build_object(
      'paid', count(*) filter (where l.status = 'paid'), 'paidFen', coalesce(sum(l.amount_fen) filter (where l.status = 'paid'), 0),
      'failed', count(*) filter (where l.status = 'failed'), 'failedFen', coalesce(sum(l.amount_fen) filter (where l.status = 'failed'), 0))
    from payment_lines l where l.run_id = r.id) as settled`;

const RUN_FROM = sql`payment_runs r left join users cu on cu.id = r.created_by left join users au on au.id = r.approved_by`;

export async function findRunByKey(db: Kysely<any>, requestKey: string): Promise<(RunRow & { createdBy: number | null }) | null> {
  const { rows } = await sql<RunRow & { createdBy: number | null }>`select ${RUN_COLUMNS} from ${RUN_FROM}
    where r.request_key = ${requestKey} and r.status <> 'rejected'`.execute(db);
  return rows[0] ?? null;
}

export async function findPaymentRun(db: Kysely<any>, id: number, forUpdate = false): Promise<(RunRow & { createdBy: number | null }) | null> {
  const lock = forUpdate ? sql`for update of r` : sql``;
  const { rows } = await sql<RunRow & { createdBy: number | null }>`select ${RUN_COLUMNS} from ${RUN_FROM} where r.id = ${id} ${lock}`.execute(db);
  return rows[0] ?? null;
}

export async function listPaymentRuns(db: Kysely<any>, limit: number): Promise<RunRow[]> {
  const { rows } = await sql<RunRow>`select ${RUN_COLUMNS} from ${RUN_FROM} order by r.id desc limit ${limit}`.execute(db);
  return rows;
}

export async function insertPaymentRun(db: Kysely<any>, run: { period: string; policyCodes: string[]; requestKey: string; note: string | null; createdBy: number | null }): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into payment_runs (period, policy_codes, request_key, status, note, created_by)
    values (${run.period}, ${run.policyCodes}::text[], ${run.requestKey}, 'building', ${run.note}, ${run.createdBy}) returning id`.execute(db);
  return rows[0]!.id;
}

export interface RunTotals {
  lines: number;
  amountFen: number;
  byPolicy: PolicyTotal[];
  bySource: SourceTotal[];
  /** Lines the bank cannot pay for want of the payee's account (goods given in kind need none). */
  missingAccounts: number;
}

/** Recounts a run from its lines (one pass) and their funding parts (one pass): what the ledger check compares. */
export async function runTotals(db: Kysely<any>, runId: number): Promise<RunTotals> {
  const [byPolicy, bySource] = await Promise.all([
    sql<PolicyTotal & { missing: number }>`
      select p.code, coalesce(av.name_zh, p.code) as name, t.lines, t."amountFen", t.missing
      from (
        select l.policy_id, count(*)::int as lines, sum(l.amount_fen)::bigint as "amountFen",
          count(*) filter (where l.amount_fen > 0 and not exists (select 1 from bank_accounts a where a.person_id = l.payee_person_id)
            and l.enrollment_id not in (select e.id from enrollments e where e.in_kind is not null))::int as missing
        from payment_lines l where l.run_id = ${runId} and l.status <> 'void' group by l.policy_id
      ) t join policies p on p.id = t.policy_id left join policy_versions av on av.policy_id = p.id and av.status = 'active'
      order by p.code`.execute(db),
    sql<SourceTotal>`select f.source, sum(f.amount_fen)::bigint as "amountFen" from payment_line_funds f
      where f.run_id = ${runId} and f.line_id not in (select l.id from payment_lines l where l.run_id = ${runId} and l.status = 'void')
      group by f.source order by f.source`.execute(db),
  ]);
  const policies = byPolicy.rows.map(({ missing: _missing, ...p }) => ({ ...p, amountFen: Number(p.amountFen) }));
  return {
    lines: policies.reduce((n, p) => n + p.lines, 0),
    amountFen: policies.reduce((n, p) => n + p.amountFen, 0),
    byPolicy: policies,
    bySource: bySource.rows.map((s) => ({ ...s, amountFen: Number(s.amountFen) })),
    missingAccounts: byPolicy.rows.reduce((n, p) => n + p.missing, 0),
  };
}

/** Budgets of the run's year that this run takes (or has taken) past their amount. */
export async function budgetWarnings(db: Kysely<any>, runId: number, year: number): Promise<BudgetWarning[]> {
  const { rows } = await sql<BudgetWarning>`
    with run_sources as (
      select distinct f.source from payment_line_funds f join payment_lines l on l.id = f.line_id where l.run_id = ${runId}
    )
    select s.name as source, b.region_code as "regionCode", rg.name as "regionName", b.year, b.budget_fen as "budgetFen",
      (select coalesce(sum(f.amount_fen), 0) from payment_line_funds f join payment_lines l on l.id = f.line_id join payment_runs pr on pr.id = l.run_id
        where f.source = s.name and l.status <> 'void' and pr.status <> 'rejected' and left(pr.period, 4) = b.year::text
          and l.region_code like rg.prefix || '%')::bigint as "usedFen",
      (select coalesce(sum(f.amount_fen), 0) from payment_line_funds f join payment_lines l on l.id = f.line_id
        where f.source = s.name and l.run_id = ${runId} and l.status <> 'void' and l.region_code like rg.prefix || '%')::bigint as "runFen"
    from funding_budgets b join funding_sources s on s.id = b.source_id join regions rg on rg.code = b.region_code
    where b.year = ${year} and s.name in (select source from run_sources)`.execute(db);
  return rows
    .map((r) => ({ ...r, budgetFen: Number(r.budgetFen), usedFen: Number(r.usedFen), runFen: Number(r.runFen) }))
    .filter((r) => r.runFen > 0 && r.usedFen > r.budgetFen);
}

export async function saveTotals(db: Kysely<any>, runId: number, totals: RunTotals, warnings: BudgetWarning[] | null, status?: string): Promise<void> {
  await sql`update payment_runs set line_count = ${totals.lines}, amount_fen = ${totals.amountFen}, missing_accounts = ${totals.missingAccounts},
    by_policy = ${JSON.stringify(totals.byPolicy)}::jsonb,
    by_source = ${JSON.stringify(totals.bySource)}::jsonb ${warnings ? sql`, warnings = ${JSON.stringify(warnings)}::jsonb` : sql``}
    ${status ? sql`, status = ${status}` : sql``} where id = ${runId}`.execute(db);
}

export interface LineFilter {
  kind?: string;
  status?: string;
  reviewPending?: boolean;
  policyCode?: string;
  regionCode?: string;
  period?: string;
  runId?: number;
  enrollmentId?: number;
  householdId?: number;
  /** The ledger month of the line's run (see ledger.service.ts). */
  month?: string;
}

function lineWhere(scope: DataScope, filter: LineFilter): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [householdScope(scope)];
  if (filter.runId) parts.push(sql`l.run_id = ${filter.runId}`);
  if (filter.kind) parts.push(sql`l.kind = ${filter.kind}`);
  if (filter.status) parts.push(sql`l.status = ${filter.status}`);
  if (filter.reviewPending) parts.push(sql`l.review_status = 'pending' and l.status <> 'void'`);
  if (filter.policyCode) parts.push(sql`p.code = ${filter.policyCode}`);
  if (filter.regionCode) parts.push(sql`l.region_code like ${`${filter.regionCode.replace(/0+$/, '')}%`}`);
  if (filter.period) parts.push(sql`l.period = ${filter.period}`);
  if (filter.enrollmentId) parts.push(sql`l.enrollment_id = ${filter.enrollmentId}`);
  if (filter.householdId) parts.push(sql`l.enrollment_id in (select e.id from enrollments e where e.household_id = ${filter.householdId})`);
  if (filter.month) parts.push(sql`exists (select 1 from payment_runs r where r.id = l.run_id and r.status <> 'rejected' and ${LEDGER_MONTH} = ${filter.month})`);
  return sql.join(parts, sql` and `) as RawBuilder<boolean>;
}

const LINE_FROM = sql`payment_lines l join households h on h.id = l.household_id join policies p on p.id = l.policy_id
  left join policy_versions av on av.policy_id = p.id and av.status = 'active' left join persons payee on payee.id = l.payee_person_id`;

export async function listLines(db: Kysely<any>, scope: DataScope, filter: LineFilter, page: { offset: number; limit: number }): Promise<{ items: PaymentLine[]; total: number }> {
  const where = lineWhere(scope, filter);
  const [items, total] = await Promise.all([
    sql<PaymentLine>`select l.id, l.run_id as "runId", l.enrollment_id as "enrollmentId", l.household_id as "householdId", l.person_id as "personId",
        payee.name as "payeeName", p.code as "policyCode", coalesce(av.name_zh, p.code) as "policyName", l.region_code as "regionCode",
        (select r.name from regions r where r.code = l.region_code) as "regionName", l.period, l.kind, l.amount_fen as "amountFen", l.reason,
        l.status, l.review_status as "reviewStatus", l.failure_reason as "failureReason",
        (select coalesce(json_agg(json_build_object('source', f.source, 'amountFen', f.amount_fen) order by f.source), '[]') from payment_line_funds f where f.line_id = l.id) as funds
      from ${LINE_FROM} where ${where} order by l.id limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from ${LINE_FROM} where ${where}`.execute(db),
  ]);
  return { items: items.rows.map((l) => ({ ...l, amountFen: Number(l.amountFen) })), total: total.rows[0]!.n };
}
