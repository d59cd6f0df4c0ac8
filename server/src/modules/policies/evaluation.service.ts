/**
 * "Why does this household qualify?": every active policy (or a draft being edited) evaluated
 * in memory for one household, with the explanation tree of eligibility and amount.
 */
import { sql, type Kysely } from 'kysely';
import type { PolicyVersionInput, SubjectEvaluation } from '../../contracts/policies.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { notFound } from '../../kernel/errors.js';
import { householdScope } from '../registry/households.repo.js';
import { compileVersion, type CompiledVersion } from './compile.js';
import { activeVersions } from './policies.repo.js';
import { loadSubjectRows } from './rules/subject-sql.js';
import { groupSubjects, type HouseholdSubjects } from './rules/values.js';

export async function today(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ d: string }>`select current_date::text as d`.execute(db);
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
        explanation: v.compiled.eligibility.planned.explain(bindings, names),
        amountExplanation: decided ? v.compiled.amount.planned.explain(bindings, names) : null,
        enrolled: enrolled.has(`${v.code}:${personId ?? 0}`),
      });
    }
  }
  return results;
}

async function enrolledKeys(db: Kysely<any>, householdId: number): Promise<Set<string>> {
  const { rows } = await sql<{ code: string; personId: number | null }>`
    select p.code, e.person_id as "personId" from enrollments e join policies p on p.id = e.policy_id
    where e.household_id = ${householdId} and e.status = 'active'`.execute(db);
  return new Set(rows.map((r) => `${r.code}:${r.personId ?? 0}`));
}

/** Every active policy for one household (GET /api/households/:id/policy-evaluations, `huimin policy eval`). */
export async function evaluateHousehold(db: Kysely<any>, actor: Actor, householdId: number, options: { codes?: string[]; asOf?: string } = {}): Promise<SubjectEvaluation[]> {
  requirePermission(actor, 'policy:read');
  const asOf = options.asOf ?? (await today(db));
  const subjects = await loadHousehold(db, actor, householdId, asOf);
  if (!subjects) throw notFound();
  const versions = (await activeVersions(db, options.codes ?? null)).map((v) => ({
    versionId: v.id, version: v.version, code: v.code, input: v, compiled: compileVersion(v),
  }));
  return evaluateSubjects(subjects, versions, await enrolledKeys(db, householdId));
}
