/**
 * A census visit (摸排走访): a visit of the visit log that belongs to a campaign. Its outcome
 * becomes the household's coverage status in the visit's own transaction; the facts the
 * worker confirmed or corrected at the door go into the registry through the normal fact
 * history (recordFact / endFactOn, source "摸排：<campaign>"), so the policy monitor reacts as
 * to any other change. Everything is checked before the visit is written — a bad fact refuses
 * the whole visit with the field it is in — and the facts are written in the visit's own
 * transaction: a visit never stands without the corrections it carried.
 */
import { sql, type Kysely } from 'kysely';
import type { CensusStatus } from '../../contracts/campaigns.js';
import { CENSUS_FACT_KINDS, VISIT_LIMITS, type CensusFactCheck, type CensusFactInput, type VisitOutcome } from '../../contracts/visits.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import type { FieldProblem } from '../../kernel/errors.js';
import { validateFactValue } from '../registry/facts.js';
import { openFacts } from '../registry/facts.repo.js';
import { endFactOn, recordFact } from '../registry/facts.service.js';
import { findCensusTarget, markCensusVisit } from './campaigns.repo.js';
import { factValueOf, sameFactValue } from './census-facts.js';

interface PlannedFact {
  personId: number;
  kind: CensusFactInput['kind'];
  value: Record<string, unknown> | null;
  action: CensusFactCheck['action'];
  openFactId: number | null;
}

export interface CensusPlan {
  campaignId: number;
  campaignName: string;
  householdId: number;
  visitedOn: string;
  outcome: VisitOutcome;
  facts: PlannedFact[];
}

export interface CensusVisit {
  householdId: number;
  visitedOn: string;
  outcome: VisitOutcome;
  campaignId: number | null;
  facts: CensusFactInput[];
}

const label = (kind: string) => CENSUS_FACT_KINDS[kind as keyof typeof CENSUS_FACT_KINDS] ?? kind;

async function planFacts(db: Kysely<any>, visit: CensusVisit, problems: FieldProblem[]): Promise<PlannedFact[]> {
  const { rows: members } = await sql<{ id: number; idNumber: string }>`select id, id_number as "idNumber" from persons
    where household_id = ${visit.householdId}`.execute(db);
  const planned: PlannedFact[] = [];
  const seen = new Set<string>();
  for (const [i, fact] of visit.facts.entries()) {
    const at = `facts.${i}`;
    if (!(fact.kind in CENSUS_FACT_KINDS)) {
      problems.push({ field: `${at}.kind`, message: `摸排不能核实“${fact.kind}”，可核实：${Object.values(CENSUS_FACT_KINDS).join('、')}` });
      continue;
    }
    const member = members.find((m) => m.id === fact.personId);
    if (!member) {
      problems.push({ field: `${at}.personId`, message: '核实的人员不是本户成员' });
      continue;
    }
    if (seen.has(`${fact.personId}:${fact.kind}`)) {
      problems.push({ field: at, message: `同一成员的“${label(fact.kind)}”填写了两次` });
      continue;
    }
    seen.add(`${fact.personId}:${fact.kind}`);
    if (fact.value === null && fact.kind === 'disability') {
      problems.push({ field: `${at}.value`, message: '残疾信息不能在摸排中注销，请在家庭页面按残联信息处理' });
      continue;
    }
    const value = fact.value === null ? null : factValueOf(fact.kind, fact.value);
    if (value) {
      // The registry takes employment without an employer; a census at the door asks for it.
      if (fact.kind === 'employment' && !value.employer) {
        problems.push({ field: `${at}.value.employer`, message: '就业：请填写工作单位' });
        continue;
      }
      const invalid = validateFactValue(fact.kind, value, member.idNumber);
      if (invalid.length) {
        problems.push(...invalid.map((p) => ({ field: `${at}.${p.field}`, message: `${label(fact.kind)}：${p.message}` })));
        continue;
      }
    }
    const open = (await openFacts(db, { personId: fact.personId, householdId: null }, fact.kind))[0] ?? null;
    const action: PlannedFact['action'] = value ? (open && sameFactValue(fact.kind, open.value as Record<string, unknown>, value) ? 'confirmed' : 'recorded') : open ? 'ended' : 'confirmed';
    // The registry keeps one timeline per fact: a change can only start after the open value began.
    if (open && ((action === 'recorded' && open.validFrom >= visit.visitedOn) || (action === 'ended' && open.validFrom > visit.visitedOn))) {
      problems.push({ field: `${at}.value`, message: `${label(fact.kind)}已有自 ${open.validFrom} 起的记录，不早于本次走访日期，请在家庭页面核对` });
      continue;
    }
    planned.push({ personId: fact.personId, kind: fact.kind, value, action, openFactId: open?.id ?? null });
  }
  return planned;
}

