/** The dispatch catalogue (派单目录) and the categories it is made of. */
import { sql, type Kysely } from 'kysely';
import { executePrepared } from '../../kernel/db/open.js';
import type { AppealCategory, DispatchRule, DispatchRuleInput, LimitUnit } from '../../contracts/appeals.js';

export async function listCategories(db: Kysely<any>, activeOnly: boolean): Promise<AppealCategory[]> {
  const { rows } = await sql<AppealCategory>`select code, name, description, active from appeal_categories
    ${activeOnly ? sql`where active` : sql``} order by sort, code`.execute(db);
  return rows;
}

export async function findCategory(db: Kysely<any>, code: string): Promise<AppealCategory | null> {
  const { rows } = await sql<AppealCategory>`select code, name, description, active from appeal_categories where code = ${code}`.execute(db);
  return rows[0] ?? null;
}

export async function upsertCategory(db: Kysely<any>, c: AppealCategory & { sort?: number }): Promise<void> {
  await sql`insert into appeal_categories (code, name, description, active, sort) values (${c.code}, ${c.name}, ${c.description}, ${c.active}, ${c.sort ?? 0})
    on conflict (code) do update set name = excluded.name, description = excluded.description, active = excluded.active`.execute(db);
}

const RULE_COLUMNS = sql`d.id, d.category_code as "categoryCode", c.name as "categoryName", d.region_code as "regionCode", r.name as "regionName",
  d.org_id as "orgId", o.name as "orgName", d.limit_amount as "limitAmount", d.limit_unit as "limitUnit"`;
const RULE_FROM = sql`dispatch_rules d join appeal_categories c on c.code = d.category_code join regions r on r.code = d.region_code
  join organisations o on o.id = d.org_id`;

export async function listRules(db: Kysely<any>): Promise<DispatchRule[]> {
  const { rows } = await sql<DispatchRule>`select ${RULE_COLUMNS} from ${RULE_FROM} order by c.sort, d.category_code, d.region_code`.execute(db);
  return rows;
}

export async function findRule(db: Kysely<any>, id: number, forUpdate = false): Promise<DispatchRule | null> {
  const { rows } = await sql<DispatchRule>`select ${RULE_COLUMNS} from ${RULE_FROM} where d.id = ${id} ${forUpdate ? sql`for update of d` : sql``}`.execute(db);
  return rows[0] ?? null;
}

export async function deleteRule(db: Kysely<any>, id: number): Promise<void> {
  await sql`delete from dispatch_rules where id = ${id}`.execute(db);
}

/** Which rule applies (over `dispatch_rules d` joined to its `regions r`): the category's rule whose region is the most specific that contains the place. */
const mostSpecificRule = (categoryCode: string, regionCode: string) =>
  sql`d.category_code = ${categoryCode} and ${regionCode} like r.prefix || '%' order by length(r.prefix) desc limit 1`;

/** The rule for a category at a place: the one whose region is the most specific that contains it. */
export async function resolveRule(db: Kysely<any>, categoryCode: string, regionCode: string): Promise<DispatchRule | null> {
  const { rows } = await sql<DispatchRule>`select ${RULE_COLUMNS} from ${RULE_FROM} where ${mostSpecificRule(categoryCode, regionCode)}`.execute(db);
  return rows[0] ?? null;
}

/** What intake needs to know before it stores an appeal, in one round trip: whether the category may be used, whether the region exists, and the rule for the place (as resolveRule). */
export interface IntakeLookup {
  /** null: no such category. */
  categoryActive: boolean | null;
  regionKnown: boolean;
  rule: { orgId: number; limitAmount: number; limitUnit: LimitUnit } | null;
}

export async function intakeLookup(db: Kysely<any>, categoryCode: string, regionCode: string): Promise<IntakeLookup> {
  // A prepared statement on a server: every intake runs it (kernel/db/open.ts executePrepared).
  const rows = await executePrepared<IntakeLookup>(db, sql<IntakeLookup>`select (select active from appeal_categories where code = ${categoryCode}) as "categoryActive",
      exists (select 1 from regions where code = ${regionCode}) as "regionKnown",
      (select json_build_object('orgId', d.org_id, 'limitAmount', d.limit_amount, 'limitUnit', d.limit_unit)
        from dispatch_rules d join regions r on r.code = d.region_code where ${mostSpecificRule(categoryCode, regionCode)}) as rule`.compile(db));
  return rows[0]!;
}

export async function saveRule(db: Kysely<any>, input: DispatchRuleInput, userId: number | null): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into dispatch_rules (category_code, region_code, org_id, limit_amount, limit_unit, updated_by)
    values (${input.categoryCode}, ${input.regionCode}, ${input.orgId}, ${input.limitAmount}, ${input.limitUnit}, ${userId})
    on conflict (category_code, region_code) do update set org_id = excluded.org_id, limit_amount = excluded.limit_amount,
      limit_unit = excluded.limit_unit, updated_by = excluded.updated_by, updated_at = now()
    returning id`.execute(db);
  return rows[0]!.id;
}
