/**
 * Appeals (12345 诉求): intake and dispatch. An appeal is stored before success is returned, and
 * a retried submission with the same Idempotency-Key returns the first one. When the dispatch
 * catalogue knows who handles its category where it happened, it is dispatched at once and its
 * clock starts; otherwise it waits for a dispatcher.
 */
import type { Kysely } from 'kysely';
import { APPEAL_CHANNELS, type AppealChannel, type AppealDetail, type AppealEvent, type AppealInput, type AppealStatus } from '../../contracts/appeals.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { EMPTY_SCOPE, FULL_SCOPE } from '../../kernel/auth/scope.js';
import { notFound, type FieldProblem } from '../../kernel/errors.js';
import { maskName, maskPhone } from '../../kernel/privacy/mask.js';
import { workingCalendar } from '../calendar/calendar.service.js';
import { dueAt } from '../calendar/time-limits.js';
import { validationError } from '../registry/persons.service.js';
import { findAppeal, findByIdempotencyKey, insertAppeal, possibleDuplicates, type Viewer, listAppealEvents, listAppeals, LIST_COUNT_CAP, type AppealFilter, type AppealRow, type IntakeDispatch } from './appeals.repo.js';
import { intakeLookup, type IntakeLookup } from './catalogue.repo.js';

export const APPEAL_LIMITS = { description: 4000, address: 200, contactName: 50 } as const;

/** The contact is the handling unit's business only; everyone else sees it masked. */
export function presentAppeal<T extends AppealRow>(row: T): T {
  return row.handles ? row : { ...row, contactName: maskName(row.contactName), contactPhone: maskPhone(row.contactPhone) };
}

function problemsOf(input: AppealInput, known: IntakeLookup): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!known.categoryActive) problems.push({ field: 'categoryCode', message: `未知或已停用的诉求类别“${input.categoryCode}”` });
  if (!input.description.trim()) problems.push({ field: 'description', message: '请填写诉求内容' });
  else if (input.description.length > APPEAL_LIMITS.description) problems.push({ field: 'description', message: `诉求内容最多 ${APPEAL_LIMITS.description} 字` });
  if ((input.address?.length ?? 0) > APPEAL_LIMITS.address) problems.push({ field: 'address', message: `地址最多 ${APPEAL_LIMITS.address} 字` });
  if (!known.regionKnown) problems.push({ field: 'regionCode', message: `区划代码 ${input.regionCode} 不存在` });
  const lat = input.lat ?? null;
  const lng = input.lng ?? null;
  if ((lat === null) !== (lng === null)) problems.push({ field: 'lat', message: '经纬度须同时填写' });
  if (lat !== null && (!Number.isFinite(lat) || lat < -90 || lat > 90)) problems.push({ field: 'lat', message: '纬度应在 -90 到 90 之间' });
  if (lng !== null && (!Number.isFinite(lng) || lng < -180 || lng > 180)) problems.push({ field: 'lng', message: '经度应在 -180 到 180 之间' });
  if (input.contactPhone && !/^\+?[\d\s-]{7,20}$/.test(input.contactPhone)) problems.push({ field: 'contactPhone', message: '联系电话格式不正确' });
  if ((input.contactName?.length ?? 0) > APPEAL_LIMITS.contactName) problems.push({ field: 'contactName', message: `姓名最多 ${APPEAL_LIMITS.contactName} 字` });
  return problems;
}

export interface IntakeResult {
  appeal: AppealDetail;
  /** false when the Idempotency-Key named an appeal already stored. */
  created: boolean;
}

/** What storing an appeal gave: the appeal as stored, or — for a retry — the id of the one stored the first time. */
type Stored = { created: true; id: number; row: AppealRow; events: AppealEvent[] } | { created: false; id: number };

/** Stores the appeal (dispatched at once when the catalogue knows who handles it) and says whether it is new. */
async function storeAppeal(db: Kysely<any>, actor: Actor, input: AppealInput, channel: AppealChannel, idempotencyKey: string | null): Promise<Stored> {
  requirePermission(actor, 'appeal:intake');
  if (!(channel in APPEAL_CHANNELS)) throw validationError([{ field: 'channel', message: '未知的受理渠道' }]);
  if (idempotencyKey !== null && (idempotencyKey.length < 8 || idempotencyKey.length > 100)) {
    throw validationError([{ field: 'Idempotency-Key', message: 'Idempotency-Key 应为 8 到 100 个字符' }]);
  }
  const clean: AppealInput = {
    ...input, description: input.description.trim(), address: input.address?.trim() || null,
    contactName: input.contactName?.trim() || null, contactPhone: input.contactPhone?.trim() || null,
  };
  // One round trip checks the category and the region and finds the catalogue's rule.
  const known = await intakeLookup(db, clean.categoryCode, clean.regionCode);
  const problems = problemsOf(clean, known);
  if (problems.length) throw validationError(problems);
  const now = new Date();
  const rule = known.rule;
  let dispatch: IntakeDispatch | null = null;
  if (rule) {
    const limit = { amount: rule.limitAmount, unit: rule.limitUnit };
    dispatch = { orgId: rule.orgId, limit, dueAt: dueAt(now, limit, await workingCalendar(db)), note: '按派单目录自动派单' };
  }
  // The appeal, its events and its audit entry are one statement: stored whole or not at all.
  const stored = await insertAppeal(db, { ...clean, channel, idempotencyKey, at: now, receivedNote: APPEAL_CHANNELS[channel], dispatch }, actor);
  if (stored) return { created: true, id: stored.row.id, ...stored };
  return { created: false, id: (await findByIdempotencyKey(db, idempotencyKey!))! };
}

