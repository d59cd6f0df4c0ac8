/**
 * The visit log (网格日志): a grid worker records a door-to-door visit — when, who came along,
 * what it was for (one visit often serves several tasks), whether the household was met, what
 * was found and which needs came up. Recording needs `visit:write`, reading `registry:read`,
 * and both reach only households in the user's data scope. A phone that lost its network sends
 * the same draft again later; its client id makes the second send return the first visit.
 * A census visit (campaignId) also sets the household's coverage in its campaign and may
 * confirm or correct facts (campaigns/census.ts).
 */
import { inTransaction } from '../../kernel/db/transaction.js';
import type { FastifyReply } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { HOUSEHOLD_NEEDS } from '../../contracts/plans.js';
import {
  VISIT_LIMITS, VISIT_OUTCOMES, VISIT_PURPOSES, type Visit, type VisitHousehold, type VisitInput, type VisitOutcome,
  type VisitPage, type VisitPhoto, type VisitPurpose,
} from '../../contracts/visits.js';
import { recordAudit } from '../../kernel/audit.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { AppError, notFound, type FieldProblem } from '../../kernel/errors.js';
import { escapeLike } from '../../kernel/auth/scope.js';
import { applyCensusFacts, checkCensusVisit, markCovered, type CensusPlan } from '../campaigns/census.js';
import { listAttachments } from '../files/attachments.repo.js';
import { presentAttachment, sendAttachment, storeAttachment } from '../files/attachments.service.js';
import { today } from '../policies/evaluation.service.js';
import { findHousehold } from '../registry/households.repo.js';
import { validationError } from '../registry/persons.service.js';
import { personMatches } from '../registry/search.js';
import { countVisits, findByClientId, findVisit, insertVisit, listVisits, searchHouseholdsForVisit, type NewVisit, type VisitFilter, type VisitRow } from './visits.repo.js';

const EARLIEST = '2000-01-01';

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Trims and de-duplicates what a phone sends, so "张三 " and "张三" are one companion. */
function tidy(input: VisitInput): NewVisit {
  const companions = [...new Set(input.companions.map((c) => c.trim()).filter(Boolean))];
  const campaignId = input.campaignId ?? null;
  // A census visit is one whatever else the worker ticked.
  const purposes = campaignId === null ? input.purposes : ['census', ...input.purposes];
  return {
    householdId: input.householdId,
    visitedOn: input.visitedOn.trim(),
    companions,
    purposes: [...new Set(purposes)] as VisitPurpose[],
    outcome: input.outcome as VisitOutcome,
    findings: input.findings?.trim() || null,
    needs: input.needs.map((n) => ({ need: n.need, note: n.note?.trim() || null, measureId: null })),
    clientId: input.clientId?.toLowerCase() ?? null,
    campaignId,
  };
}

function problemsOf(visit: NewVisit, now: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isRealDate(visit.visitedOn)) problems.push({ field: 'visitedOn', message: '走访日期不是有效日期（年-月-日）' });
  else if (visit.visitedOn > now) problems.push({ field: 'visitedOn', message: '走访日期不能晚于今天' });
  else if (visit.visitedOn < EARLIEST) problems.push({ field: 'visitedOn', message: '走访日期不能早于 2000 年' });
  if (visit.purposes.length === 0) problems.push({ field: 'purposes', message: '请至少选择一项走访事项' });
  for (const purpose of visit.purposes) if (!(purpose in VISIT_PURPOSES)) problems.push({ field: 'purposes', message: `未知的走访事项“${purpose}”` });
  if (!(visit.outcome in VISIT_OUTCOMES)) problems.push({ field: 'outcome', message: `未知的走访结果“${visit.outcome}”` });
  if (visit.companions.length > VISIT_LIMITS.companions) problems.push({ field: 'companions', message: `同行人员最多 ${VISIT_LIMITS.companions} 人` });
  visit.companions.forEach((name, i) => {
    if ([...name].length > VISIT_LIMITS.companionName) {
      problems.push({ field: `companions.${i}`, message: `同行人员“${[...name].slice(0, 8).join('')}…”的姓名超过 ${VISIT_LIMITS.companionName} 个字` });
    }
  });
  if (visit.findings && [...visit.findings].length > VISIT_LIMITS.findings) problems.push({ field: 'findings', message: `走访情况最多 ${VISIT_LIMITS.findings} 字` });
  visit.needs.forEach((n, i) => {
    if (!(n.need in HOUSEHOLD_NEEDS)) problems.push({ field: `needs.${i}.need`, message: `未知的需求“${n.need}”` });
    if (n.note && [...n.note].length > VISIT_LIMITS.needNote) problems.push({ field: `needs.${i}.note`, message: `需求说明最多 ${VISIT_LIMITS.needNote} 字` });
  });
  if (new Set(visit.needs.map((n) => n.need)).size !== visit.needs.length) problems.push({ field: 'needs', message: '同一需求填写了两次' });
  return problems;
}



