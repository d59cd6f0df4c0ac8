/**
 * The lists of the rolls that touch enrollments (享受记录, owned by the benefits module; read
 * here, stopped only through its stopEnrollment when an item is accepted):
 *  - death and cremation records: the person is to be recorded as deceased (to_add) and
 *    every enrollment they still hold stops from the date of death (to_stop, one per enrollment);
 *  - another body's enrollment list: a person it pays who also holds an enrollment here
 *    (of the chosen policy, or any) is a suspected double payment (to_stop, one per enrollment).
 */
import { sql } from 'kysely';
import { yuanSql } from '../../kernel/money.js';
import { GOOD, ITEM_COLUMNS, ymd, type MatchContext } from './match-common.js';

/** Enrollments that are still paid or may be again. */
const OPEN = sql`e.status in ('active', 'suspended')`;

const policyName = sql`coalesce(v.name_zh, po.code)`;
const enrollmentJoins = sql`join policies po on po.id = e.policy_id left join policy_versions v on v.id = e.version_id`;

export async function deathItems(ctx: MatchContext): Promise<void> {
  const { trx, runId } = ctx;
  await sql`insert into comparison_items (${ITEM_COLUMNS})
    select ${runId}::bigint, 'to_add', s.row_no, null, s.id_number, s.name, s.registry_name, s.person_id, s.household_id, s.region_code,
      '死亡/火化记录：' || ${ymd(sql`s.dated`)} || ' 死亡，本系统未记为已故',
      jsonb_build_object('action', 'record_fact', 'factKind', 'deceased', 'subject', 'person', 'label', '已故',
        'value', '{}'::jsonb, 'validFrom', ${ymd(sql`s.dated`)})
    from cmp_stage s
    where ${GOOD} and not exists (select 1 from facts f where f.person_id = s.person_id and f.kind = 'deceased' and f.valid_to is null)`.execute(trx);

  // enrollments carry household_id (their distribution key, indexed): join on it, then on the person.
  await sql`insert into comparison_items (${ITEM_COLUMNS})
    select ${runId}::bigint, 'to_stop', s.row_no, e.id, s.id_number, s.name, s.registry_name, s.person_id, s.household_id, s.region_code,
      '已于 ' || ${ymd(sql`s.dated`)} || ' 死亡，应停发「' || ${policyName} || '」',
      jsonb_build_object('action', 'stop_enrollment', 'enrollmentId', e.id, 'endedOn', ${ymd(sql`s.dated`)}, 'label', ${policyName},
        'reason', '死亡（' || ${ymd(sql`s.dated`)} || '）')
    from cmp_stage s join enrollments e on e.household_id = s.household_id and e.person_id = s.person_id and ${OPEN}
      ${enrollmentJoins}
    where ${GOOD}`.execute(trx);
}

export async function duplicateEnrollmentItems(ctx: MatchContext): Promise<void> {
  const { trx, runId, today } = ctx;
  const policy = ctx.policyId === null ? sql`true` : sql`e.policy_id = ${ctx.policyId}::bigint`;
  await sql`insert into comparison_items (${ITEM_COLUMNS})
    select ${runId}::bigint, 'to_stop', s.row_no, e.id, s.id_number, s.name, s.registry_name, s.person_id, s.household_id, s.region_code,
      '外单位名单：在「' || s.programme || '」享受 ' || ${yuanSql(sql`s.amount_fen`)} || ' 元；本系统同时享受「' || ${policyName} || '」'
        || ${yuanSql(sql`e.amount_fen`)} || ' 元' || case when e.person_id is null then '（按户）' else '' end || '，疑似重复享受，请核实',
      jsonb_build_object('action', 'stop_enrollment', 'enrollmentId', e.id, 'endedOn', ${today}::text, 'label', ${policyName},
        'reason', '与外单位「' || s.programme || '」重复享受')
    from cmp_stage s join enrollments e on e.household_id = s.household_id and (e.person_id = s.person_id or e.person_id is null)
      and ${OPEN} and ${policy}
      ${enrollmentJoins}
    where ${GOOD}`.execute(trx);
}
