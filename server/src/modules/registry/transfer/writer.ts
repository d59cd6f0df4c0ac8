/**
 * Writes the valid staged rows in a few set-based statements (the caller's transaction
 * makes them all-or-nothing): new persons inserted, existing ones updated (mode update),
 * and for household files the new households created with their heads and members.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { ImportKind } from './columns.js';
import type { ImportMode } from './checks.js';

/** Updates are counted by the caller from the checks: a row already as in the file still counts as updated. */
export interface WriteCounts {
  inserted: number;
  householdsCreated: number;
}

const affected = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n);

export async function writeStaged(trx: Kysely<any>, actor: Actor, kind: ImportKind, mode: ImportMode, orgId: number): Promise<WriteCounts> {
  return kind === 'persons' ? writePersons(trx, actor, mode, orgId) : writeHouseholds(trx, actor, mode, orgId);
}

const updateFields = sql`name = s.name, name_pinyin = s.name_pinyin, name_initials = s.name_initials, sex = s.sex,
  birth_date = s.birth_date, phone = coalesce(s.phone, p.phone), address = coalesce(s.address, p.address),
  region_code = s.region_code, updated_at = now()`;
/** Rows whose values are already those of the file are not rewritten (a re-import stays cheap). */
const fieldsDiffer = sql`(p.name, p.sex, p.birth_date, p.phone, p.address, p.region_code)
  is distinct from (s.name, s.sex, s.birth_date, coalesce(s.phone, p.phone), coalesce(s.address, p.address), s.region_code)`;

async function writePersons(trx: Kysely<any>, actor: Actor, mode: ImportMode, orgId: number): Promise<WriteCounts> {
  if (mode === 'update') {
    await sql`update persons p set ${updateFields}
      from import_stage s where s.valid and s.action = 'update' and p.id = s.existing_id and ${fieldsDiffer}`.execute(trx);
  }
  // A person registered meanwhile by someone else is left alone (on conflict), never duplicated.
  const inserted = affected(await sql`insert into persons (id_number, name, name_pinyin, name_initials, sex, birth_date, phone,
      address, region_code, org_id, created_by)
    select s.id_number, s.name, s.name_pinyin, s.name_initials, s.sex, s.birth_date, s.phone, s.address, s.region_code,
      ${orgId}::bigint, ${actor.id}::bigint
    from import_stage s where s.valid and s.action = 'insert' order by s.row_no
    on conflict (id_number) do nothing`.execute(trx));
  return { inserted, householdsCreated: 0 };
}

async function writeHouseholds(trx: Kysely<any>, actor: Actor, mode: ImportMode, orgId: number): Promise<WriteCounts> {
  // New households get their ids first, so members can be inserted straight into them.
  await sql`update import_groups set new_id = nextval(pg_get_serial_sequence('households', 'id'))
    where valid and target_id is null`.execute(trx);
  const householdsCreated = affected(await sql`insert into households (id, address, region_code, org_id, created_by)
    select g.new_id, coalesce(h.household_address, h.address), h.region_code, ${orgId}::bigint, ${actor.id}::bigint
    from import_groups g join import_stage h on h.row_no = g.head_row where g.new_id is not null order by g.head_row`.execute(trx));

  if (mode === 'update') {
    await sql`update households x set address = coalesce(h.household_address, x.address), region_code = h.region_code, updated_at = now()
      from import_groups g join import_stage h on h.row_no = g.head_row
      where g.valid and g.target_id = x.id
        and (x.address, x.region_code) is distinct from (coalesce(h.household_address, x.address), h.region_code)`.execute(trx);
    await sql`update persons p set ${updateFields}
      from import_stage s where s.valid and s.action = 'update' and p.id = s.existing_id and ${fieldsDiffer}`.execute(trx);
  }
  // Membership: existing persons join (or stay in) the household with the file's relationship.
  await sql`update persons p set household_id = coalesce(g.new_id, g.target_id), relationship = s.relationship, updated_at = now()
    from import_stage s join import_groups g on g.household_key = s.household_key
    where s.valid and s.action = 'update' and p.id = s.existing_id
      and (p.household_id, p.relationship) is distinct from (coalesce(g.new_id, g.target_id), s.relationship)`.execute(trx);

  const inserted = affected(await sql`insert into persons (id_number, name, name_pinyin, name_initials, sex, birth_date, phone,
      address, region_code, org_id, household_id, relationship, created_by)
    select s.id_number, s.name, s.name_pinyin, s.name_initials, s.sex, s.birth_date, s.phone, s.address, s.region_code,
      coalesce(x.org_id, ${orgId}::bigint), coalesce(g.new_id, g.target_id), s.relationship, ${actor.id}::bigint
    from import_stage s join import_groups g on g.household_key = s.household_key
    left join households x on x.id = g.target_id
    where s.valid and s.action = 'insert' order by s.row_no
    on conflict (id_number) do nothing`.execute(trx));

  await sql`update households x set head_person_id = p.id
    from import_groups g join import_stage h on h.row_no = g.head_row join persons p on p.id_number = h.id_number
    where x.id = g.new_id`.execute(trx);
  return { inserted, householdsCreated };
}
