/**
 * The yearly assessment of a household (困难评估): why it is in hardship, how heavily, and what
 * it needs — the ground its plan (一户一策) stands on. One per household and year; a
 * reassessment in the same year replaces it (the audit log keeps the earlier one), earlier
 * years stay as its history. The counts by cause that reports give come from these records.
 */
import type { Kysely } from 'kysely';
import { CAUSE_SEVERITIES, HARDSHIP_CAUSES, HOUSEHOLD_NEEDS, type Assessment, type AssessmentInput, type CauseCount } from '../../contracts/plans.js';
import { recordAudit } from '../../kernel/audit.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { notFound, type FieldProblem } from '../../kernel/errors.js';
import { validationError } from '../registry/persons.service.js';
import { today } from '../policies/evaluation.service.js';
import { findHousehold } from '../registry/households.repo.js';
import { countByCause, findAssessment, listAssessments, saveAssessment } from './assessments.repo.js';

function problemsOf(input: AssessmentInput, year: number, now: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (year > Number(now.slice(0, 4))) problems.push({ field: 'year', message: '不能评估未来的年度' });
  if (input.causes.length === 0) problems.push({ field: 'causes', message: '请至少填写一项致困原因' });
  input.causes.forEach((c, i) => {
    if (!(c.cause in HARDSHIP_CAUSES)) problems.push({ field: `causes[${i}].cause`, message: `未知的致困原因“${c.cause}”` });
    if (!(c.severity in CAUSE_SEVERITIES)) problems.push({ field: `causes[${i}].severity`, message: `未知的困难程度“${c.severity}”` });
  });
  if (new Set(input.causes.map((c) => c.cause)).size !== input.causes.length) problems.push({ field: 'causes', message: '同一致困原因填写了两次' });
  for (const need of input.needs) if (!(need in HOUSEHOLD_NEEDS)) problems.push({ field: 'needs', message: `未知的需求“${need}”` });
  if (!input.assessedOn.startsWith(`${year}-`)) problems.push({ field: 'assessedOn', message: `评估日期应在 ${year} 年内` });
  else if (input.assessedOn > now) problems.push({ field: 'assessedOn', message: '评估日期不能晚于今天' });
  return problems;
}

export async function getAssessments(db: Kysely<any>, actor: Actor, householdId: number): Promise<Assessment[]> {
  requirePermission(actor, 'registry:read');
  if (!(await findHousehold(db, actor.scope, householdId))) throw notFound();
  return listAssessments(db, actor.scope, householdId);
}

export async function assessHousehold(db: Kysely<any>, actor: Actor, householdId: number, year: number, input: AssessmentInput): Promise<Assessment> {
  requirePermission(actor, 'registry:write');
  if (!(await findHousehold(db, actor.scope, householdId))) throw notFound();
  const clean = { ...input, needs: [...new Set(input.needs)], summary: input.summary?.trim() || null, causes: input.causes.map((c) => ({ ...c, note: c.note?.trim() || null })) };
  const problems = problemsOf(clean, year, await today(db));
  if (problems.length) throw validationError(problems);
  await db.transaction().execute(async (trx) => {
    const before = await findAssessment(trx, householdId, year);
    await saveAssessment(trx, householdId, year, clean, actor);
    await recordAudit(trx, actor, { action: before ? 'plan.reassessed' : 'plan.assessed', entityType: 'household', entityId: householdId, before, after: { year, ...clean } });
  });
  return (await findAssessment(db, householdId, year))!;
}

export async function causeCounts(db: Kysely<any>, actor: Actor, year: number): Promise<CauseCount[]> {
  requirePermission(actor, 'registry:read');
  const rows = await countByCause(db, actor.scope, year);
  return rows.map((r) => ({ ...r, label: HARDSHIP_CAUSES[r.cause] ?? r.cause }));
}
