/**
 * Record-by-record evaluation in Node — json-rules-engine, @gorules/zen-engine and a
 * hand-written JavaScript loop — over huimin's own subject rows: a seeded sample of households
 * is loaded once through buildSubjectTables (so every evaluator sees exactly the data huimin's
 * run sees), huimin's per-policy counts on the same sample are taken from subjectQuery, and
 * only the evaluation is timed. Also the single-household latency of evaluateHousehold.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { Engine } from 'json-rules-engine';
import type { Actor } from '../../server/src/kernel/auth/actor.js';
import { compileVersion } from '../../server/src/modules/policies/compile.js';
import { evaluateHousehold, evaluateSubjects, loadHousehold, today } from '../../server/src/modules/policies/evaluation.service.js';
import { activeVersions } from '../../server/src/modules/policies/policies.repo.js';
import { ParamSink } from '../../server/src/modules/policies/rules/lower.js';
import { buildSubjectTables, type SubjectHouseholdRow, type SubjectPersonRow } from '../../server/src/modules/policies/rules/subject-sql.js';
import { subjectQuery } from '../../server/src/modules/policies/runs/engine.js';
import { runVersions } from '../../server/src/modules/policies/runs/runs.service.js';
import { BENCH_RULES, JRE_OPERATORS, type BenchRule, type PlainHousehold, type PlainPerson } from './policy-rules.js';
import { summarise, type Latency } from './stats.js';

export interface PolicyCount {
  eligible: number;
  amountFen: number | null;
}

export interface Sample {
  households: PlainHousehold[];
  persons: number;
  /** Policy codes in run order with their rules. */
  rules: Array<[string, BenchRule]>;
  huimin: Map<string, PolicyCount>;
}

function plainPerson(r: SubjectPersonRow): PlainPerson {
  const p: PlainPerson = {
    id: r.person_id, sex: r.sex, age: r.age, relationship: r.relationship, isHead: r.is_head, schoolStage: r.school_stage,
    elderlyAlone: r.elderly_alone, incapacitated: r.incapacitated, employed: r.employed,
  };
  if (r.disability_grade !== null) p.disability = { category: r.disability_category ?? 0, grade: r.disability_grade };
  if (r.illness_severity !== null) p.illness = { severity: r.illness_severity, name: r.illness_name ?? '' };
  if (r.employment_employer !== null) p.employment = { employer: r.employment_employer, publicWelfarePost: r.public_welfare_post ?? false, postEndsInDays: r.post_ends_in_days ?? 0 };
  return p;
}

/**
 * Households drawn by md5(id, seed) until about `maxPersons` persons (all of them when the
 * population is smaller), loaded through huimin's subject tables in one transaction.
 */
export async function loadSample(db: Kysely<any>, asOf: string, maxPersons: number, seed: number): Promise<Sample> {
  const { rows: size } = await sql<{ persons: number; households: number }>`select (select count(*) from persons) as persons, (select count(*) from households) as households`.execute(db);
  const { persons, households } = size[0]!;
  let filter = sql<boolean>`true`;
  if (persons > maxPersons) {
    const limit = Math.max(1, Math.round((maxPersons * households) / persons));
    const { rows } = await sql<{ id: number }>`select id from households order by md5(id::text || ${String(seed)}) limit ${limit}`.execute(db);
    filter = sql<boolean>`h.id = any(${rows.map((r) => r.id)}::bigint[])`;
  }
  const versions = await runVersions(db, null);
  const missing = versions.filter((v) => !BENCH_RULES[v.code]);
  if (missing.length) throw new Error(`no bench rules for ${missing.map((v) => v.code).join(', ')}`);
  return db.transaction().execute(async (trx) => {
    await buildSubjectTables(trx, asOf, filter);
    const { rows: people } = await sql<SubjectPersonRow>`select * from subj_person order by household_id, person_id`.execute(trx);
    const { rows: homes } = await sql<SubjectHouseholdRow>`select * from subj_household order by household_id`.execute(trx);
    const huimin = new Map<string, PolicyCount>();
    for (const v of versions) {
      const params = new ParamSink();
      const { rows } = await trx.executeQuery<{ eligible: number; amount: number }>(CompiledQuery.raw(
        `select count(*) filter (where eligible) as eligible, coalesce(sum(amount) filter (where eligible), 0) as amount from (${subjectQuery(v, params)}) s`, params.values));
      huimin.set(v.code, { eligible: Number(rows[0]!.eligible), amountFen: Number(rows[0]!.amount) });
    }
    const members = new Map<number, PlainPerson[]>();
    for (const r of people) {
      const list = members.get(r.household_id) ?? [];
      list.push(plainPerson(r));
      members.set(r.household_id, list);
    }
    const plain = homes.map((h): PlainHousehold => ({
      id: h.household_id, size: h.size, assistanceStatus: h.assistance_status, hardshipWorker: h.hardship_worker, specialFamily: h.special_family,
      ...(h.income_monthly_fen === null ? {} : { income: { monthlyFen: h.income_monthly_fen, perCapitaFen: h.income_per_capita_fen } }),
      students: { seniorHigh: h.students_senior_high, vocational: h.students_vocational, college: h.students_college, postgraduate: h.students_postgraduate },
      members: members.get(h.household_id) ?? [],
    }));
    return { households: plain, persons: people.length, rules: versions.map((v) => [v.code, BENCH_RULES[v.code]!] as [string, BenchRule]), huimin };
  });
}

