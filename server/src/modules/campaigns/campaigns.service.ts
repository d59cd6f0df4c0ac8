/**
 * Census campaigns (摸排): a manager (plan:write) describes the target group with a rule,
 * previews how many households it selects, and creates the campaign — the households are
 * selected set-based in SQL (the region's subtree, inside the creator's data scope) and handed
 * to grid workers in the same transaction; the rest wait, listed as unassigned, for a manual
 * assignment. Grid workers (visit:write) get the list of their own households; progress and
 * household lists (plan:read) count only the households in the reader's own data scope.
 */
import type { Kysely } from 'kysely';
import {
  CAMPAIGN_LIMITS, type AssignInput, type Campaign, type CampaignHouseholdPage, type CampaignInput, type CampaignPreview, type CampaignProgress,
  type CampaignStatus, type CampaignWorker, type CampaignHouseholdQuery, type CensusTask, type TargetRuleProblem,
} from '../../contracts/campaigns.js';
import { recordAudit } from '../../kernel/audit.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { AppError, invalidField, notFound, type FieldProblem } from '../../kernel/errors.js';
import { today } from '../policies/evaluation.service.js';
import { findRegion, regionPath } from '../regions/regions.repo.js';
import { assignWorkers, regionChains } from './assignment.js';
import {
  assignmentLoad, closeCampaignRow, countCampaignHouseholds, countsOf, findCampaign, findWorker, householdsInCampaign, insertCampaign, listCampaignHouseholds, listCampaigns,
  listWorkers, progressByArea, progressByWorker, reachOfWorker, regionsAbove, setAssignees, setTargetCount, tasksOf, unassignedHouseholds, workersOfRegions,
  type CampaignRow, type HouseholdFilter,
} from './campaigns.repo.js';
import { checkTargetRule, countTargets, insertTargets, prepareSubjects, targetFilter } from './target.js';

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;

/** Bad input: 400 with every problem by field; a rule's with the engine's Chinese message and where it points (data.ruleProblems). */
function inputError(problems: FieldProblem[], ruleProblems: TargetRuleProblem[]): AppError {
  const all = [...problems, ...ruleProblems.map((p) => ({ field: 'rule', message: `目标人群规则第 ${p.line} 行第 ${p.column} 列：${p.message}` }))];
  return new AppError('validation_failed', {
    zh: all.map((p) => p.message).join('；'), en: all.map((p) => `${p.field}: invalid`).join('; '), field: all[0]?.field, problems: all, data: { ruleProblems },
  });
}

async function regionOf(db: Kysely<any>, code: string) {
  const region = await findRegion(db, code);
  if (!region) throw invalidField('regionCode', `未知的行政区划：${code}`, 'unknown region');
  return region;
}

/** How many households the rule selects now in the region, within the asker's scope; problems instead when it does not check. */
export async function previewCampaign(db: Kysely<any>, actor: Actor, input: { regionCode: string; rule: string }): Promise<CampaignPreview> {
  requirePermission(actor, 'plan:write');
  const problems = checkTargetRule(input.rule);
  if (problems.length) return { problems, count: null, undecidable: null, considered: null };
  const region = await regionOf(db, input.regionCode);
  const asOf = await today(db);
  // The subject tables are temporary and dropped at commit: the preview leaves nothing behind.
  const counts = await db.transaction().execute(async (trx) => {
    await prepareSubjects(trx, asOf, targetFilter(actor.scope, region.prefix));
    return countTargets(trx, input.rule);
  });
  return { problems: [], ...counts };
}

function inputProblems(input: CampaignInput, now: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const name = input.name.trim();
  if (!name) problems.push({ field: 'name', message: '请填写摸排任务名称' });
  else if ([...name].length > CAMPAIGN_LIMITS.name) problems.push({ field: 'name', message: `名称最多 ${CAMPAIGN_LIMITS.name} 字` });
  if (input.description && [...input.description.trim()].length > CAMPAIGN_LIMITS.description) {
    problems.push({ field: 'description', message: `目标人群说明最多 ${CAMPAIGN_LIMITS.description} 字` });
  }
  if (!isDate(input.startsOn)) problems.push({ field: 'startsOn', message: '开始日期不是有效日期（年-月-日）' });
  if (!isDate(input.endsOn)) problems.push({ field: 'endsOn', message: '结束日期不是有效日期（年-月-日）' });
  else if (isDate(input.startsOn) && input.endsOn < input.startsOn) problems.push({ field: 'endsOn', message: '结束日期不能早于开始日期' });
  else if (input.endsOn < now) problems.push({ field: 'endsOn', message: `结束日期 ${input.endsOn} 已过` });
  return problems;
}

