/**
 * The long differential run: `node bin/tsx.mjs scripts/policy-differential.ts [--policies N] [--households N] [--seed S] [--database-url URL]`.
 * Generates N random policies (default 20,000) and a random population, evaluates both with
 * compiled SQL and in-memory CEL, and prints every disagreement (exit 1 if any).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/kernel/config.js';
import { prepareDatabase } from '../server/src/database.js';
import { runDifferential } from '../server/src/modules/policies/differential/differential.js';
import { insertRandomPopulation } from '../server/src/modules/policies/differential/population.js';
import { today } from '../server/src/modules/policies/evaluation.service.js';

const { values } = parseArgs({
  options: {
    policies: { type: 'string', default: '20000' },
    households: { type: 'string', default: '300' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    'database-url': { type: 'string' },
  },
});
const seed = Number(values.seed);
const config = { ...loadConfig({}), databaseUrl: values['database-url'] ?? null, dataDir: 'memory://', logLevel: 'silent' as const, adminPassword: 'Differential-2026' };
if (config.databaseUrl) console.warn('Using the given database: it must be empty and disposable.');
const database = await prepareDatabase(config);
await insertRandomPopulation(database.db, seed, Number(values.households));
const started = Date.now();
const result = await runDifferential(database.db, { seed, policies: Number(values.policies), asOf: await today(database.db) });
console.log(`seed ${seed}: ${result.policies} policies (${result.refused} refused by the checker), ${result.comparisons} subject comparisons in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`outcomes: ${result.outcomes.true} eligible, ${result.outcomes.false} not eligible, ${result.outcomes.error} undecidable`);
console.log(`disagreements: ${result.disagreements.length}`);
for (const d of result.disagreements.slice(0, 20)) console.log(JSON.stringify(d));
await database.close();
process.exit(result.disagreements.length > 0 ? 1 : 0);
