/**
 * The differential check: the same random policies evaluated by both evaluators over the same
 * population — compiled SQL over the subject tables, and @bufbuild/cel in memory over the same
 * rows — must agree on every subject: eligible, not eligible, or undecidable (an error), and
 * on the amount of everyone eligible.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { PolicyTarget } from '../../../contracts/policies.js';
import { Rng } from '../../seed/synthetic-random.js';
import { checkRules, lowerVersion, type CompiledVersion } from '../compile.js';
import { ParamSink } from '../rules/lower.js';
import { nonNegative } from '../runs/engine.js';
import { buildSubjectTables, loadSubjectRows } from '../rules/subject-sql.js';
import { groupSubjects, type HouseholdSubjects } from '../rules/values.js';
import { RuleGenerator } from './rule-generator.js';

type Outcome = 'true' | 'false' | 'error';

export interface Disagreement {
  eligibility: string;
  amount: string;
  target: PolicyTarget;
  householdId: number;
  personId: number | null;
  sql: string;
  memory: string;
}

export interface DifferentialResult {
  policies: number;
  refused: number;
  comparisons: number;
  outcomes: Record<Outcome, number>;
  disagreements: Disagreement[];
}

interface Case {
  eligibility: string;
  amount: string;
  target: PolicyTarget;
  compiled: CompiledVersion;
}

function inMemory(c: Case, subjects: HouseholdSubjects[]): Map<string, string> {
  const results = new Map<string, string>();
  for (const s of subjects) {
    const head = s.persons.find((p) => p.personId === s.headPersonId);
    const targets = c.target === 'person' ? s.persons.map((p) => ({ key: `${s.householdId}:${p.personId}`, value: p.value })) : [{ key: `${s.householdId}:0`, value: head?.value }];
    for (const t of targets) {
      const bindings = { person: t.value, household: s.household };
      const eligible = c.compiled.eligibility.planned.evaluate(bindings);
      if (!eligible.ok) results.set(t.key, 'error');
      else if (eligible.value !== true) results.set(t.key, 'false');
      else {
        const amount = c.compiled.amount.planned.evaluate(bindings);
        results.set(t.key, amount.ok ? `true:${Math.max(0, Number(amount.value))}` : 'true:error');
      }
    }
  }
  return results;
}

async function bySql(db: Kysely<any>, cases: Case[], target: PolicyTarget): Promise<Map<string, string>[]> {
  const params = new ParamSink();
  const columns = cases.map((c, i) => {
    const lowered = lowerVersion(c.compiled, params);
    return `${lowered.eligibility} as e${i}, case when ${lowered.eligibility} then ${nonNegative(lowered.amount)} end as a${i}`;
  });
  const from = target === 'person'
    ? 'subj_person p join subj_household h on h.household_id = p.household_id'
    : 'subj_household h left join subj_person p on p.person_id = h.head_person_id';
  const key = target === 'person' ? "h.household_id || ':' || p.person_id" : "h.household_id || ':0'";
  const { rows } = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`select ${key} as key, ${columns.join(', ')} from ${from}`, params.values));
  return cases.map((_c, i) => {
    const results = new Map<string, string>();
    for (const row of rows) {
      const e = row[`e${i}`];
      const a = row[`a${i}`];
      results.set(String(row.key), e === null ? 'error' : e === false ? 'false' : `true:${a === null ? 'error' : Number(a)}`);
    }
    return results;
  });
}

/** Generates `policies` random policies (seeded) and compares both evaluators over the database's households. */
export async function runDifferential(db: Kysely<any>, options: { seed: number; policies: number; asOf: string; batch?: number }): Promise<DifferentialResult> {
  const generator = new RuleGenerator(new Rng(options.seed, 11));
  const { persons, households } = await loadSubjectRows(db, options.asOf, sql<boolean>`true`);
  const subjects = groupSubjects(persons, households);
  const result: DifferentialResult = { policies: 0, refused: 0, comparisons: 0, outcomes: { true: 0, false: 0, error: 0 }, disagreements: [] };
  const cases: Case[] = [];
  while (cases.length + result.refused < options.policies) {
    const eligibility = generator.bool(3);
    const amount = generator.amount();
    const target: PolicyTarget = generator['rng'].chance(0.7) ? 'person' : 'household';
    const { compiled } = checkRules({ eligibility, benefit: { kind: 'formula', expression: amount } });
    if (compiled) cases.push({ eligibility, amount, target, compiled });
    else result.refused += 1;
  }
  result.policies = cases.length;
  const batch = options.batch ?? 25;
  await db.transaction().execute(async (trx) => {
    await buildSubjectTables(trx, options.asOf, sql<boolean>`true`);
    for (const target of ['person', 'household'] as const) {
      const ofTarget = cases.filter((c) => c.target === target);
      for (let i = 0; i < ofTarget.length; i += batch) {
        const slice = ofTarget.slice(i, i + batch);
        const sqlResults = await bySql(trx, slice, target);
        slice.forEach((c, j) => {
          const memory = inMemory(c, subjects);
          for (const [key, expected] of memory) {
            const actual = sqlResults[j]!.get(key) ?? 'missing';
            result.comparisons += 1;
            result.outcomes[expected.startsWith('true') ? 'true' : (expected as Outcome)] += 1;
            if (actual !== expected) {
              const [householdId, personId] = key.split(':').map(Number);
              result.disagreements.push({ eligibility: c.eligibility, amount: c.amount, target, householdId: householdId!, personId: personId || null, sql: actual, memory: expected });
            }
          }
          if (sqlResults[j]!.size !== memory.size) {
            result.disagreements.push({ eligibility: c.eligibility, amount: c.amount, target, householdId: 0, personId: null, sql: `${sqlResults[j]!.size} subjects`, memory: `${memory.size} subjects` });
          }
        });
      }
    }
  });
  return result;
}