/** Hands the campaign's unassigned households to the grid workers of their regions; returns how many got one. */
async function autoAssign(db: Kysely<any>, campaignId: number): Promise<number> {
  const households = await unassignedHouseholds(db, campaignId);
  const starts = [...new Set(households.map((h) => h.regionCode))];
  const chains = regionChains(starts, await regionsAbove(db, starts));
  const workers = await workersOfRegions(db, [...new Set([...chains.values()].flat())]);
  const chosen = assignWorkers(households.map((h) => ({ id: h.id, regions: chains.get(h.regionCode) ?? [] })), workers, await assignmentLoad(db, campaignId));
  const pairs = [...chosen].filter(([, userId]) => userId !== null).map(([householdId, userId]) => ({ householdId, userId }));
  await setAssignees(db, campaignId, pairs);
  return pairs.length;
}

/**
 * Creates the campaign with its households and their grid workers, all or nothing. `ownerOrgId`
 * is for the seed's operator account, which belongs to no organisation; users own theirs.
 */
export async function createCampaign(db: Kysely<any>, actor: Actor, input: CampaignInput, options: { ownerOrgId?: number } = {}): Promise<Campaign> {
  requirePermission(actor, 'plan:write');
  const problems = inputProblems(input, await today(db));
  const region = await findRegion(db, input.regionCode);
  if (!region) problems.push({ field: 'regionCode', message: `未知的行政区划：${input.regionCode}` });
  const ownerOrgId = options.ownerOrgId ?? actor.orgId;
  if (ownerOrgId === null) problems.push({ field: 'ownerOrgId', message: '请指定负责摸排的单位' });
  const ruleProblems = checkTargetRule(input.rule);
  if (problems.length || ruleProblems.length) throw inputError(problems, ruleProblems);
  const asOf = await today(db);
  const row = { name: input.name.trim(), regionCode: region!.code, rule: input.rule, description: input.description?.trim() || null, ownerOrgId: ownerOrgId!, startsOn: input.startsOn, endsOn: input.endsOn };
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertCampaign(trx, row, actor);
    await prepareSubjects(trx, asOf, targetFilter(actor.scope, region!.prefix));
    const selected = await insertTargets(trx, id, input.rule);
    if (selected === 0) throw invalidField('rule', `${region!.name}（您的数据范围内）没有符合目标人群规则的家庭，摸排任务未创建`, 'the rule selects no household');
    await setTargetCount(trx, id, selected);
    const assigned = await autoAssign(trx, id);
    await recordAudit(trx, actor, { action: 'campaign.created', entityType: 'campaign', entityId: id, after: { ...row, targetCount: selected, assigned, asOf } });
    return id;
  });
  return getCampaign(db, actor, id);
}

export async function getCampaigns(db: Kysely<any>, actor: Actor, status: CampaignStatus | null): Promise<Campaign[]> {
  requirePermission(actor, 'plan:read');
  return listCampaigns(db, actor.scope, status);
}

export async function getCampaign(db: Kysely<any>, actor: Actor, id: number): Promise<Campaign> {
  requirePermission(actor, 'plan:read');
  const [campaign] = await listCampaigns(db, actor.scope, null, [id]);
  if (!campaign) throw notFound();
  return campaign;
}

async function visibleCampaign(db: Kysely<any>, actor: Actor, id: number, options: { forUpdate?: boolean; owned?: boolean } = {}): Promise<CampaignRow> {
  const campaign = await findCampaign(db, actor.scope, id, options);
  if (!campaign) throw notFound();
  return campaign;
}

/** Coverage by child area of `areaCode` (default: the campaign's region) and by worker, over the reader's households. */
export async function campaignProgress(db: Kysely<any>, actor: Actor, id: number, areaCode?: string): Promise<CampaignProgress> {
  requirePermission(actor, 'plan:read');
  const campaign = await visibleCampaign(db, actor, id);
  const area = areaCode ? await regionOf(db, areaCode) : (await findRegion(db, campaign.regionCode))!;
  if (!area.code.startsWith(campaign.regionPrefix)) throw invalidField('area', `${area.name}不在摸排范围（${campaign.regionName}）内`, 'the area is outside the campaign');
  const [areaRows, workerRows, path] = await Promise.all([
    progressByArea(db, actor.scope, id, area), progressByWorker(db, actor.scope, id, area.prefix), regionPath(db, area.code),
  ]);
  const areas = areaRows.map((r) => ({ code: r.code, name: r.name ?? `${area.name}（本级）`, counts: countsOf(r) }));
  const totals = countsOf({ total: 0, pending: 0, visited: 0, not_at_home: 0, moved: 0, not_found: 0 });
  for (const row of areas) for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += row.counts[key];
  return {
    area: { code: area.code, name: area.name, level: area.level },
    path: path.filter((r) => r.level >= campaign.regionLevel).map((r) => ({ code: r.code, name: r.name })),
    totals,
    areas,
    workers: workerRows.map((r) => ({ userId: r.userId, name: r.name ?? '未分派', counts: countsOf(r) })),
  };
}

