import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import '../server/src/kernel/db/open.js';
import { ZenEngine } from '@gorules/zen-engine';
import { loadSample, runZen } from './lib/policy-engines.js';
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/huimin_bench', max: 2 }) }) });
const sample = await loadSample(db, '2026-11-23', 20000, 1);
await db.destroy();
const f = await runZen(sample);
console.log('sequential', f.seconds.toFixed(2), (f.evals / f.seconds).toFixed(0));
// Batches in flight: zen evaluates on its own threads.
const personRules = sample.rules.filter(([, r]) => r.target === 'person');
const engine = new ZenEngine();
const pos = { x: 0, y: 0 };
const dec = engine.createDecision({ nodes: [{ id: 'in', type: 'inputNode', name: 'i', position: pos }, { id: 'r', type: 'expressionNode', name: 'r', position: pos, content: { expressions: personRules.map(([, r], i) => ({ id: `x${i}`, key: `r${i}`, value: `(${r.zen.eligible}) ? (${r.zen.amount}) : null` })) } }, { id: 'out', type: 'outputNode', name: 'o', position: pos }], edges: [{ id: 'a', sourceId: 'in', targetId: 'r', type: 'edge' }, { id: 'b', sourceId: 'r', targetId: 'out', type: 'edge' }] });
for (const batch of [1, 16, 128]) {
  const ctxs = sample.households.flatMap((h) => { const { members, ...rest } = h; return members.map((person) => ({ person, household: rest })); });
  const s = performance.now();
  for (let i = 0; i < ctxs.length; i += batch) await Promise.all(ctxs.slice(i, i + batch).map((c) => dec.evaluate(c)));
  const sec = (performance.now() - s) / 1000;
  console.log('person decisions, batch', batch, sec.toFixed(2), 's', (ctxs.length * personRules.length / sec).toFixed(0), 'evals/s');
}
