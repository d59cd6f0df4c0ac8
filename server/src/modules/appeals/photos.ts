/**
 * Photos and documents of an appeal: what the caller sent by message, what the grid worker
 * took on the spot, what the unit shows as done. Whoever may take appeals in or handles this one
 * may add them while it is open; whoever may read the appeal may see them; every download is
 * audited by the files module.
 */
import type { FastifyReply } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { AttachmentView } from '../../contracts/files.js';
import { can, requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { listAttachments } from '../files/attachments.repo.js';
import { presentAttachment, sendAttachment, storeAttachment } from '../files/attachments.service.js';
import { findAppeal } from './appeals.repo.js';

export const APPEAL_FILE_LIMIT = 9;

export async function addAppealFile(db: Kysely<any>, actor: Actor, appealId: number, read: () => Promise<{ fileName: string; buffer: Buffer }>, limitBytes: number): Promise<AttachmentView> {
  requirePermission(actor, 'appeal:read');
  const appeal = await findAppeal(db, actor, appealId);
  if (!appeal) throw notFound();
  if (!can(actor, 'appeal:intake') && !appeal.handles) throw forbidden();
  if (appeal.status === 'closed' || appeal.status === 'merged') throw invalidField('file', '诉求已办结或已并案，不能再添加附件', 'the appeal is finished');
  const upload = await read();
  return inTransaction(db, async (trx) => {
    // Counted under a lock on the appeal, so two uploads at once cannot both be the tenth.
    await sql`select id from appeals where id = ${appealId} for update`.execute(trx);
    if ((await listAttachments(trx, 'appeal', [appealId])).length >= APPEAL_FILE_LIMIT) {
      throw invalidField('file', `每件诉求最多 ${APPEAL_FILE_LIMIT} 个附件`, 'too many files');
    }
    return presentAttachment(await storeAttachment(trx, actor, { entityType: 'appeal', entityId: appealId, householdId: null }, upload, limitBytes));
  });
}

export async function appealFiles(db: Kysely<any>, actor: Actor, appealId: number): Promise<AttachmentView[]> {
  requirePermission(actor, 'appeal:read');
  if (!(await findAppeal(db, actor, appealId))) throw notFound();
  return (await listAttachments(db, 'appeal', [appealId])).map(presentAttachment);
}

export async function sendAppealFile(db: Kysely<any>, actor: Actor, appealId: number, fileId: number, reply: FastifyReply): Promise<FastifyReply> {
  requirePermission(actor, 'appeal:read');
  if (!(await findAppeal(db, actor, appealId))) throw notFound();
  return sendAttachment(db, actor, { entityType: 'appeal', entityId: appealId }, fileId, reply);
}
