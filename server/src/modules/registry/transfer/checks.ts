/**
 * The checks that need the whole file or the registry, run as SQL over the staged rows:
 * duplicate ID numbers within the file, persons already registered (update or skip, and
 * whether the actor may change them), data scope of new records, and for household files
 * the grouping by 户编号 (one head each, existing households, members of other households).
 * Each problem becomes a row of import_stage_errors; a row is valid when it has none.
 */
import type { ImportMode } from '../../../contracts/imports.js';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../../kernel/auth/actor.js';
import { scopeCondition } from '../../../kernel/auth/scope.js';
import { householdScope } from '../households.repo.js';
import { personScope } from '../persons.repo.js';
import type { ImportKind } from './columns.js';

export type { ImportMode } from '../../../contracts/imports.js';

export interface CheckContext {
  trx: Kysely<any>;
  actor: Actor;
  kind: ImportKind;
  mode: ImportMode;
  /** Owning organisation of new records. */
  orgId: number;
  /** Column of a field in the user's file (0-based), null when absent. */
  col: (field: string) => number | null;
}

export async function runChecks(ctx: CheckContext): Promise<void> {
  const { trx, actor, mode } = ctx;
  const idCol = ctx.col('idNumber');

  // Rows start as 'insert'; those already registered become a change ('update') or nothing ('skip').
  // In a household file, an existing person without a household still has to join one.
  const attach = ctx.kind === 'households' ? sql`when p.household_id is null then 'update'` : sql``;
  await sql`update import_stage s set existing_id = p.id, existing_household = p.household_id,
      existing_relationship = p.relationship, existing_in_scope = ${personScope(actor.scope, 'p')},
      action = case when ${mode} = 'update' then 'update' ${attach} else 'skip' end
    from persons p where p.id_number = s.id_number`.execute(trx);

  await sql`with d as (
      select id_number, array_agg(row_no order by row_no) as nos from import_stage
      where id_number is not null group by id_number having count(*) > 1)
    insert into import_stage_errors (row_no, col_index, field, message)
    select s.row_no, ${idCol}::int, 'idNumber',
      '身份证号在本文件中重复（与第 ' || array_to_string((array_remove(d.nos, s.row_no))[1:5], '、') || ' 行'
        || case when cardinality(d.nos) > 6 then '等' else '' end || '相同）'
    from import_stage s join d on d.id_number = s.id_number`.execute(trx);

  if (ctx.kind === 'households') await householdChecks(ctx);

  await sql`insert into import_stage_errors (row_no, col_index, field, message)
    select s.row_no, ${idCol}::int, 'idNumber', '该身份证号已由其他单位登记，无权修改'
    from import_stage s where s.action = 'update' and not s.existing_in_scope
      and not exists (select 1 from import_stage_errors e where e.row_no = s.row_no and e.field = 'idNumber')`.execute(trx);

  if (!actor.scope.all) {
    const inScope = scopeCondition(actor.scope, { org: 't.org_id', region: 't.region_code', createdBy: 't.created_by' });
    await sql`insert into import_stage_errors (row_no, col_index, field, message)
      select t.row_no, ${ctx.col('regionCode')}::int, 'regionCode', '该区划不在您的数据范围内，不能在此登记'
      from (select s.row_no, ${ctx.orgId}::bigint as org_id, s.region_code, ${actor.id}::bigint as created_by
        from import_stage s where s.action = 'insert' and s.region_code is not null) t
      where not ${inScope}`.execute(trx);
  }

  if (ctx.kind === 'households') await propagateHeadProblems(ctx);

  await sql`update import_stage s set valid = false
    where s.valid and s.row_no in (select e.row_no from import_stage_errors e)`.execute(trx);
  if (ctx.kind === 'households') {
    await sql`update import_groups g set valid = true from import_stage h
      where h.row_no = g.head_row and g.heads = 1 and h.valid`.execute(trx);
  }
}

/**
 * Rows sharing a 户编号 form one household with exactly one head. The household is the
 * existing one whose head is this file's head (a re-import), else a new one; a member
 * already in any other household is refused.
 */
async function householdChecks(ctx: CheckContext): Promise<void> {
  const { trx, actor, mode } = ctx;
  await sql`create temp table import_groups on commit drop as
    select household_key, count(*) filter (where relationship = 'head')::int as heads,
      min(row_no) filter (where relationship = 'head') as head_row,
      null::bigint as target_id, null::boolean as target_in_scope, null::bigint as new_id, false as valid
    from import_stage where household_key is not null group by household_key`.execute(trx);
  await sql`alter table import_groups add primary key (household_key)`.execute(trx);

  await sql`insert into import_stage_errors (row_no, col_index, field, message)
    select s.row_no, ${ctx.col('relationship')}::int, 'relationship',
      case when g.heads = 0 then '户编号“' || g.household_key || '”没有户主，每户须有且只有一名户主'
        else '户编号“' || g.household_key || '”有 ' || g.heads || ' 名户主，每户须有且只有一名户主' end
    from import_stage s join import_groups g on g.household_key = s.household_key where g.heads <> 1`.execute(trx);

  await sql`update import_groups g set target_id = h.existing_household from import_stage h
    where h.row_no = g.head_row and g.heads = 1 and h.existing_relationship = 'head' and h.existing_household is not null`.execute(trx);
  await sql`update import_groups g set target_in_scope = ${householdScope(actor.scope, 'x')}
    from households x where x.id = g.target_id`.execute(trx);

  await sql`insert into import_stage_errors (row_no, col_index, field, message)
    select s.row_no, ${ctx.col('idNumber')}::int, 'idNumber', '此人已是其他家庭的成员，请先从原家庭移出'
    from import_stage s join import_groups g on g.household_key = s.household_key
    where g.heads = 1 and s.existing_household is not null and s.existing_household is distinct from g.target_id`.execute(trx);

  await sql`insert into import_stage_errors (row_no, col_index, field, message)
    select g.head_row, ${ctx.col('householdKey')}::int, 'householdKey', '该家庭已由其他单位登记，无权修改'
    from import_groups g where g.target_id is not null and not g.target_in_scope
      and (${mode} = 'update' or exists (select 1 from import_stage s
        where s.household_key = g.household_key and s.action in ('insert', 'update')))`.execute(trx);
}

/** A household cannot be written without its head: the other rows of a group whose head row is wrong are refused too. */
async function propagateHeadProblems(ctx: CheckContext): Promise<void> {
  await sql`insert into import_stage_errors (row_no, col_index, field, message)
    select s.row_no, ${ctx.col('householdKey')}::int, 'householdKey', '本户户主所在行（第 ' || g.head_row || ' 行）有误，该户未导入'
    from import_stage s join import_groups g on g.household_key = s.household_key
    join import_stage h on h.row_no = g.head_row
    where g.heads = 1 and s.row_no <> g.head_row
      and (not h.ok or exists (select 1 from import_stage_errors e where e.row_no = h.row_no))`.execute(ctx.trx);
}