export async function takeIn(db: Kysely<any>, actor: Actor, input: AppealInput, channel: AppealChannel, idempotencyKey: string | null): Promise<IntakeResult> {
  const stored = await storeAppeal(db, actor, input, channel, idempotencyKey);
  // Whoever took it in sees what they stored, even when it went to a unit outside their scope.
  const taker = { ...actor, scope: { ...actor.scope, ownerUserId: actor.id } };
  if (!stored.created) return { appeal: await appealDetail(db, taker, stored.id), created: false };
  const duplicates = await possibleDuplicates(db, taker.scope, stored.row);
  return { appeal: { ...presentAppeal(stored.row), events: stored.events, duplicates }, created: true };
}

/** Who takes an appeal in from outside (a citizen on the public form, an Open311 client): intake and nothing else. */
export function outsideIntakeActor(name: string, ip: string | null): Actor {
  return { id: null, name, orgId: null, permissions: new Set(['appeal:intake']), scope: EMPTY_SCOPE, ip };
}

/** What an outside submitter gets back: enough to look the appeal up again, nothing of anyone else's. */
export interface OutsideReceipt {
  id: number;
  number: string;
  status: AppealStatus;
  responsibleOrgName: string | null;
  dueAt: string | null;
  createdAt: string;
  created: boolean;
}

export async function takeInFromOutside(db: Kysely<any>, actor: Actor, input: AppealInput, channel: 'web' | 'open311', idempotencyKey: string | null): Promise<OutsideReceipt> {
  const stored = await storeAppeal(db, actor, input, channel, idempotencyKey);
  const { id, created } = stored;
  const row = stored.created ? stored.row : await findAppeal(db, { scope: FULL_SCOPE, orgId: null }, id);
  if (!row) throw notFound();
  return { id, number: row.number, status: row.status, responsibleOrgName: row.responsibleOrgName, dueAt: row.dueAt, createdAt: row.createdAt, created };
}

async function appealDetail(db: Kysely<any>, viewer: Viewer & { permissions?: ReadonlySet<string> }, id: number): Promise<AppealDetail> {
  // Those who take appeals in and dispatch them decide on duplicates; units just handle theirs.
  const seesDuplicates = viewer.permissions?.has('appeal:dispatch') || viewer.permissions?.has('appeal:intake');
  // The appeal and its events side by side (on a server, two connections), then what may duplicate it; a merged appeal has none.
  const [row, events] = await Promise.all([findAppeal(db, viewer, id), listAppealEvents(db, id)]);
  if (!row) throw notFound();
  const duplicates = seesDuplicates && row.status !== 'merged' ? await possibleDuplicates(db, viewer.scope, row) : [];
  return { ...presentAppeal(row), events, duplicates };
}

/**
 * The appeal as a step left it, for the user who took the step — even when the step sent it out
 * of their scope (a transfer): they saw it a moment ago; the contact is masked unless they still handle it.
 */
export function appealAfterStep(db: Kysely<any>, actor: Actor, id: number): Promise<AppealDetail> {
  return appealDetail(db, { scope: FULL_SCOPE, orgId: actor.orgId, permissions: actor.permissions }, id);
}

export async function getAppeal(db: Kysely<any>, actor: Actor, id: number): Promise<AppealDetail> {
  requirePermission(actor, 'appeal:read');
  return appealDetail(db, actor, id);
}

export async function getAppeals(db: Kysely<any>, actor: Actor, filter: AppealFilter, page: { page: number; pageSize: number }) {
  requirePermission(actor, 'appeal:read');
  const { items, total } = await listAppeals(db, actor, filter, page);
  // A total at the cap means "at least this many" (the list shows 10000+).
  return { items: items.map(presentAppeal), total, totalCapped: total >= LIST_COUNT_CAP };
}