export interface EngineFigures {
  method: string;
  /** Wall time of one pass over the sample, evaluation only. */
  seconds: number;
  /** Subject × policy evaluations in one pass. */
  evals: number;
  counts: Map<string, PolicyCount>;
}

/** Subject × policy evaluations for a population: every person for person rules, every household for household rules. */
export function evaluations(rules: Sample['rules'], persons: number, households: number): number {
  const personRules = rules.filter(([, r]) => r.target === 'person').length;
  return persons * personRules + households * (rules.length - personRules);
}

function tally(rules: Sample['rules'], withAmounts: boolean) {
  const counts = new Map<string, PolicyCount>(rules.map(([code]) => [code, { eligible: 0, amountFen: withAmounts ? 0 : null }]));
  return {
    counts,
    hit(code: string, amount: number | null) {
      const c = counts.get(code)!;
      c.eligible += 1;
      if (c.amountFen !== null && amount !== null) c.amountFen += Math.max(0, amount);
    },
  };
}

/** (f) The same rules as plain JavaScript functions; repeated until ≥ 0.5 s to time one pass. */
export function runJs(sample: Sample): EngineFigures {
  const personRules = sample.rules.filter(([, r]) => r.target === 'person');
  const householdRules = sample.rules.filter(([, r]) => r.target === 'household');
  let passes = 0;
  let result = tally(sample.rules, true);
  const started = performance.now();
  do {
    result = tally(sample.rules, true);
    for (const h of sample.households) {
      for (const [code, rule] of householdRules) if (rule.eligible(undefined, h)) result.hit(code, rule.amount(undefined, h));
      for (const p of h.members) for (const [code, rule] of personRules) if (rule.eligible(p, h)) result.hit(code, rule.amount(p, h));
    }
    passes += 1;
  } while (performance.now() - started < 500);
  const seconds = (performance.now() - started) / 1000 / passes;
  return { method: 'JavaScript loop', seconds, evals: evaluations(sample.rules, sample.persons, sample.households.length), counts: result.counts };
}

/** (d) json-rules-engine: one engine per target holding all its policies, `await engine.run()` per subject. */
export async function runJsonRulesEngine(sample: Sample): Promise<EngineFigures> {
  const engines = { person: new Engine([], { allowUndefinedFacts: true }), household: new Engine([], { allowUndefinedFacts: true }) };
  for (const engine of Object.values(engines)) for (const [name, op] of JRE_OPERATORS) engine.addOperator(name, op);
  for (const [code, rule] of sample.rules) engines[rule.target].addRule({ name: code, conditions: rule.jre, event: { type: code } });
  const result = tally(sample.rules, false);
  const started = performance.now();
  for (const household of sample.households) {
    for (const e of (await engines.household.run({ household })).events) result.hit(e.type, null);
    for (const person of household.members) for (const e of (await engines.person.run({ person, household })).events) result.hit(e.type, null);
  }
  return { method: 'json-rules-engine', seconds: (performance.now() - started) / 1000, evals: evaluations(sample.rules, sample.persons, sample.households.length), counts: result.counts };
}

/** A JDM graph input → one expression node (an `eligible ? amount : null` per policy) → output. */
/** The part of zen-engine's API used here (its own types come with the optional package). */
interface ZenDecision {
  evaluate(context: object): Promise<{ result: unknown }>;
}
interface ZenEngine {
  createDecision(content: object): ZenDecision;
  dispose(): void;
}

function zenDecision(engine: ZenEngine, rules: Sample['rules']): ZenDecision {
  const position = { x: 0, y: 0 };
  return engine.createDecision({
    nodes: [
      { id: 'in', type: 'inputNode', name: 'input', position },
      { id: 'rules', type: 'expressionNode', name: 'rules', position, content: { expressions: rules.map(([, r], i) => ({ id: `x${i}`, key: `r${i}`, value: `(${r.zen.eligible}) ? (${r.zen.amount}) : null` })) } },
      { id: 'out', type: 'outputNode', name: 'output', position },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 'rules', type: 'edge' },
      { id: 'e2', sourceId: 'rules', targetId: 'out', type: 'edge' },
    ],
  });
}

