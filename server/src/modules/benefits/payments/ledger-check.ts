/**
 * The ledger's correctness checks (`huimin ledger check`, after every run, and in tests):
 * totals by source = totals by policy = the sum of lines, run by run; each line's funding
 * parts add up to it; no enrollment paid twice for a period; corrections only of what they
 * correct; a released batch's declared count and total match its lines.
 */
import { sql, type Kysely } from 'kysely';
import type { LedgerCheck } from '../../../contracts/benefits.js';

async function count(db: Kysely<any>, query: ReturnType<typeof sql>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (${query}) q`.execute(db);
  return rows[0]!.n;
}

// Runs whose stored totals differ from their lines, or whose sums by source or policy differ.
const runTotalsDiffer = (runFilter: ReturnType<typeof sql>) => sql`
  select r.id from payment_runs r
  left join lateral (select count(*)::int as n, coalesce(sum(l.amount_fen), 0)::bigint as fen from payment_lines l where l.run_id = r.id and l.status <> 'void') t on true
  left join lateral (select coalesce(sum(f.amount_fen), 0)::bigint as fen from payment_line_funds f
    where f.run_id = r.id and f.line_id not in (select v.id from payment_lines v where v.run_id = r.id and v.status = 'void')) s on true
  left join lateral (select coalesce(sum((x->>'amountFen')::bigint), 0)::bigint as fen from jsonb_array_elements(r.by_policy) x) bp on true
  left join lateral (select coalesce(sum((x->>'amountFen')::bigint), 0)::bigint as fen from jsonb_array_elements(r.by_source) x) bs on true
  where r.status not in ('building', 'rejected') and ${runFilter}
    and (t.n <> r.line_count or t.fen <> r.amount_fen or s.fen <> t.fen or bp.fen <> t.fen or bs.fen <> t.fen)`;

const linesNotSplit = sql`
  select l.id from payment_lines l
  left join (select line_id, sum(amount_fen)::bigint as fen from payment_line_funds group by line_id) f on f.line_id = l.id
  where coalesce(f.fen, 0) <> l.amount_fen`;

const paidTwice = (runFilter: ReturnType<typeof sql>) => sql`
  select l.enrollment_id, l.period from payment_lines l join payment_runs r on r.id = l.run_id
  where ${runFilter} and l.kind = 'regular' and l.status <> 'void'
  group by l.enrollment_id, l.period having count(*) > 1`;

/**
 * The checks after a new run, inside its transaction: its totals by source and by policy equal
 * the sum of its lines, and each line equals the sum of its parts. (That no enrollment is paid
 * twice for a period is the unique index's to refuse; `checkLedger` looks again over everything.)
 */
export async function checkRun(db: Kysely<any>, runId: number, totals: { amountFen: number; byPolicy: Array<{ amountFen: number }>; bySource: Array<{ amountFen: number }> }): Promise<string[]> {
  const problems: string[] = [];
  const sum = (items: Array<{ amountFen: number }>) => items.reduce((n, i) => n + i.amountFen, 0);
  if (sum(totals.byPolicy) !== totals.amountFen || sum(totals.bySource) !== totals.amountFen) problems.push('run totals by policy or by source differ from the sum of lines');
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n
    from (select id, amount_fen from payment_lines where run_id = ${runId}) l
    full join (select line_id, sum(amount_fen)::bigint as parts from payment_line_funds where run_id = ${runId} group by line_id) f on f.line_id = l.id
    where l.id is null or f.line_id is null or f.parts <> l.amount_fen`.execute(db);
  if (rows[0]!.n) problems.push(`${rows[0]!.n} lines whose funding parts do not add up`);
  return problems;
}

/** Every check over the whole ledger. */
export async function checkLedger(db: Kysely<any>): Promise<LedgerCheck[]> {
  const all = sql`true`;
  const checks: Array<[string, string, ReturnType<typeof sql>, string]> = [
    ['totals: by source = by policy = sum of lines', '批次合计：按资金来源、按政策与明细之和一致', runTotalsDiffer(all), 'runs whose totals disagree'],
    ['each line = the sum of its funding parts', '每笔明细等于各资金来源分摊之和', linesNotSplit, 'lines not split exactly'],
    ['no enrollment paid twice for a period', '同一待遇同一期间没有重复发放', paidTwice(all), 'enrollment periods paid twice'],
    ['every line belongs to a run and an enrollment, every funding part to a line', '每笔明细都属于某个批次和待遇，每笔分摊都属于某笔明细', sql`
      select l.id from payment_lines l where not exists (select 1 from enrollments e where e.id = l.enrollment_id)
        or not exists (select 1 from payment_runs r where r.id = l.run_id)
      union all select f.line_id from payment_line_funds f where not exists (select 1 from payment_lines l where l.id = f.line_id)`, 'orphan lines or parts'],
    ['a reissue corrects a failed line, at the same amount', '重发只针对失败明细，且金额一致', sql`
      select l.id from payment_lines l join payment_lines o on o.id = l.corrects_line_id
      where l.kind = 'reissue' and l.status <> 'void' and (o.status <> 'failed' or o.amount_fen <> l.amount_fen)`, 'reissues not matching a failed line'],
    ['released batches match their declared count and total', '已发送批次与声明的笔数、总金额一致', sql`
      select r.id from payment_runs r
      left join lateral (select count(*)::int as n, coalesce(sum(l.amount_fen), 0)::bigint as fen from payment_lines l
        where l.run_id = r.id and l.status in ('exported', 'paid', 'failed') and l.amount_fen > 0) t on true
      where r.status in ('released', 'reconciled') and (t.n <> r.declared_lines or t.fen <> r.declared_fen)`, 'batches not matching their declaration'],
    ['no net negative payment for an enrollment and period', '同一待遇同一期间净发放金额不为负', sql`
      select l.enrollment_id, l.period from payment_lines l where l.status not in ('void', 'failed')
      group by l.enrollment_id, l.period having sum(l.amount_fen) < 0`, 'periods recovered below zero'],
  ];
  const results: LedgerCheck[] = [];
  for (const [name, title, query, what] of checks) {
    const n = await count(db, query);
    results.push({ name, title, ok: n === 0, detail: n === 0 ? 'ok' : `${n} ${what}` });
  }
  return results;
}
