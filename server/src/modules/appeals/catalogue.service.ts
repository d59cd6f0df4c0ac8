/** The dispatch catalogue (派单目录) as data: category × region → responsible unit and time limit, kept by dispatchers. */
import type { Kysely } from 'kysely';
import type { AppealCategory, DispatchRule, DispatchRuleInput } from '../../contracts/appeals.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { notFound, type FieldProblem } from '../../kernel/errors.js';
import { findOrganisation } from '../organisations/organisations.repo.js';
import { findRegion } from '../regions/regions.repo.js';
import { validationError } from '../registry/persons.service.js';
import { deleteRule, findCategory, findRule, listCategories, listRules, saveRule } from './catalogue.repo.js';

export function getCategories(db: Kysely<any>): Promise<AppealCategory[]> {
  return listCategories(db, true);
}

export async function getRules(db: Kysely<any>, actor: Actor): Promise<DispatchRule[]> {
  requirePermission(actor, 'appeal:read');
  return listRules(db);
}

export async function setRule(db: Kysely<any>, actor: Actor, input: DispatchRuleInput): Promise<DispatchRule[]> {
  requirePermission(actor, 'appeal:dispatch');
  const problems: FieldProblem[] = [];
  if (!(await findCategory(db, input.categoryCode))) problems.push({ field: 'categoryCode', message: `未知的诉求类别“${input.categoryCode}”` });
  if (!(await findRegion(db, input.regionCode))) problems.push({ field: 'regionCode', message: `区划代码 ${input.regionCode} 不存在` });
  if (!(await findOrganisation(db, input.orgId))) problems.push({ field: 'orgId', message: '承办单位不存在' });
  const max = input.limitUnit === 'hours' ? 720 : 60;
  if (!Number.isInteger(input.limitAmount) || input.limitAmount < 1 || input.limitAmount > max) {
    problems.push({ field: 'limitAmount', message: `办理时限应为 1 到 ${max} ${input.limitUnit === 'hours' ? '小时' : '个工作日'}` });
  }
  if (problems.length) throw validationError(problems);
  await db.transaction().execute(async (trx) => {
    const id = await saveRule(trx, input, actor.id);
    await recordAudit(trx, actor, { action: 'appeal.rule_set', entityType: 'dispatch_rule', entityId: id, after: input });
  });
  return listRules(db);
}

/**
 * Takes a rule out of the catalogue: new appeals of that category there fall to a wider rule, or
 * wait for a dispatcher. Appeals already dispatched by it keep their unit and clock.
 */
export async function removeRule(db: Kysely<any>, actor: Actor, id: number): Promise<DispatchRule[]> {
  requirePermission(actor, 'appeal:dispatch');
  await db.transaction().execute(async (trx) => {
    const rule = await findRule(trx, id, true);
    if (!rule) throw notFound();
    await deleteRule(trx, id);
    await recordAudit(trx, actor, { action: 'appeal.rule_removed', entityType: 'dispatch_rule', entityId: id, before: rule });
  });
  return listRules(db);
}
