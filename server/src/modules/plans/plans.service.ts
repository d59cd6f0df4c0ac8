/**
 * The household plan (一户一策): one per household and year, owned by the household's lead
 * body and followed by its lead caseworker, made of measures with a responsible organisation
 * and a deadline. A measure that pays money is an application in the benefits module, made in
 * the same transaction: one ledger, and no measure without its grant or grant without its measure.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { FAST_CHANNEL_WORKDAYS, MEASURE_TYPES, OPEN_MEASURE_STATUSES, type Measure, type MeasureCounts, type MeasureInput, type Plan, type PlanInput } from '../../contracts/plans.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { AppError, notFound, type FieldProblem } from '../../kernel/errors.js';
import { applyForBenefit } from '../benefits/enrollments.service.js';
import { workingCalendar } from '../calendar/calendar.service.js';
import { workdayAfter } from '../calendar/time-limits.js';
import { isWithinReach } from '../organisations/partners.repo.js';
import { today } from '../policies/evaluation.service.js';
import { findHousehold } from '../registry/households.repo.js';
import { validationError } from '../registry/persons.service.js';
import { findPlan, findPlanByYear, insertMeasure, insertMeasureEvent, listPlans, measuresOfPlans, savePlan, type PlanRow } from './measures.repo.js';
import { alertNewMeasure } from './measure-alerts.js';

export function countMeasures(measures: Measure[]): MeasureCounts {
  const open = measures.filter((m) => OPEN_MEASURE_STATUSES.includes(m.status));
  return {
    total: measures.length,
    open: open.length,
    done: measures.filter((m) => m.status === 'done').length,
    overdue: measures.filter((m) => m.overdue).length,
    blocked: measures.filter((m) => m.status === 'blocked').length,
  };
}

async function withMeasures(db: Kysely<any>, plans: PlanRow[]): Promise<Plan[]> {
  const measures = await measuresOfPlans(db, plans.map((p) => p.id));
  return plans.map((plan) => {
    const own = measures.filter((m) => m.planId === plan.id);
    return { ...plan, measures: own, counts: countMeasures(own) };
  });
}

export async function getPlans(db: Kysely<any>, actor: Actor, householdId: number): Promise<Plan[]> {
  requirePermission(actor, 'plan:read');
  if (!(await findHousehold(db, actor.scope, householdId))) throw notFound();
  return withMeasures(db, await listPlans(db, actor.scope, householdId));
}

export async function getPlan(db: Kysely<any>, actor: Actor, planId: number): Promise<Plan> {
  requirePermission(actor, 'plan:read');
  const plan = await findPlan(db, actor.scope, planId);
  if (!plan) throw notFound();
  return (await withMeasures(db, [plan]))[0]!;
}

/** The lead caseworker works for the owner, for a body above it, or below it. */
async function leadUserProblem(db: Kysely<any>, ownerOrgId: number, userId: number): Promise<FieldProblem | null> {
  const { rows } = await sql<{ ok: boolean }>`select (uo.path like oo.path || '%' or oo.path like uo.path || '%') and not u.disabled as ok
    from users u join organisations uo on uo.id = u.org_id, organisations oo where u.id = ${userId} and oo.id = ${ownerOrgId}`.execute(db);
  if (!rows[0]) return { field: 'leadUserId', message: '责任帮扶干部不存在' };
  if (!rows[0].ok) return { field: 'leadUserId', message: '责任帮扶干部须是本单位或上下级单位的在岗人员' };
  return null;
}

/** Makes the year's plan, or changes its goal and lead caseworker. Owned by the household's organisation. */
export async function savePlanForYear(db: Kysely<any>, actor: Actor, householdId: number, year: number, input: PlanInput): Promise<Plan> {
  requirePermission(actor, 'plan:write');
  const household = await findHousehold(db, actor.scope, householdId);
  if (!household) throw notFound();
  const now = await today(db);
  const problems: FieldProblem[] = [];
  if (year > Number(now.slice(0, 4)) + 1) problems.push({ field: 'year', message: '最多提前制定下一年度的计划' });
  // No lead named: a new plan is led by whoever makes it; an existing one keeps its lead.
  const existing = await findPlanByYear(db, householdId, year);
  const leadUserId = input.leadUserId ?? existing?.leadUserId ?? actor.id;
  if (leadUserId !== null) {
    const problem = await leadUserProblem(db, household.orgId, leadUserId);
    if (problem) problems.push(problem);
  }
  if (problems.length) throw validationError(problems);
  const goal = input.goal?.trim() || null;
  const id = await db.transaction().execute(async (trx) => {
    const before = await findPlanByYear(trx, householdId, year);
    const id = await savePlan(trx, { householdId, year, ownerOrgId: before?.ownerOrgId ?? household.orgId, leadUserId, goal, createdBy: actor.id });
    await recordAudit(trx, actor, { action: before ? 'plan.updated' : 'plan.created', entityType: 'plan', entityId: id, before, after: { householdId, year, goal, leadUserId } });
    return id;
  });
  return getPlan(db, actor, id);
}