export async function campaignHouseholds(db: Kysely<any>, actor: Actor, id: number, query: CampaignHouseholdQuery): Promise<CampaignHouseholdPage> {
  requirePermission(actor, 'plan:read');
  const campaign = await visibleCampaign(db, actor, id);
  const filter: HouseholdFilter = { status: query.status, assignedUserId: query.assignedUserId };
  if (query.area) filter.areaPrefix = (await regionOf(db, query.area)).prefix;
  const pageSize = query.pageSize ?? 20;
  const page = query.page ?? 1;
  const [items, total] = await Promise.all([
    listCampaignHouseholds(db, actor.scope, campaign.id, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
    countCampaignHouseholds(db, actor.scope, campaign.id, filter),
  ]);
  return { items, total };
}

export async function campaignWorkers(db: Kysely<any>, actor: Actor, id: number): Promise<CampaignWorker[]> {
  requirePermission(actor, 'plan:write');
  const campaign = await visibleCampaign(db, actor, id);
  return listWorkers(db, actor.scope, campaign.regionPrefix);
}

/** Gives households to a worker who can reach them (jurisdiction or organisation), or takes them off whoever had them. */
export async function assignHouseholds(db: Kysely<any>, actor: Actor, id: number, input: AssignInput): Promise<{ assigned: number }> {
  requirePermission(actor, 'plan:write');
  const householdIds = [...new Set(input.householdIds)];
  if (householdIds.length === 0) throw invalidField('householdIds', '请选择要分派的家庭', 'choose households');
  await db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaign(trx, actor, id, { forUpdate: true });
    if (campaign.status !== 'open') throw new AppError('invalid_state', { zh: '摸排任务已结束，不能再分派', en: 'the campaign is closed' });
    let worker: { id: number; name: string } | null = null;
    if (input.userId !== null) {
      const found = await findWorker(trx, input.userId);
      if (!found || !found.active || !found.recordsVisits) throw invalidField('userId', '该用户不存在、已停用或没有走访权限', 'not someone who records visits');
      worker = found;
    }
    const present = await householdsInCampaign(trx, actor.scope, id, householdIds);
    if (present.length !== householdIds.length) {
      throw invalidField('householdIds', `所选家庭中有 ${householdIds.length - present.length} 户不在此摸排任务中或不在您的数据范围内`, 'some households are not in the campaign');
    }
    if (worker) {
      const unreachable = (await reachOfWorker(trx, actor.scope, id, householdIds, worker.id)).filter((r) => !r.reachable).length;
      if (unreachable > 0) throw invalidField('userId', `${worker.name}的管辖区域和所在单位不包含所选的 ${unreachable} 户，不能分派`, 'the worker cannot reach these households');
    }
    await setAssignees(trx, id, householdIds.map((householdId) => ({ householdId, userId: input.userId })));
    await recordAudit(trx, actor, { action: 'campaign.assigned', entityType: 'campaign', entityId: id, after: { householdIds, userId: input.userId, userName: worker?.name ?? null } });
  });
  return { assigned: householdIds.length };
}

export async function closeCampaign(db: Kysely<any>, actor: Actor, id: number): Promise<Campaign> {
  requirePermission(actor, 'plan:write');
  await db.transaction().execute(async (trx) => {
    // Only its owner ends a campaign: a district following the city's campaign cannot close it for everyone.
    const campaign = await visibleCampaign(trx, actor, id, { forUpdate: true, owned: true });
    if (campaign.status !== 'open') throw new AppError('invalid_state', { zh: '摸排任务已结束', en: 'the campaign is already closed' });
    await closeCampaignRow(trx, id);
    await recordAudit(trx, actor, { action: 'campaign.closed', entityType: 'campaign', entityId: id });
  });
  return getCampaign(db, actor, id);
}

/** 我的摸排任务: the worker's households in open campaigns, those still to visit first. */
export async function myCensusTasks(db: Kysely<any>, actor: Actor): Promise<CensusTask[]> {
  requirePermission(actor, 'visit:write');
  // The operator's CLI account has no user id and so no households of its own.
  if (actor.id === null) return [];
  return tasksOf(db, actor.scope, actor.id);
}
