/**
 * Matching a staged roll against the registry and writing the run's lists, all set-based:
 * one UPDATE … FROM persons joins every row to its person by ID number (within the runner's
 * data scope), then one INSERT … SELECT per list. No per-row query, so a 200,000-row roll
 * costs a handful of statements whatever the registry's size.
 *
 *  - unmatched: the ID number is not in the registry (or not in the runner's scope);
 *  - conflict:  the ID number is, under another name (nothing else is proposed for the row);
 *  - to_add / to_change / to_stop: per kind of roll (facts here, enrollments in match-enrollments.ts).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ComparisonCounts } from '../../contracts/comparisons.js';
import { ASSISTANCE_STATUSES, DISABILITY_CATEGORY_LABELS, DISABILITY_GRADE_LABELS } from '../../contracts/registry.js';
import { CURRENT_FACT, householdScope } from '../registry/households.repo.js';
import { personScope } from '../registry/persons.repo.js';
import { covered, GOOD, ITEM_COLUMNS, ymd, type MatchContext } from './match-common.js';
import { deathItems, duplicateEnrollmentItems } from './match-enrollments.js';

const STATUS_LABELS = sql`(select * from unnest(${Object.keys(ASSISTANCE_STATUSES)}::text[], ${Object.values(ASSISTANCE_STATUSES)}::text[])) as`;

export async function matchAndList(ctx: MatchContext): Promise<void> {
  const { trx, actor, runId } = ctx;
  await sql`update cmp_stage s set person_id = p.id, registry_name = p.name, household_id = p.household_id,
      region_code = coalesce(h.region_code, p.region_code),
      name_ok = (s.name_key = regexp_replace(p.name, '\\s+', '', 'g'))
    from persons p left join households h on h.id = p.household_id
    where p.id_number = s.id_number and ${personScope(actor.scope, 'p')}`.execute(trx);
  await sql`create index cmp_stage_person_idx on cmp_stage (person_id);
    create index cmp_stage_household_idx on cmp_stage (household_id);
    analyze cmp_stage;`.execute(trx);

  await sql`insert into comparison_items (${ITEM_COLUMNS})
    select ${runId}::bigint, 'unmatched', s.row_no, null, s.id_number, s.name, null, null, null, null,
      '本系统中没有此身份证号，或此人不在您的数据范围内', null
    from cmp_stage s where s.person_id is null`.execute(trx);
  await sql`insert into comparison_items (${ITEM_COLUMNS})
    select ${runId}::bigint, 'conflict', s.row_no, null, s.id_number, s.name, s.registry_name, s.person_id, s.household_id, s.region_code,
      '姓名不一致：名册为「' || s.name || '」，本系统为「' || s.registry_name || '」，请核实身份证号和姓名', null
    from cmp_stage s where s.person_id is not null and not s.name_ok`.execute(trx);

  switch (ctx.kind) {
    case 'dibao':
      return dibaoItems(ctx);
    case 'disability':
      return disabilityItems(ctx);
    case 'death':
      return deathItems(ctx);
    case 'enrollment':
      return duplicateEnrollmentItems(ctx);
  }
}

/**
 * 低保/特困/低保边缘 is a household's fact: the roll lists persons, so a household is in the
 * roll when any of its members is, with the status of its first row. Members listed with
 * another status are conflicts; a registered household in 低保 that no member of the roll
 * belongs to is to stop.
 */
async function dibaoItems(ctx: MatchContext): Promise<void> {
  const { trx, runId, today } = ctx;
  await sql`insert into comparison_items (${ITEM_COLUMNS})
    select ${runId}::bigint, 'conflict', s.row_no, null, s.id_number, s.name, s.registry_name, s.person_id, null, s.region_code,
      '此人在本系统中未加入任何家庭，无法记录家庭的救助身份，请先核实其家庭', null
    from cmp_stage s where ${GOOD} and s.household_id is null`.execute(trx);
  await sql`create temp table cmp_households on commit drop as
    select distinct on (s.household_id) s.* from cmp_stage s where ${GOOD} and s.household_id is not null order by s.household_id, s.row_no`.execute(trx);
  await sql`insert into comparison_items (${ITEM_COLUMNS})
    select ${runId}::bigint, 'conflict', s.row_no, null, s.id_number, s.name, s.registry_name, s.person_id, s.household_id, s.region_code,
      '同户成员在名册中的救助类型不一致：第 ' || f.row_no || ' 行为' || lf.zh || '，本行为' || ls.zh, null
    from cmp_stage s join cmp_households f on f.household_id = s.household_id
      join ${STATUS_LABELS} ls(code, zh) on ls.code = s.status join ${STATUS_LABELS} lf(code, zh) on lf.code = f.status
    where ${GOOD} and s.status <> f.status`.execute(trx);

  const from = sql`coalesce(h.dated, ${today}::date)`;
  await sql`with cur as (
      select distinct on (f.household_id) f.household_id, f.id, f.value->>'status' as status, f.valid_from
      from facts f where f.kind = 'assistance_status' and f.household_id in (select household_id from cmp_households) and ${CURRENT_FACT}
      order by f.household_id, f.valid_from desc, f.id desc)
    insert into comparison_items (${ITEM_COLUMNS})
    select ${runId}::bigint, case when cur.id is null then 'to_add' else 'to_change' end, h.row_no, cur.id, h.id_number, h.name, h.registry_name,
      h.person_id, h.household_id, h.region_code,
      case when cur.id is null then '名册中此户为' || l.zh || '（' || h.name || '），本系统未记录救助身份'
        else '名册中此户为' || l.zh || '，本系统记录为' || coalesce(lc.zh, cur.status) || '（自 ' || ${ymd(sql`cur.valid_from`)} || ' 起）' end,
      jsonb_build_object('action', 'record_fact', 'factKind', 'assistance_status', 'subject', 'household', 'label', l.zh,
        'value', jsonb_build_object('status', h.status),
        'validFrom', ${ymd(sql`case when cur.id is null or ${from} > cur.valid_from then ${from} else ${today}::date end`)})
    from cmp_households h join ${STATUS_LABELS} l(code, zh) on l.code = h.status
      left join cur on cur.household_id = h.household_id left join ${STATUS_LABELS} lc(code, zh) on lc.code = cur.status
    where cur.id is null or cur.status is distinct from h.status`.execute(trx);

  await sql`insert into comparison_items (${ITEM_COLUMNS})
    select ${runId}::bigint, 'to_stop', null, f.id, hp.id_number, hp.name, hp.name, hp.id, h.id, h.region_code,
      '本系统记录为' || coalesce(l.zh, f.value->>'status') || '（自 ' || ${ymd(sql`f.valid_from`)} || ' 起），名册中已无此户',
      jsonb_build_object('action', 'end_fact', 'factId', f.id, 'factKind', 'assistance_status', 'endOn', ${today}::text,
        'label', coalesce(l.zh, f.value->>'status'))
    from facts f join households h on h.id = f.household_id left join persons hp on hp.id = h.head_person_id
      left join ${STATUS_LABELS} l(code, zh) on l.code = f.value->>'status'
    where f.kind = 'assistance_status' and ${CURRENT_FACT} and ${householdScope(ctx.actor.scope, 'h')} and ${covered(ctx, sql`h.region_code`)}
      and not exists (select 1 from cmp_stage s where s.household_id = f.household_id)`.execute(trx);
}