/**
 * (e) zen-engine: one JDM decision per target, `decision.evaluate()` per subject, 128 in
 * flight (zen evaluates on its own native threads: 1.6× the sequential rate on two cores).
 * Person decisions get the household without its member list (no person rule reads it),
 * which spares the engine serialising every member for every person.
 */
export async function runZen(sample: Sample, inFlight = 128): Promise<EngineFigures | null> {
  // Not a project dependency: the npm registry reachable here lacks its other platforms'
  // binaries, so it cannot be in package-lock.json. `npm install --no-save @gorules/zen-engine@0.54.0` adds it.
  const zenModule = '@gorules/zen-engine';
  const zen = (await import(zenModule).catch(() => null)) as { ZenEngine: new () => ZenEngine } | null;
  if (!zen) return null;
  const engine = new zen.ZenEngine();
  const personRules = sample.rules.filter(([, r]) => r.target === 'person');
  const householdRules = sample.rules.filter(([, r]) => r.target === 'household');
  const decisions = { person: zenDecision(engine, personRules), household: zenDecision(engine, householdRules) };
  const tasks: Array<{ decision: ZenDecision; rules: Sample['rules']; context: object }> = [];
  for (const household of sample.households) {
    tasks.push({ decision: decisions.household, rules: householdRules, context: { household } });
    const { members: _members, ...withoutMembers } = household;
    for (const person of household.members) tasks.push({ decision: decisions.person, rules: personRules, context: { person, household: withoutMembers } });
  }
  const result = tally(sample.rules, true);
  const started = performance.now();
  for (let i = 0; i < tasks.length; i += inFlight) {
    const batch = tasks.slice(i, i + inFlight);
    const outputs = await Promise.all(batch.map((t) => t.decision.evaluate(t.context)));
    outputs.forEach((output, j) => {
      batch[j]!.rules.forEach(([code], k) => {
        const amount = (output.result as Record<string, number | null>)[`r${k}`];
        if (amount !== null && amount !== undefined) result.hit(code, amount);
      });
    });
  }
  const seconds = (performance.now() - started) / 1000;
  engine.dispose();
  return { method: '@gorules/zen-engine', seconds, evals: evaluations(sample.rules, sample.persons, sample.households.length), counts: result.counts };
}

/** Same eligible counts (and amounts where the method computes them) as huimin on the sample. */
export function agrees(sample: Sample, counts: Map<string, PolicyCount>): { ok: boolean; differences: string[] } {
  const differences: string[] = [];
  for (const [code] of sample.rules) {
    const want = sample.huimin.get(code)!;
    const got = counts.get(code)!;
    if (want.eligible !== got.eligible) differences.push(`${code}: eligible ${got.eligible} ≠ ${want.eligible}`);
    else if (got.amountFen !== null && want.amountFen !== got.amountFen) differences.push(`${code}: amount ${got.amountFen} ≠ ${want.amountFen}`);
  }
  return { ok: differences.length === 0, differences };
}

export interface HouseholdLatency {
  total: Latency;
  /** loadHousehold alone: the subject rows of one household. */
  load: Latency;
  /** evaluateSubjects alone: every policy in memory, with explanation trees. */
  evaluate: Latency;
}

/**
 * (g) evaluateHousehold (every active policy, with explanations) on seeded random households,
 * one after another; then its two parts separately on the same households.
 */
export async function householdLatency(db: Kysely<any>, actor: Actor, count: number, seed: number): Promise<HouseholdLatency> {
  const { rows } = await sql<{ id: number }>`select id from households order by md5(id::text || 'g' || ${String(seed)}) limit ${count}`.execute(db);
  for (const r of rows.slice(0, 10)) await evaluateHousehold(db, actor, r.id);
  const timed = async <T>(samples: number[], work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await work();
    samples.push(performance.now() - started);
    return result;
  };
  const total: number[] = [];
  for (const r of rows) await timed(total, () => evaluateHousehold(db, actor, r.id));
  const asOf = await today(db);
  const versions = (await activeVersions(db, null)).map((v) => ({ versionId: v.id, version: v.version, code: v.code, input: v, compiled: compileVersion(v) }));
  const load: number[] = [];
  const evaluate: number[] = [];
  for (const r of rows) {
    const subjects = await timed(load, () => loadHousehold(db, actor, r.id, asOf));
    if (subjects) await timed(evaluate, () => evaluateSubjects(subjects, versions, new Set()));
  }
  return { total: summarise(total), load: summarise(load), evaluate: summarise(evaluate) };
}
