/**
 * EXPLAIN ANALYZE of the SQL one request really ran (captured from the query log, same
 * parameters), reduced to what matters: which indexes were used, any sequential scan of a
 * registry table, and the execution time. Full plans go to a file for reading.
 */
import fs from 'node:fs';
import { CompiledQuery } from 'kysely';
import type { BenchDatabase } from './databases.js';
import type { Session } from './http.js';

export interface PlanSummary {
  sql: string;
  indexes: string[];
  seqScans: string[];
  executionMs: number;
  plan: string;
}

const REGISTRY_TABLE = /\b(persons|households|facts)\b/;

export async function explainRequest(bench: BenchDatabase, session: Session, url: string): Promise<PlanSummary[]> {
  const { queries } = await bench.capture(() => session.get(url));
  const summaries: PlanSummary[] = [];
  for (const query of queries) {
    if (!/^\s*select/i.test(query.sql) || !REGISTRY_TABLE.test(query.sql)) continue;
    const { rows } = await bench.db.executeQuery<Record<string, string>>(
      CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]),
    );
    const plan = rows.map((r) => Object.values(r)[0]).join('\n');
    const indexes = new Set<string>();
    for (const m of plan.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)) indexes.add(m[1]);
    const seqScans = [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]).filter((t) => REGISTRY_TABLE.test(t)))];
    const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    summaries.push({ sql: query.sql.replace(/\s+/g, ' ').trim(), indexes: [...indexes], seqScans, executionMs, plan });
  }
  return summaries;
}

export function writePlans(file: string, sections: { title: string; plans: PlanSummary[] }[]): void {
  const text = sections
    .map((s) => `### ${s.title}\n\n${s.plans.map((p) => `${p.sql}\n\n${p.plan}\n`).join('\n')}`)
    .join('\n\n');
  fs.writeFileSync(file, text);
}
