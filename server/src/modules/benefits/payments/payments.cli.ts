/**
 * `huimin payments …` and `huimin ledger …` for operators and batch jobs:
 *   payments run --period YYYY-MM|YYYY [--policy CODE ...] [--json]   the period's run for approval (or the one already made)
 *   ledger check [--json]                                              the ledger's correctness checks; exit 1 when one fails
 */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { systemActor } from '../../../kernel/auth/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { yuanText } from '../../../kernel/money.js';
import { checkLedger } from './ledger-check.js';
import { createPaymentRun, runResult } from './runs.service.js';

type WithDatabase = (fn: (db: Kysely<any>) => Promise<number>) => Promise<number>;

export async function runPaymentsCommand(args: string[], withDatabase: WithDatabase): Promise<number> {
  const [what, ...rest] = args;
  if (what !== 'run') throw new Error('用法 usage: huimin payments run --period YYYY-MM [--policy CODE ...] [--json]');
  const { values } = parseArgs({ args: rest, options: { period: { type: 'string' }, policy: { type: 'string', multiple: true }, json: { type: 'boolean' } } });
  if (!values.period) throw new Error('--period 须为 YYYY-MM 或 YYYY');
  return withDatabase(async (db) => {
    try {
      const { run, created } = await createPaymentRun(db, systemActor('cli'), { period: values.period!, policyCodes: values.policy ?? [] });
      const result = runResult(run, created);
      if (values.json) {
        console.log(JSON.stringify(result, null, 2));
        return 0;
      }
      console.log(`${created ? '已生成' : '已存在'}发放批次 #${run.id}（${run.period}，${run.status}）：${result.lines} 笔，合计 ${yuanText(result.amountFen)} 元`);
      for (const p of result.byPolicy) console.log(`  ${p.name}（${p.code}）${p.lines} 笔 ${yuanText(p.amountFen)} 元`);
      for (const s of result.bySource) console.log(`  资金来源 ${s.source}：${yuanText(s.amountFen)} 元`);
      for (const w of run.warnings) console.log(`  预算预警：${w.source} ${w.regionName ?? w.regionCode} ${w.year} 年预算 ${yuanText(w.budgetFen)} 元，已用 ${yuanText(w.usedFen)} 元`);
      if (run.pendingReview) console.log(`  另有 ${run.pendingReview} 条补发或追回待审核`);
      return 0;
    } catch (error) {
      if (error instanceof AppError) {
        console.error(error.messageIn('zh'));
        return 1;
      }
      throw error;
    }
  });
}

export async function runLedgerCommand(args: string[], withDatabase: WithDatabase): Promise<number> {
  const [what, ...rest] = args;
  if (what !== 'check') throw new Error('用法 usage: huimin ledger check [--json]');
  const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } } });
  return withDatabase(async (db) => {
    const checks = await checkLedger(db);
    if (values.json) console.log(JSON.stringify(checks, null, 2));
    else for (const c of checks) console.log(`${c.ok ? '✓' : '✗'} ${c.title}${c.ok ? '' : `：${c.detail}`}`);
    return checks.every((c) => c.ok) ? 0 : 1;
  });
}