async function withPhotos(db: Kysely<any>, rows: VisitRow[]): Promise<Visit[]> {
  const photos = await listAttachments(db, 'visit', rows.map((r) => r.id));
  return rows.map((row) => ({ ...row, photos: photos.filter((p) => Number(p.entityId) === row.id).map(presentAttachment) }));
}

/** The visit if the actor may see it (its household is in scope), else 404. */
export async function visibleVisit(db: Kysely<any>, actor: Actor, id: number): Promise<VisitRow> {
  const row = await findVisit(db, actor.scope, id);
  if (!row) throw notFound();
  return row;
}

export async function getVisit(db: Kysely<any>, actor: Actor, id: number): Promise<Visit> {
  requirePermission(actor, 'registry:read');
  const [visit] = await withPhotos(db, [await visibleVisit(db, actor, id)]);
  return visit!;
}

/**
 * Records a visit; the same client id sent again returns the visit already stored (created: false).
 * A census visit's corrected facts (factChecks) are recorded once, when the visit is first stored.
 */
export async function recordVisit(db: Kysely<any>, actor: Actor, input: VisitInput): Promise<{ visit: Visit; created: boolean }> {
  requirePermission(actor, 'visit:write');
  if (!(await findHousehold(db, actor.scope, input.householdId))) throw notFound();
  const visit = tidy(input);
  if (visit.clientId) {
    // Answered before any check: the first send's facts are in the registry now, and checking them again would refuse the replay.
    const earlier = await findByClientId(db, visit.clientId);
    if (earlier && earlier.householdId === visit.householdId) return { visit: await getVisit(db, actor, earlier.id), created: false };
  }
  const problems = problemsOf(visit, await today(db));
  let census: CensusPlan | null = null;
  if (visit.campaignId !== null || input.facts?.length) {
    const checked = await checkCensusVisit(db, actor, { ...visit, facts: input.facts ?? [] });
    problems.push(...checked.problems);
    census = checked.plan;
  }
  if (problems.length) throw validationError(problems);
  // The visit, its campaign coverage and the facts it corrects land together or not at all.
  const result = await inTransaction(db, async (trx) => {
    if (visit.clientId) {
      const earlier = await findByClientId(trx, visit.clientId);
      if (earlier && earlier.householdId !== visit.householdId) {
        throw new AppError('conflict', { zh: '该草稿编号已用于另一户的走访记录', en: 'This client id belongs to a visit of another household', field: 'clientId' });
      }
      if (earlier) return { id: earlier.id, created: false, factChecks: null };
    }
    const inserted = await insertVisit(trx, visit, actor);
    if (inserted === null) {
      // The same draft arrived twice at once (the online event and a page opening): the other send stored it.
      const stored = await findByClientId(trx, visit.clientId!);
      return { id: stored!.id, created: false, factChecks: null };
    }
    if (census) await markCovered(trx, census, inserted);
    const factChecks = census ? await applyCensusFacts(trx, actor, census) : null;
    await recordAudit(trx, actor, { action: 'visit.recorded', entityType: 'visit', entityId: inserted, after: {
      ...visit,
      // Which facts were checked, not their values: disability and incapacity are health data, audited by the registry without them.
      ...(input.facts?.length ? { facts: input.facts.map((f) => ({ personId: f.personId, kind: f.kind })) } : {}),
    } });
    return { id: inserted, created: true, factChecks };
  });
  const stored = await getVisit(db, actor, result.id);
  return { visit: result.factChecks ? { ...stored, factChecks: result.factChecks } : stored, created: result.created };
}

