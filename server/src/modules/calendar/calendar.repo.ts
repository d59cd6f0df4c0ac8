/** The administrator's corrections to the official working calendar. */
import { sql, type Kysely } from 'kysely';

export interface CalendarOverride {
  day: string;
  workday: boolean;
  name: string;
  updatedByName: string;
  updatedAt: string;
}

const COLUMNS = sql`day, workday, name, updated_by_name as "updatedByName", updated_at as "updatedAt"`;

export async function listOverrides(db: Kysely<any>, year?: number): Promise<CalendarOverride[]> {
  const where = year ? sql`where day >= ${`${year}-01-01`}::date and day <= ${`${year}-12-31`}::date` : sql``;
  const { rows } = await sql<CalendarOverride>`select ${COLUMNS} from calendar_overrides ${where} order by day`.execute(db);
  return rows;
}

export async function findOverride(db: Kysely<any>, day: string): Promise<CalendarOverride | null> {
  const { rows } = await sql<CalendarOverride>`select ${COLUMNS} from calendar_overrides where day = ${day}::date`.execute(db);
  return rows[0] ?? null;
}

export async function saveOverride(db: Kysely<any>, day: string, workday: boolean, name: string, actor: { id: number | null; name: string }): Promise<void> {
  await sql`insert into calendar_overrides (day, workday, name, updated_by, updated_by_name) values (${day}::date, ${workday}, ${name}, ${actor.id}, ${actor.name})
    on conflict (day) do update set workday = excluded.workday, name = excluded.name, updated_by = excluded.updated_by,
      updated_by_name = excluded.updated_by_name, updated_at = now()`.execute(db);
}

export async function deleteOverride(db: Kysely<any>, day: string): Promise<void> {
  await sql`delete from calendar_overrides where day = ${day}::date`.execute(db);
}
