/**
 * Where a huimin run's time goes: the statements the measured run sent (taken from the Kysely
 * query log) are replayed in one transaction that is rolled back — the subject-table build
 * as it ran, each policy's statement under EXPLAIN (ANALYZE, BUFFERS) — and the plans are
 * written to a file. The replay's times are the breakdown; the plans say why.
 */
import fs from 'node:fs';
import { CompiledQuery } from 'kysely';
import type { BenchDatabase } from './databases.js';

export interface Step {
  label: string;
  ms: number;
  /** JIT compilation time inside the statement, when PostgreSQL used JIT. */
  jitMs: number | null;
  /** Foreign-key trigger time of the rows inserted (policy_candidates has six). */
  triggerMs: number | null;
  plan: string | null;
}

class Rollback extends Error {}

const isPolicyStatement = (q: CompiledQuery) => /insert into policy_candidates/.test(q.sql);
/** The run's other work: subject tables, scratch tables, session settings (everything but bookkeeping). */
const isBuildStatement = (q: CompiledQuery) => (/subj_\w+/.test(q.sql) || /^\s*set local/i.test(q.sql)) && !isPolicyStatement(q);

function labeller(): (q: CompiledQuery) => string {
  const seen = new Map<string, number>();
  return (q) => {
    const text = q.sql.replace(/\s+/g, ' ').trim();
    const table = /^(?:create temporary table|insert into) "?(\w+)/.exec(text)?.[1];
    let label = text.slice(0, 40);
    if (/^set local/i.test(text)) label = text.slice(0, 60);
    else if (/^create temporary table/.test(text)) label = `create ${table}`;
    else if (/^insert into/.test(text)) label = table === 'subj_result' ? 'evaluation scan' : `fill ${table}`;
    else if (/^create (unique )?index/.test(text)) label = `index ${/ on (\w+)/.exec(text)?.[1] ?? ''}`;
    else if (/^analyze/.test(text)) label = 'analyze subject tables';
    // The same statement shape more than once (e.g. one insert per evaluation scan): number them.
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n > 1 ? `${label} #${n}` : label;
  };
}

async function explain(trx: any, q: CompiledQuery): Promise<Omit<Step, 'label'>> {
  const { rows } = await trx.executeQuery(CompiledQuery.raw(`explain (analyze, buffers) ${q.sql}`, [...q.parameters]));
  const plan = (rows as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n');
  const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN) + Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
  const jit = /Timing: Generation [\d.]+ ms.*Total ([\d.]+) ms/s.exec(plan);
  const triggers = [...plan.matchAll(/Trigger for constraint \w+: time=([\d.]+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  return { ms, jitMs: jit ? Number(jit[1]) : null, triggerMs: /Trigger for/.test(plan) ? triggers : null, plan };
}

/** Replays the run's statements; `codes` name the policy statements in the order they ran. */
export async function explainRun(bench: BenchDatabase, queries: CompiledQuery[], codes: string[], file: string): Promise<Step[]> {
  const build = queries.filter(isBuildStatement);
  const policies = queries.filter(isPolicyStatement);
  if (policies.length !== codes.length) throw new Error(`captured ${policies.length} policy statements for ${codes.length} policies`);
  const steps: Step[] = [];
  const label = labeller();
  try {
    await bench.db.transaction().execute(async (trx) => {
      for (const q of build) {
        if (/^\s*insert/i.test(q.sql)) {
          steps.push({ label: label(q), ...(await explain(trx, q)) });
        } else {
          const started = performance.now();
          await trx.executeQuery(q);
          steps.push({ label: label(q), ms: performance.now() - started, jitMs: null, triggerMs: null, plan: null });
        }
      }
      for (const [i, q] of policies.entries()) steps.push({ label: codes[i]!, ...(await explain(trx, q)) });
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  fs.writeFileSync(file, [...build, ...policies].map((q, i) => `### ${steps[i]?.label}: ${steps[i]?.ms.toFixed(0)} ms\n\n${q.sql}\n\n${steps[i]?.plan ?? '(not explained)'}\n`).join('\n'));
  return steps;
}