export interface VisitQuery {
  mine?: boolean;
  householdId?: number;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export async function searchVisits(db: Kysely<any>, actor: Actor, query: VisitQuery): Promise<VisitPage> {
  requirePermission(actor, 'registry:read');
  const problems: FieldProblem[] = [];
  for (const field of ['from', 'to'] as const) {
    if (query[field] && !isRealDate(query[field]!)) problems.push({ field, message: '日期不是有效日期（年-月-日）' });
  }
  if (problems.length) throw validationError(problems);
  const filter: VisitFilter = { householdId: query.householdId, from: query.from, to: query.to };
  // "My visits" of an account with no user id (the operator's CLI) is simply none.
  if (query.mine) filter.recordedBy = actor.id ?? -1;
  const pageSize = query.pageSize ?? 20;
  const page = query.page ?? 1;
  const [rows, total] = await Promise.all([
    listVisits(db, actor.scope, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
    countVisits(db, actor.scope, filter),
  ]);
  return { items: await withPhotos(db, rows), total };
}

export async function householdVisits(db: Kysely<any>, actor: Actor, householdId: number): Promise<Visit[]> {
  requirePermission(actor, 'registry:read');
  if (!(await findHousehold(db, actor.scope, householdId))) throw notFound();
  return withPhotos(db, await listVisits(db, actor.scope, { householdId }, { limit: 500, offset: 0 }));
}

/** The households the visit form offers: by a member's name, pinyin, ID number or phone, or a part of the address. */
export async function householdsToVisit(db: Kysely<any>, actor: Actor, q: string | undefined): Promise<VisitHousehold[]> {
  requirePermission(actor, 'registry:read');
  const text = q?.trim();
  const match = text
    ? sql<boolean>`(exists (select 1 from persons q where q.household_id = h.id and ${personMatches('q', text)})
        or h.address like ${`%${escapeLike(text)}%`})`
    : null;
  return searchHouseholdsForVisit(db, actor.scope, match, 30);
}

/**
 * Adds a photo to a visit already saved (the phone sends them one by one after the visit).
 * The visit is checked before the upload is read, and a refused photo leaves the visit as it was.
 */
export async function addVisitPhoto(db: Kysely<any>, actor: Actor, visitId: number, read: () => Promise<{ fileName: string; buffer: Buffer }>, limitBytes: number): Promise<VisitPhoto> {
  requirePermission(actor, 'visit:write');
  const visit = await visibleVisit(db, actor, visitId);
  const upload = await read();
  return db.transaction().execute(async (trx) => {
    // Counted inside the transaction, under a lock on the visit, so two uploads at once cannot both be the ninth.
    await sql`select id from visits where id = ${visitId} for update`.execute(trx);
    if ((await listAttachments(trx, 'visit', [visitId])).length >= VISIT_LIMITS.photos) {
      throw validationError([{ field: 'file', message: `每次走访最多 ${VISIT_LIMITS.photos} 张照片` }]);
    }
    const stored = await storeAttachment(trx, actor, { entityType: 'visit', entityId: visitId, householdId: visit.householdId }, upload, limitBytes);
    return presentAttachment(stored);
  });
}

export async function sendVisitPhoto(db: Kysely<any>, actor: Actor, visitId: number, photoId: number, reply: FastifyReply): Promise<FastifyReply> {
  requirePermission(actor, 'registry:read');
  await visibleVisit(db, actor, visitId);
  return sendAttachment(db, actor, { entityType: 'visit', entityId: visitId }, photoId, reply);
}
