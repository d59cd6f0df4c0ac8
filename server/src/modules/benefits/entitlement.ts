/**
 * Time-correct amounts: what a subject was owed from a date on, under the policy version in
 * force on each day and the facts as they were then. Used when an enrollment starts (possibly
 * backdated), resumes or has its amount recomputed; the terms it yields are what payment runs
 * pay, so a certificate effective three months ago is paid from then, at the rates of then.
 */
import { sql, type Kysely } from 'kysely';
import type { SubjectEvaluation } from '../../contracts/policies.js';
import type { Actor } from '../../kernel/auth/actor.js';
import { notFound } from '../../kernel/errors.js';
import { compileVersion } from '../policies/compile.js';
import { evaluateSubjects, loadHousehold } from '../policies/evaluation.service.js';
import type { ActiveVersionRow } from '../policies/policies.repo.js';

export interface AdoptedVersion extends ActiveVersionRow {
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** Every version that was ever adopted (drafts never in force are left out), oldest first. */
export async function adoptedVersions(db: Kysely<any>, policyId: number): Promise<AdoptedVersion[]> {
  const { rows } = await sql<AdoptedVersion>`
    select v.id, v.policy_id as "policyId", v.version, v.status, v.name_zh as "nameZh", v.name_en as "nameEn", v.target, v.eligibility,
      v.benefit, v.period, v.funding, v.quotas, v.effective_from::text as "effectiveFrom", v.effective_to::text as "effectiveTo",
      v.basis, v.note, v.created_by as "createdBy", null as "createdByName", v.created_at as "createdAt", v.adopted_at as "adoptedAt", p.code
    from policy_versions v join policies p on p.id = v.policy_id
    where v.policy_id = ${policyId} and v.adopted_at is not null order by v.version`.execute(db);
  return rows;
}

/** The version in force on a day: the latest adopted one whose dates cover it. */
export function versionInForce(versions: AdoptedVersion[], day: string): AdoptedVersion | null {
  let found: AdoptedVersion | null = null;
  for (const v of versions) {
    if (v.effectiveFrom <= day && (!v.effectiveTo || v.effectiveTo > day) && (!found || v.version > found.version)) found = v;
  }
  return found;
}

/** Evaluates one version for one subject of a household as of a day. */
export async function evaluateAsOf(db: Kysely<any>, actor: Actor, householdId: number, personId: number | null, version: AdoptedVersion, day: string): Promise<SubjectEvaluation> {
  const subjects = await loadHousehold(db, actor, householdId, day);
  if (!subjects) throw notFound();
  const evaluations = evaluateSubjects(subjects, [{ versionId: version.id, version: version.version, code: version.code, input: version, compiled: compileVersion(version) }], new Set());
  const found = evaluations.find((e) => e.personId === personId);
  if (!found) throw notFound();
  return found;
}

export interface ComputedTerm {
  validFrom: string;
  validTo: string | null;
  amountFen: number;
  versionId: number | null;
  evaluation: SubjectEvaluation | null;
}

/**
 * Terms from a day on: a new term wherever another version comes into force, each at the
 * amount its version gives the subject as of that day (0 where no version is in force or the
 * subject did not qualify then). A fixed amount (a grant decided by hand) replaces the rule's.
 */
export async function termsFrom(
  db: Kysely<any>, actor: Actor,
  subject: { policyId: number; householdId: number; personId: number | null },
  from: string, fixedAmountFen: number | null = null,
): Promise<ComputedTerm[]> {
  const versions = await adoptedVersions(db, subject.policyId);
  const boundaries = new Set<string>([from]);
  for (const v of versions) {
    if (v.effectiveFrom > from) boundaries.add(v.effectiveFrom);
    if (v.effectiveTo && v.effectiveTo > from) boundaries.add(v.effectiveTo);
  }
  const days = [...boundaries].sort();
  const terms: ComputedTerm[] = [];
  for (const day of days) {
    const version = versionInForce(versions, day);
    const evaluation = version ? await evaluateAsOf(db, actor, subject.householdId, subject.personId, version, day) : null;
    const ruleAmount = evaluation?.eligible ? (evaluation.amountFen ?? 0) : 0;
    const amountFen = version && fixedAmountFen !== null ? fixedAmountFen : ruleAmount;
    const previous = terms.at(-1);
    if (previous && previous.amountFen === amountFen && previous.versionId === (version?.id ?? null)) continue;
    if (previous) previous.validTo = day;
    terms.push({ validFrom: day, validTo: null, amountFen, versionId: version?.id ?? null, evaluation });
  }
  return terms;
}