export interface MeasureOrigin {
  origin: 'plan' | 'meeting' | 'visit';
  originId: number | null;
}

async function orgTypes(db: Kysely<any>, ids: number[]): Promise<Map<number, string>> {
  const { rows } = await sql<{ id: number; type: string }>`select id, type from organisations where id = any(${ids}::bigint[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r.type]));
}

/** Everything wrong with a new measure, by field, before anything is written. */
async function measureProblems(db: Kysely<any>, plan: PlanRow, input: MeasureInput, now: string): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const type = MEASURE_TYPES[input.type];
  if (!type) return [{ field: 'type', message: `未知的措施类型“${input.type}”` }];
  if (!input.title.trim()) problems.push({ field: 'title', message: '请填写措施内容' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.deadline) || Number.isNaN(Date.parse(input.deadline))) problems.push({ field: 'deadline', message: '完成期限不是有效日期' });
  else if (input.deadline < now) problems.push({ field: 'deadline', message: `完成期限 ${input.deadline} 已过，不能早于今天（${now}）` });
  else if (input.type === 'serious_illness') {
    const last = workdayAfter(now, FAST_CHANNEL_WORKDAYS, await workingCalendar(db));
    if (input.deadline > last) problems.push({ field: 'deadline', message: `大病罕见病快速通道须在 ${FAST_CHANNEL_WORKDAYS} 个工作日内（${last} 前）办结` });
  }
  if (input.personId !== null) {
    const { rows } = await sql`select 1 from persons where id = ${input.personId} and household_id = ${plan.householdId}`.execute(db);
    if (!rows.length) problems.push({ field: 'personId', message: '帮扶对象不是本户成员' });
  }
  const ccOrgIds = [...new Set(input.ccOrgIds ?? [])].filter((id) => id !== input.responsibleOrgId);
  const types = await orgTypes(db, [input.responsibleOrgId, ...ccOrgIds]);
  if (!types.has(input.responsibleOrgId)) problems.push({ field: 'responsibleOrgId', message: '责任单位不存在' });
  else if (!(await isWithinReach(db, plan.ownerOrgId, input.responsibleOrgId))) {
    problems.push({ field: 'responsibleOrgId', message: `责任单位不在“${plan.ownerOrgName}”可分派的范围内（本单位及下级、合作单位），请先建立合作关系` });
  }
  for (const id of ccOrgIds) {
    if (!types.has(id) || !(await isWithinReach(db, plan.ownerOrgId, id))) problems.push({ field: 'ccOrgIds', message: `抄送单位 ${id} 不存在或不在可分派范围内` });
  }
  if (input.type === 'serious_illness') {
    if (types.has(input.responsibleOrgId) && types.get(input.responsibleOrgId) !== 'hospital') problems.push({ field: 'responsibleOrgId', message: '快速通道的责任单位须是医院' });
    if (!ccOrgIds.some((id) => types.get(id) === 'medical_insurance')) problems.push({ field: 'ccOrgIds', message: '快速通道须同时通知医保部门，请在抄送单位中选择医保局' });
  }
  problems.push(...paymentProblems(input));
  if (input.enrollmentId != null) {
    const { rows } = await sql`select 1 from enrollments where id = ${input.enrollmentId} and household_id = ${plan.householdId}`.execute(db);
    if (!rows.length) problems.push({ field: 'enrollmentId', message: '关联的待遇不属于本户' });
  }
  return problems;
}

async function policyPaysPerson(db: Kysely<any>, code: string): Promise<boolean> {
  const { rows } = await sql<{ target: string }>`select v.target from policies p join policy_versions v on v.policy_id = p.id and v.status = 'active' where p.code = ${code}`.execute(db);
  return rows[0]?.target === 'person';
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

function paymentProblems(input: MeasureInput): FieldProblem[] {
  const payment = input.payment;
  if (!payment) return [];
  if (!MEASURE_TYPES[input.type].pays) return [{ field: 'payment', message: `“${MEASURE_TYPES[input.type].label}”类措施不发放资金` }];
  if (input.enrollmentId != null) return [{ field: 'payment', message: '已关联现有待遇的措施不能再新建发放' }];
  const problems: FieldProblem[] = [];
  if (!payment.policyCode) problems.push({ field: 'payment.policyCode', message: '请选择发放所依据的政策' });
  if (!Number.isInteger(payment.amountFen) || payment.amountFen <= 0) problems.push({ field: 'payment.amountFen', message: '金额须大于 0，精确到分' });
  if (payment.funding.length === 0) problems.push({ field: 'payment.funding', message: '请填写资金来源' });
  payment.funding.forEach((part, i) => {
    if (!part.source.trim()) problems.push({ field: `payment.funding[${i}].source`, message: `第 ${i + 1} 项资金来源名称为空` });
    if (!Number.isInteger(part.amountFen) || part.amountFen <= 0) problems.push({ field: `payment.funding[${i}].amountFen`, message: `第 ${i + 1} 项出资金额须大于 0，精确到分` });
  });
  if (new Set(payment.funding.map((f) => f.source.trim())).size !== payment.funding.length) problems.push({ field: 'payment.funding', message: '资金来源重复' });
  const sum = payment.funding.reduce((total, f) => total + (Number.isInteger(f.amountFen) ? f.amountFen : 0), 0);
  if (payment.funding.length && Number.isInteger(payment.amountFen) && sum !== payment.amountFen) {
    problems.push({ field: 'payment.funding', message: `各资金来源合计 ${yuan(sum)} 元，与措施金额 ${yuan(payment.amountFen)} 元不符` });
  }
  return problems;
}

/** Adds a measure to a plan; with money, its application in the benefits module; alerts whoever must act. */
export async function addMeasure(db: Kysely<any>, actor: Actor, planId: number, input: MeasureInput, from: MeasureOrigin = { origin: 'plan', originId: null }): Promise<Measure> {
  requirePermission(actor, 'plan:write');
  if (input.payment) requirePermission(actor, 'benefit:apply');
  const plan = await findPlan(db, actor.scope, planId);
  if (!plan) throw notFound();
  if (plan.status !== 'open') throw new AppError('invalid_state', { zh: '计划已结案，不能再添加措施', en: 'the plan is closed' });
  const now = await today(db);
  const problems = await measureProblems(db, plan, input, now);
  if (problems.length) throw validationError(problems);
  const title = input.title.trim();
  const ccOrgIds = [...new Set(input.ccOrgIds ?? [])].filter((id) => id !== input.responsibleOrgId);
  // A household policy pays the household even when the measure names the member it is for.
  const paysPerson = input.payment ? await policyPaysPerson(db, input.payment.policyCode) : false;
  const id = await inTransaction(db, async (trx) => {
    const enrollmentId = input.payment
      ? (await applyForBenefit(trx, actor, {
          policyCode: input.payment.policyCode, householdId: plan.householdId, personId: paysPerson ? input.personId : null, startedOn: input.payment.startedOn ?? now,
          reason: `帮扶计划措施：${title}`, amountFen: input.payment.amountFen,
          funding: input.payment.funding.map((f) => ({ source: f.source.trim(), weight: f.amountFen })),
        }, '帮扶计划')).id
      : input.enrollmentId ?? null;
    const referral = input.responsibleOrgId === plan.ownerOrgId ? null : 'pending';
    const id = await insertMeasure(trx, {
      householdId: plan.householdId, planId, personId: input.personId, type: input.type, title, detail: input.detail?.trim() || null,
      responsibleOrgId: input.responsibleOrgId, responsiblePerson: input.responsiblePerson?.trim() || null, ccOrgIds, deadline: input.deadline,
      amountFen: input.payment?.amountFen ?? null, funding: input.payment?.funding ?? null, enrollmentId, referral, ...from,
    }, actor);
    await insertMeasureEvent(trx, { measureId: id, householdId: plan.householdId, kind: 'created', toStatus: 'planned', note: input.detail?.trim() || null }, actor);
    if (referral) await insertMeasureEvent(trx, { measureId: id, householdId: plan.householdId, kind: 'referred', note: null, orgId: input.responsibleOrgId }, actor);
    await recordAudit(trx, actor, { action: 'plan.measure_added', entityType: 'measure', entityId: id, after: { planId, ...input, title, enrollmentId } });
    await alertNewMeasure(trx, { id, householdId: plan.householdId, type: input.type, title, deadline: input.deadline, responsibleOrgId: input.responsibleOrgId, ccOrgIds, referred: referral !== null, ownerOrgName: plan.ownerOrgName });
    return id;
  });
  const measures = await measuresOfPlans(db, [planId]);
  return measures.find((m) => m.id === id)!;
}
