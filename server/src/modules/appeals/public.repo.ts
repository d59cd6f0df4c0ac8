/** Reads for the public side of appeals: a caller's own appeal by number, and the published digest. */
import { sql, type Kysely } from 'kysely';
import type { DigestEntry, PublicAppealStatus, PublicAppealStep } from '../../contracts/appeals-public.js';

type LookupRow = Omit<PublicAppealStatus, 'steps'> & { id: number; contactPhone: string | null };

export async function findByNumber(db: Kysely<any>, number: string): Promise<LookupRow | null> {
  const { rows } = await sql<LookupRow>`select a.id, a.number, a.status, o.name as "responsibleOrgName", a.due_at as "dueAt", a.created_at as "createdAt",
      c.name as "categoryName", a.description, a.address, r.name as "regionName", -- A drafted reply is not an answer until it is approved.
      case when a.status in ('replied', 'closed') then a.reply_text end as "replyText",
      case when a.status in ('replied', 'closed') then a.replied_at end as "repliedAt",
      a.satisfaction, a.closed_at as "closedAt", a.contact_phone as "contactPhone"
    from appeals a join appeal_categories c on c.code = a.category_code left join regions r on r.code = a.region_code
      left join organisations o on o.id = a.responsible_org_id
    where a.number = ${number}`.execute(db);
  return rows[0] ?? null;
}

/** The steps as the caller may see them: what happened, when, and which unit — no notes, no staff names. */
export async function publicSteps(db: Kysely<any>, appealId: number): Promise<PublicAppealStep[]> {
  const { rows } = await sql<PublicAppealStep>`select e.kind, o.name as "orgName", e.at from appeal_events e
    left join organisations o on o.id = e.org_id where e.appeal_id = ${appealId} order by e.id`.execute(db);
  return rows;
}

export async function listDigest(db: Kysely<any>, filter: { categoryCode?: string }, page: { page: number; pageSize: number }): Promise<{ items: DigestEntry[]; total: number }> {
  // A merged duplicate carries its target's answer; the digest tells each matter once.
  const where = sql`a.published and a.status in ('replied', 'closed') and a.merged_into is null
    and a.public_question is not null and a.public_answer is not null
    ${filter.categoryCode ? sql`and a.category_code = ${filter.categoryCode}` : sql``}`;
  const { rows } = await sql<DigestEntry>`select a.number, c.name as "categoryName", r.name as "regionName", a.public_question as question,
      a.public_answer as answer, o.name as "unitName", a.replied_at as "repliedAt"
    from appeals a join appeal_categories c on c.code = a.category_code left join regions r on r.code = a.region_code
      left join organisations o on o.id = a.responsible_org_id
    where ${where} order by a.replied_at desc, a.id desc limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`.execute(db);
  const count = await sql<{ total: number }>`select count(*)::int as total from appeals a where ${where}`.execute(db);
  return { items: rows, total: count.rows[0]!.total };
}

/** The web appeal a browser sent with this key, while its submitter may still add photos to it. */
export async function recentWebAppealByKey(db: Kysely<any>, key: string, withinMinutes: number): Promise<{ id: number; status: string } | null> {
  const { rows } = await sql<{ id: number; status: string }>`select id, status from appeals
    where idempotency_key = ${key} and channel = 'web' and created_at > now() - make_interval(mins => ${withinMinutes})`.execute(db);
  return rows[0] ?? null;
}
