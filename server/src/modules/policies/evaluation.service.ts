/**
 * "Why does this household qualify?": every active policy (or a draft being edited) evaluated
 * in memory for one household, with the explanation tree of eligibility and amount.
 */
import { sql, type Kysely } from 'kysely';
import type { ExplanationNode, PolicyVersionInput, SubjectEvaluation } from '../../contracts/policies.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { notFound } from '../../kernel/errors.js';
import { householdScope } from '../registry/households.repo.js';
import { compileVersion, type CompiledVersion } from './compile.js';
import { activeVersions, type ActiveVersionRow } from './policies.repo.js';
import { loadSubjectRows } from './rules/subject-sql.js';
import { groupSubjects, type HouseholdSubjects } from './rules/values.js';

const todayCache = new WeakMap<Kysely<any>, { day: string; until: number }>();

/** The database's current date (users' time zone), asked at most once a minute. */
export async function today(db: Kysely<any>): Promise<string> {
  const cached = todayCache.get(db);
  if (cached && cached.until > Date.now()) return cached.day;
  const { rows } = await sql<{ d: string }>`select current_date::text as d`.execute(db);
  todayCache.set(db, { day: rows[0]!.d, until: Date.now() + 60_000 });
  return rows[0]!.d;
}

export interface EvaluatedVersion {
  versionId: number;
  version: number;
  code: string;
  input: Pick<PolicyVersionInput, 'nameZh' | 'target' | 'period' | 'eligibility' | 'benefit'>;
}

/** Loads one household's subjects as of a date; null when it is outside the actor's scope. */
export async function loadHousehold(db: Kysely<any>, actor: Actor, householdId: number, asOf: string): Promise<HouseholdSubjects | null> {
  const filter = sql<boolean>`h.id = ${householdId} and ${householdScope(actor.scope)}`;
  const { persons, households } = await loadSubjectRows(db, asOf, filter);
  return groupSubjects(persons, households)[0] ?? null;
}

/** Sub-expressions that read health or disability facts; their values are masked like the facts. */
const SENSITIVE_READ = /\b(disability|illness|incapacitated)\b/;
export const MASKED_VALUE = '（健康信息已脱敏）';

/**
 * Explanations show the values a rule saw, but not health or disability data: those stay
 * masked here as on the household page (revealing is its own audited action). Whether a
 * clause held is still shown — that is what the explanation is for.
 */
export function maskExplanation(node: ExplanationNode): ExplanationNode {
  const masked: ExplanationNode = { ...node };
  if (SENSITIVE_READ.test(node.text) && node.value !== undefined && typeof node.value !== 'boolean') masked.value = MASKED_VALUE;
  if (node.children) masked.children = node.children.map(maskExplanation);
  if (node.items) masked.items = node.items.map((item) => ({ ...maskExplanation(item), memberName: item.memberName }));
  return masked;
}

/** Evaluates the versions for one household's subjects, in memory, with explanations. */
export function evaluateSubjects(subjects: HouseholdSubjects, versions: Array<EvaluatedVersion & { compiled: CompiledVersion }>, enrolled: Set<string>): SubjectEvaluation[] {
  const names = new Map(subjects.persons.map((p) => [BigInt(p.personId), p.name]));
  const results: SubjectEvaluation[] = [];
  for (const v of versions) {
    const head = subjects.persons.find((p) => p.personId === subjects.headPersonId);
    const targets = v.input.target === 'person' ? subjects.persons : [head ? { ...head, subjectPerson: true } : null];
    for (const target of targets) {
      const bindings = { person: target?.value, household: subjects.household };
      const eligible = v.compiled.eligibility.planned.evaluate(bindings);
      const decided = eligible.ok ? eligible.value === true : null;
      const amount = decided ? v.compiled.amount.planned.evaluate(bindings) : null;
      const amountFen = amount?.ok && typeof amount.value === 'bigint' ? Math.max(0, Number(amount.value)) : null;
      const personId = v.input.target === 'person' ? target!.personId : null;
      results.push({
        policyCode: v.code,
        policyName: v.input.nameZh,
        versionId: v.versionId,
        version: v.version,
        target: v.input.target,
        personId,
        personName: target?.name ?? null,
        householdId: subjects.householdId,
        eligible: decided,
        amountFen: decided ? amountFen : null,
        period: v.input.period,
        error: !eligible.ok ? eligible.error : amount && !amount.ok ? amount.error : null,
        explanation: maskExplanation(v.compiled.eligibility.planned.explain(bindings, names)),
        amountExplanation: decided ? maskExplanation(v.compiled.amount.planned.explain(bindings, names)) : null,
        enrolled: enrolled.has(`${v.code}:${personId ?? 0}`),
      });
    }
  }
  return results;
}

const versionCache = new WeakMap<Kysely<any>, { versions: Promise<ActiveVersionRow[]>; until: number }>();

/**
 * Active versions, kept for a few seconds: one household's evaluation should not pay for
 * reading every policy again. Adopting a version here forgets them at once; another server
 * process sees the change within the TTL.
 */
function activeVersionsCached(db: Kysely<any>): Promise<ActiveVersionRow[]> {
  const cached = versionCache.get(db);
  if (cached && cached.until > Date.now()) return cached.versions;
  const versions = activeVersions(db, null);
  versionCache.set(db, { versions, until: Date.now() + 5_000 });
  versions.catch(() => versionCache.delete(db));
  return versions;
}

export function forgetActiveVersions(db: Kysely<any>): void {
  versionCache.delete(db);
}

async function enrolledKeys(db: Kysely<any>, householdId: number): Promise<Set<string>> {
  const { rows } = await sql<{ code: string; personId: number | null }>`
    select p.code, e.person_id as "personId" from enrollments e join policies p on p.id = e.policy_id
    where e.household_id = ${householdId} and e.status in ('active', 'suspended')`.execute(db);
  return new Set(rows.map((r) => `${r.code}:${r.personId ?? 0}`));
}

/** Every active policy for one household (GET /api/households/:id/policy-evaluations, `huimin policy eval`). */
export async function evaluateHousehold(db: Kysely<any>, actor: Actor, householdId: number, options: { codes?: string[]; asOf?: string } = {}): Promise<SubjectEvaluation[]> {
  requirePermission(actor, 'policy:read');
  const asOf = options.asOf ?? (await today(db));
  // Independent reads: on a server pool they run side by side.
  const [subjects, active, enrolled] = await Promise.all([
    loadHousehold(db, actor, householdId, asOf), activeVersionsCached(db), enrolledKeys(db, householdId),
  ]);
  if (!subjects) throw notFound();
  const versions = active
    .filter((v) => !options.codes || options.codes.includes(v.code))
    .map((v) => ({ versionId: v.id, version: v.version, code: v.code, input: v, compiled: compileVersion(v) }));
  return evaluateSubjects(subjects, versions, enrolled);
}
