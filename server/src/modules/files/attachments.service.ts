/**
 * Evidence files and photos, kept in the database with the record they document. The record's
 * module checks that the user may see or change that record; this checks the file itself
 * (size, type by its bytes, name) and audits every upload and download — evidence often shows
 * a diagnosis or a bank slip.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { AttachmentView } from '../../contracts/files.js';
import type { Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { fileTooLarge } from '../../kernel/http/upload.js';
import { ACCEPTED_LABEL, ATTACHMENT_TYPES, cleanFileName, extensionOf, sniffType } from './file-types.js';
import { attachmentContent, findAttachment, insertAttachment, type AttachmentEntity, type AttachmentInfo } from './attachments.repo.js';

/** What a list shows of a stored file. */
export function presentAttachment(a: AttachmentInfo): AttachmentView {
  return { id: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, uploadedByName: a.uploadedByName, uploadedAt: a.uploadedAt };
}

export interface AttachmentOwner {
  entityType: AttachmentEntity;
  entityId: number;
  householdId: number | null;
}

function badType(zh: string, en: string): AppError {
  return new AppError('validation_failed', { zh, en, field: 'file', problems: [{ field: 'file', message: zh }] });
}

/** Checks a file before anything is written: size, content type by its bytes, and a name that agrees. */
export function checkAttachment(fileName: string, buffer: Buffer, limitBytes: number): { fileName: string; contentType: keyof typeof ATTACHMENT_TYPES } {
  if (buffer.length === 0) throw badType('文件是空的', 'The file is empty');
  if (buffer.length > limitBytes) throw fileTooLarge(limitBytes, '请压缩图片或拆分文件后再上传');
  const contentType = sniffType(buffer);
  if (!contentType) throw badType(`不支持此文件类型，只能上传${ACCEPTED_LABEL}`, 'Only JPEG, PNG, WebP images and PDF files are accepted');
  const name = cleanFileName(fileName);
  const extension = extensionOf(name);
  if (!(ATTACHMENT_TYPES[contentType].extensions as readonly string[]).includes(extension)) {
    throw badType(`文件名后缀“.${extension}”与文件内容（${ATTACHMENT_TYPES[contentType].label}）不符`, 'The file name does not match its content');
  }
  return { fileName: name, contentType };
}

/** Stores a checked file; runs inside the caller's transaction so the file and its record's event land together. */
export async function storeAttachment(db: Kysely<any>, actor: Actor, owner: AttachmentOwner, upload: { fileName: string; buffer: Buffer }, limitBytes: number): Promise<AttachmentInfo> {
  const checked = checkAttachment(upload.fileName, upload.buffer, limitBytes);
  const sha256 = createHash('sha256').update(upload.buffer).digest('hex');
  const stored = await insertAttachment(db, { ...owner, ...checked, content: upload.buffer, sha256 }, actor);
  await recordAudit(db, actor, { action: 'attachment.added', entityType: owner.entityType, entityId: owner.entityId,
    detail: { attachmentId: stored.id, fileName: stored.fileName, contentType: stored.contentType, sizeBytes: stored.sizeBytes, sha256 } });
  return stored;
}

/**
 * Sends a file that belongs to the given record (the caller has checked access to the record).
 * Sent as a download in a sandbox so nothing in it can run in the application's origin.
 */
export async function sendAttachment(db: Kysely<any>, actor: Actor, owner: Omit<AttachmentOwner, 'householdId'>, attachmentId: number, reply: FastifyReply): Promise<FastifyReply> {
  const info = await findAttachment(db, attachmentId);
  if (!info || info.entityType !== owner.entityType || Number(info.entityId) !== owner.entityId) throw notFound();
  const content = await attachmentContent(db, attachmentId);
  await recordAudit(db, actor, { action: 'attachment.downloaded', entityType: owner.entityType, entityId: owner.entityId, detail: { attachmentId, fileName: info.fileName } });
  const inline = info.contentType.startsWith('image/');
  return reply
    .header('content-type', info.contentType)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(info.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(content);
}
