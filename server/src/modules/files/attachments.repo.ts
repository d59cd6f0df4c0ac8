/** Data access for attachments. Callers check access to the record the file belongs to first. */
import { sql, type Kysely } from 'kysely';

export type AttachmentEntity = 'measure' | 'visit' | 'appeal';

export interface AttachmentInfo {
  id: number;
  /** null for an appeal's files: an appeal is about a place, not a household. */
  householdId: number | null;
  entityType: AttachmentEntity;
  entityId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedByName: string;
  uploadedAt: string;
}

const COLUMNS = sql`id, household_id as "householdId", entity_type as "entityType", entity_id as "entityId", file_name as "fileName",
  content_type as "contentType", size_bytes as "sizeBytes", uploaded_by_name as "uploadedByName", uploaded_at as "uploadedAt"`;

export async function insertAttachment(
  db: Kysely<any>,
  row: { householdId: number | null; entityType: AttachmentEntity; entityId: number; fileName: string; contentType: string; content: Buffer; sha256: string },
  actor: { id: number | null; name: string },
): Promise<AttachmentInfo> {
  const { rows } = await sql<AttachmentInfo>`insert into attachments (household_id, entity_type, entity_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_by_name)
    values (${row.householdId}, ${row.entityType}, ${row.entityId}, ${row.fileName}, ${row.contentType}, ${row.content.length}, ${row.sha256}, ${row.content},
      ${actor.id}, ${actor.name})
    returning ${COLUMNS}`.execute(db);
  return rows[0]!;
}

export async function listAttachments(db: Kysely<any>, entityType: AttachmentEntity, entityIds: number[]): Promise<AttachmentInfo[]> {
  if (entityIds.length === 0) return [];
  const { rows } = await sql<AttachmentInfo>`select ${COLUMNS} from attachments
    where entity_type = ${entityType} and entity_id = any(${entityIds}::bigint[]) order by id`.execute(db);
  return rows;
}

export async function findAttachment(db: Kysely<any>, id: number): Promise<AttachmentInfo | null> {
  const { rows } = await sql<AttachmentInfo>`select ${COLUMNS} from attachments where id = ${id}`.execute(db);
  return rows[0] ?? null;
}

export async function attachmentContent(db: Kysely<any>, id: number): Promise<Buffer> {
  const { rows } = await sql<{ content: Uint8Array }>`select content from attachments where id = ${id}`.execute(db);
  return Buffer.from(rows[0]!.content);
}