/** 残疾 is a person's fact, compared on category, grade and certificate number; the federation's roll is the authority. */
async function disabilityItems(ctx: MatchContext): Promise<void> {
  const { trx, runId, today } = ctx;
  const describe = (v: RawBuilder<unknown>) =>
    sql`coalesce((${Object.values(DISABILITY_CATEGORY_LABELS)}::text[])[(${v}->>'category')::int], '')
      || coalesce((${Object.values(DISABILITY_GRADE_LABELS)}::text[])[(${v}->>'grade')::int], '') || '残疾'`;
  const rollValue = sql`jsonb_build_object('category', s.category, 'grade', s.grade, 'certificateNo', s.certificate_no)`;
  const from = sql`coalesce(s.dated, ${today}::date)`;
  await sql`with cur as (
      select distinct on (f.person_id) f.person_id, f.id, f.value, f.valid_from
      from facts f where f.kind = 'disability' and f.person_id in (select person_id from cmp_stage s where ${GOOD}) and ${CURRENT_FACT}
      order by f.person_id, f.valid_from desc, f.id desc)
    insert into comparison_items (${ITEM_COLUMNS})
    select ${runId}::bigint, case when cur.id is null then 'to_add' else 'to_change' end, s.row_no, cur.id, s.id_number, s.name, s.registry_name,
      s.person_id, s.household_id, s.region_code,
      case when cur.id is null then '残联持证名册：' || ${describe(rollValue)} || '，本系统未记录残疾信息'
        else '残联持证名册为' || ${describe(rollValue)} || '（证号 ' || s.certificate_no || '），本系统记录为' || ${describe(sql`cur.value`)}
          || '（证号 ' || coalesce(nullif(cur.value->>'certificateNo', ''), '未填') || '）' end,
      jsonb_build_object('action', 'record_fact', 'factKind', 'disability', 'subject', 'person', 'label', ${describe(rollValue)},
        'value', ${rollValue},
        'validFrom', ${ymd(sql`case when cur.id is null or ${from} > cur.valid_from then ${from} else ${today}::date end`)})
    from cmp_stage s left join cur on cur.person_id = s.person_id
    where ${GOOD} and (cur.id is null or cur.value->>'category' is distinct from s.category::text
      or cur.value->>'grade' is distinct from s.grade::text or coalesce(cur.value->>'certificateNo', '') <> s.certificate_no)`.execute(trx);

  await sql`insert into comparison_items (${ITEM_COLUMNS})
    select ${runId}::bigint, 'to_stop', null, f.id, p.id_number, p.name, p.name, p.id, p.household_id, coalesce(h.region_code, p.region_code),
      '本系统记录为' || ${describe(sql`f.value`)} || '（自 ' || ${ymd(sql`f.valid_from`)} || ' 起），残联持证名册中已无此人（证件可能已注销或过期）',
      jsonb_build_object('action', 'end_fact', 'factId', f.id, 'factKind', 'disability', 'endOn', ${today}::text, 'label', ${describe(sql`f.value`)})
    from facts f join persons p on p.id = f.person_id left join households h on h.id = p.household_id
    where f.kind = 'disability' and ${CURRENT_FACT} and ${personScope(ctx.actor.scope, 'p')}
      and ${covered(ctx, sql`coalesce(h.region_code, p.region_code)`)}
      and not exists (select 1 from cmp_stage s where s.person_id = f.person_id)`.execute(trx);
}

export async function countRun(trx: Kysely<any>, runId: number): Promise<ComparisonCounts> {
  const staged = await sql<{ rows: number; matched: number }>`select count(*)::int as rows, count(person_id)::int as matched from cmp_stage`.execute(trx);
  const { rows } = await sql<{ kind: string; n: number }>`select kind, count(*)::int as n from comparison_items where run_id = ${runId} group by kind`.execute(trx);
  const n = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
  return { ...staged.rows[0], toAdd: n('to_add'), toChange: n('to_change'), toStop: n('to_stop'), unmatched: n('unmatched'), conflict: n('conflict') };
}