/** Everything wrong with the census side of a visit, by field, and what it will do when it is right. */
export async function checkCensusVisit(db: Kysely<any>, actor: Actor, visit: CensusVisit): Promise<{ problems: FieldProblem[]; plan: CensusPlan | null }> {
  const problems: FieldProblem[] = [];
  if (visit.campaignId === null) {
    return { problems: visit.facts.length ? [{ field: 'facts', message: '只有摸排走访可以核实家庭信息，请从“我的摸排任务”进入' }] : [], plan: null };
  }
  const target = await findCensusTarget(db, visit.campaignId, visit.householdId);
  if (!target) return { problems: [{ field: 'campaignId', message: '摸排任务不存在' }], plan: null };
  // The campaign is named only to those with a household in it: its id alone tells a stranger nothing.
  if (!target.inCampaign) return { problems: [{ field: 'campaignId', message: '该户不在所选的摸排任务中' }], plan: null };
  if (target.campaignStatus !== 'open') problems.push({ field: 'campaignId', message: `摸排任务“${target.name}”已结束，不能再登记` });
  if (/^\d{4}-\d{2}-\d{2}$/.test(visit.visitedOn) && visit.visitedOn < target.startsOn) {
    problems.push({ field: 'visitedOn', message: `走访日期早于摸排开始日期（${target.startsOn}）` });
  }
  let facts: PlannedFact[] = [];
  if (visit.facts.length > 0) {
    requirePermission(actor, 'registry:write');
    if (visit.outcome !== 'visited') problems.push({ field: 'facts', message: '未入户（家中无人、已搬离、查无此户）不能核实家庭信息' });
    else if (visit.facts.length > VISIT_LIMITS.facts) problems.push({ field: 'facts', message: `一次最多核实 ${VISIT_LIMITS.facts} 项信息` });
    else facts = await planFacts(db, visit, problems);
  }
  if (problems.length) return { problems, plan: null };
  return {
    problems,
    plan: { campaignId: visit.campaignId, campaignName: target.name, householdId: visit.householdId, visitedOn: visit.visitedOn, outcome: visit.outcome, facts },
  };
}

/** Inside the visit's transaction: the household's coverage status follows the visit. */
export async function markCovered(db: Kysely<any>, plan: CensusPlan, visitId: number): Promise<void> {
  await markCensusVisit(db, { campaignId: plan.campaignId, householdId: plan.householdId, visitId, visitedOn: plan.visitedOn, outcome: plan.outcome as CensusStatus });
}

/** Inside the visit's transaction: the corrected facts into the registry's history (the monitor hears of them once it commits). */
export async function applyCensusFacts(db: Kysely<any>, actor: Actor, plan: CensusPlan): Promise<CensusFactCheck[]> {
  const checks: CensusFactCheck[] = [];
  const source = `摸排：${plan.campaignName}`;
  for (const fact of plan.facts) {
    if (fact.action === 'recorded') {
      const recorded = await recordFact(db, actor, { personId: fact.personId, kind: fact.kind, value: fact.value!, source, validFrom: plan.visitedOn });
      checks.push({ personId: fact.personId, kind: fact.kind, action: 'recorded', factId: recorded.id });
    } else if (fact.action === 'ended') {
      await endFactOn(db, actor, fact.openFactId!, plan.visitedOn);
      checks.push({ personId: fact.personId, kind: fact.kind, action: 'ended', factId: fact.openFactId });
    } else {
      checks.push({ personId: fact.personId, kind: fact.kind, action: 'confirmed', factId: fact.openFactId });
    }
  }
  return checks;
}
