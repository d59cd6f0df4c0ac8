/** Data access for joint meetings: seen by users of the convening or attending units (and above them). */
import { sql, type Kysely } from 'kysely';
import type { Meeting, MeetingDecision, MeetingItem, StuckReason } from '../../contracts/meetings.js';
import { organisationScopeCondition, type DataScope } from '../../kernel/auth/scope.js';

const meetingScope = (scope: DataScope) => organisationScopeCondition(scope, sql`(array[mt.convener_org_id] || mt.attendee_org_ids)`);

const COLUMNS = sql`mt.id, mt.title, mt.held_on as "heldOn", mt.convener_org_id as "convenerOrgId", co.name as "convenerOrgName",
  mt.attendee_org_ids::int[] as "attendeeOrgIds",
  coalesce((select array_agg(o.name order by o.id) from organisations o where o.id = any(mt.attendee_org_ids)), '{}') as "attendeeOrgNames",
  mt.status, mt.minutes, mt.created_by_name as "createdByName", mt.created_at as "createdAt", mt.closed_at as "closedAt",
  (select count(*)::int from meeting_items i where i.meeting_id = mt.id) as "itemCount",
  (select count(*)::int from meeting_items i where i.meeting_id = mt.id and i.decision is not null) as "decidedCount"`;

export async function listMeetings(db: Kysely<any>, scope: DataScope): Promise<Meeting[]> {
  const { rows } = await sql<Meeting>`select ${COLUMNS} from meetings mt join organisations co on co.id = mt.convener_org_id
    where ${meetingScope(scope)} order by mt.held_on desc, mt.id desc limit 200`.execute(db);
  return rows;
}

export async function findMeeting(db: Kysely<any>, scope: DataScope, id: number, forUpdate = false): Promise<Meeting | null> {
  const { rows } = await sql<Meeting>`select ${COLUMNS} from meetings mt join organisations co on co.id = mt.convener_org_id
    where mt.id = ${id} and ${meetingScope(scope)} ${forUpdate ? sql`for update of mt` : sql``}`.execute(db);
  return rows[0] ?? null;
}

export async function insertMeeting(
  db: Kysely<any>,
  row: { title: string; heldOn: string; convenerOrgId: number; attendeeOrgIds: number[] },
  actor: { id: number | null; name: string },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into meetings (title, held_on, convener_org_id, attendee_org_ids, created_by, created_by_name)
    values (${row.title}, ${row.heldOn}::date, ${row.convenerOrgId}, ${row.attendeeOrgIds}::bigint[], ${actor.id}, ${actor.name}) returning id`.execute(db);
  return rows[0]!.id;
}

export async function insertItems(db: Kysely<any>, meetingId: number, items: Array<{ measureId: number; householdId: number; reason: StuckReason }>): Promise<void> {
  if (items.length === 0) return;
  await sql`insert into meeting_items (meeting_id, measure_id, household_id, reason)
    select ${meetingId}, x.measure_id, x.household_id, x.reason
    from unnest(${items.map((i) => i.measureId)}::bigint[], ${items.map((i) => i.householdId)}::bigint[], ${items.map((i) => i.reason)}::text[]) as x(measure_id, household_id, reason)`.execute(db);
}

export async function listItems(db: Kysely<any>, meetingId: number): Promise<MeetingItem[]> {
  const { rows } = await sql<MeetingItem>`select i.id, i.measure_id as "measureId", i.household_id as "householdId", i.reason, i.decision,
      i.decision_note as "decisionNote", i.new_measure_id as "newMeasureId", i.decided_at as "decidedAt",
      m.title, hp.name as "headName", ro.name as "responsibleOrgName", m.deadline, m.status, m.referral, m.status_note as "statusNote"
    from meeting_items i join measures m on m.id = i.measure_id join organisations ro on ro.id = m.responsible_org_id
      join households h on h.id = i.household_id left join persons hp on hp.id = h.head_person_id
    where i.meeting_id = ${meetingId} order by ro.name, m.deadline, i.id`.execute(db);
  return rows;
}

interface ItemRow {
  id: number;
  measureId: number;
  householdId: number;
  decision: MeetingDecision | null;
  planId: number;
}

export async function findItem(db: Kysely<any>, meetingId: number, itemId: number): Promise<ItemRow | null> {
  const { rows } = await sql<ItemRow>`
    select i.id, i.measure_id as "measureId", i.household_id as "householdId", i.decision, m.plan_id as "planId" from meeting_items i join measures m on m.id = i.measure_id
    where i.meeting_id = ${meetingId} and i.id = ${itemId} for update of i`.execute(db);
  return rows[0] ?? null;
}

export async function recordDecision(db: Kysely<any>, itemId: number, decision: MeetingDecision, note: string, newMeasureId: number | null): Promise<void> {
  await sql`update meeting_items set decision = ${decision}, decision_note = ${note}, new_measure_id = ${newMeasureId}, decided_at = now() where id = ${itemId}`.execute(db);
}

export async function closeMeetingRow(db: Kysely<any>, id: number, minutes: string): Promise<void> {
  await sql`update meetings set status = 'closed', minutes = ${minutes}, closed_at = now() where id = ${id}`.execute(db);
}
