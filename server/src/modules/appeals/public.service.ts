/**
 * The citizen's side of appeals, without signing in: send one from the public form, follow it
 * by its number and the phone it was given with, and read the public digest of answers.
 *
 * The form always sends an Idempotency-Key (the browser makes one per appeal and keeps it with
 * the draft), so a submission retried after a lost answer returns the appeal already stored.
 * A wrong number and a wrong phone get the same answer: the lookup tells nobody whether a
 * number exists.
 */
import { sql, type Kysely } from 'kysely';
import type { AppealInput } from '../../contracts/appeals.js';
import type { AttachmentView } from '../../contracts/files.js';
import type { AppealReceipt, DigestEntry, PublicAppealStatus, PublicCategory } from '../../contracts/appeals-public.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { AppError, invalidField, type FieldProblem } from '../../kernel/errors.js';
import { listAttachments } from '../files/attachments.repo.js';
import { presentAttachment, storeAttachment } from '../files/attachments.service.js';
import { validationError } from '../registry/persons.service.js';
import { outsideIntakeActor, takeInFromOutside } from './appeals.service.js';
import { listCategories } from './catalogue.repo.js';
import { findByNumber, listDigest, publicSteps, recentWebAppealByKey } from './public.repo.js';

/** Shown as who took the appeal in. */
export const WEB_SUBMITTER = '市民（网上诉求）';

const digitsOf = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '');

export async function submitPublicAppeal(db: Kysely<any>, input: AppealInput, ip: string | null, idempotencyKey: string | null): Promise<AppealReceipt & { created: boolean }> {
  const problems: FieldProblem[] = [];
  // The phone is how the citizen follows the appeal and how the satisfaction call reaches them.
  if (!input.contactPhone?.trim()) problems.push({ field: 'contactPhone', message: '请留下联系电话，用于查询进度和回访' });
  if (!idempotencyKey) problems.push({ field: 'Idempotency-Key', message: '缺少 Idempotency-Key 请求头' });
  if (problems.length) throw validationError(problems);
  const receipt = await takeInFromOutside(db, outsideIntakeActor(WEB_SUBMITTER, ip), input, 'web', idempotencyKey);
  return { number: receipt.number, status: receipt.status, responsibleOrgName: receipt.responsibleOrgName, dueAt: receipt.dueAt, createdAt: receipt.createdAt, created: receipt.created };
}

export async function lookUpAppeal(db: Kysely<any>, number: string, phone: string): Promise<PublicAppealStatus> {
  const row = await findByNumber(db, number.trim());
  const given = digitsOf(phone);
  if (!row || given.length < 7 || digitsOf(row.contactPhone) !== given) {
    throw new AppError('not_found', { zh: '请核对诉求编号和留下的联系电话', en: 'check the number and the phone you gave' });
  }
  const { id, contactPhone: _phone, ...appeal } = row;
  return { ...appeal, steps: await publicSteps(db, id) };
}

export function publicDigest(db: Kysely<any>, filter: { categoryCode?: string }, page: { page: number; pageSize: number }): Promise<{ items: DigestEntry[]; total: number }> {
  return listDigest(db, filter, page);
}

export async function publicCategories(db: Kysely<any>): Promise<PublicCategory[]> {
  return (await listCategories(db, true)).map(({ code, name, description }) => ({ code, name, description }));
}

/** Photos a citizen may add, and for how long after sending: the photos follow the text at once. */
export const PUBLIC_PHOTOS = { max: 3, withinMinutes: 60 } as const;

/**
 * A photo for the appeal this browser just sent. The Idempotency-Key the browser made for the
 * appeal is the proof it is theirs: nobody else has seen it.
 */
export async function addPublicAppealPhoto(db: Kysely<any>, idempotencyKey: string | null, ip: string | null, read: () => Promise<{ fileName: string; buffer: Buffer }>, limitBytes: number): Promise<AttachmentView> {
  const appeal = idempotencyKey ? await recentWebAppealByKey(db, idempotencyKey, PUBLIC_PHOTOS.withinMinutes) : null;
  if (!appeal) throw new AppError('not_found', { zh: '找不到刚提交的诉求，照片须在提交后一小时内上传', en: 'no appeal sent with this key in the last hour' });
  const upload = await read();
  return inTransaction(db, async (trx) => {
    await sql`select id from appeals where id = ${appeal.id} for update`.execute(trx);
    if ((await listAttachments(trx, 'appeal', [appeal.id])).length >= PUBLIC_PHOTOS.max) {
      throw invalidField('file', `网上诉求最多上传 ${PUBLIC_PHOTOS.max} 张照片`, 'too many photos');
    }
    const stored = await storeAttachment(trx, outsideIntakeActor(WEB_SUBMITTER, ip), { entityType: 'appeal', entityId: appeal.id, householdId: null }, upload, limitBytes);
    return presentAttachment(stored);
  });
}
