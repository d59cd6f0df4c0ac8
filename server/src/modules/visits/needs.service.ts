/**
 * A need found on a visit becomes a measure of the household's plan for the visit's year. The
 * measure and the need's link to it are written in one transaction, under a lock on the visit,
 * so a need turns into one measure however often the button is pressed.
 */
import type { Kysely } from 'kysely';
import type { Measure, MeasureInput } from '../../contracts/plans.js';
import type { Visit } from '../../contracts/visits.js';
import { recordAudit } from '../../kernel/audit.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { AppError, invalidField, notFound } from '../../kernel/errors.js';
import { findPlanByYear } from '../plans/measures.repo.js';
import { addMeasure } from '../plans/plans.service.js';
import { lockVisitNeeds, setNeedMeasure } from './visits.repo.js';
import { getVisit, visibleVisit } from './visits.service.js';

export async function needToMeasure(
  db: Kysely<any>, actor: Actor, visitId: number, index: number, input: MeasureInput,
): Promise<{ visit: Visit; measure: Measure }> {
  requirePermission(actor, 'plan:write');
  const visit = await visibleVisit(db, actor, visitId);
  if (!visit.needs[index]) throw notFound();
  const year = Number(visit.visitedOn.slice(0, 4));
  const plan = await findPlanByYear(db, visit.householdId, year);
  if (!plan) throw invalidField('plan', `该户 ${year} 年度尚未制定帮扶计划，请先制定计划`, `the household has no plan for ${year} yet`);
  const measure = await db.transaction().execute(async (trx) => {
    const needs = await lockVisitNeeds(trx, visitId);
    const need = needs?.[index];
    if (!need) throw notFound();
    if (need.measureId !== null) {
      throw new AppError('conflict', { zh: '该需求已转为措施', en: 'this need has already become a measure', field: 'measureId' });
    }
    const measure = await addMeasure(trx, actor, plan.id, input, { origin: 'visit', originId: visitId });
    await setNeedMeasure(trx, visitId, index, measure.id);
    await recordAudit(trx, actor, { action: 'visit.need_measured', entityType: 'visit', entityId: visitId, after: { index, need: need.need, measureId: measure.id, planId: plan.id } });
    return measure;
  });
  return { visit: await getVisit(db, actor, visitId), measure };
}
