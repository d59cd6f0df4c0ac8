/**
 * Funding sources (中央财政, 工会经费 at each level, insurers, charity funds, donors) and their
 * yearly budgets per region, with what the ledger has committed and paid against each.
 * Policies and hand splits name sources by name; a name not yet registered is registered on
 * first use as 'other', so money is never split to a source nobody can see.
 */
import { sql, type Kysely } from 'kysely';
import type { BudgetUse, FundingSource, FundingSourceKind } from '../../contracts/benefits.js';
import { recordAudit } from '../../kernel/audit.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { AppError, invalidField } from '../../kernel/errors.js';

export async function listFundingSources(db: Kysely<any>, actor: Actor): Promise<FundingSource[]> {
  requirePermission(actor, 'payment:read');
  const { rows } = await sql<FundingSource>`
    select s.id, s.name, s.kind, s.org_id as "orgId", o.name as "orgName" from funding_sources s left join organisations o on o.id = s.org_id
    union
    select null, x.source, 'other', null, null from (
      select distinct f->>'source' as source from policy_versions v, jsonb_array_elements(v.funding) f where v.status = 'active') x
    where not exists (select 1 from funding_sources s where s.name = x.source)
    order by name`.execute(db);
  return rows;
}

export async function createFundingSource(db: Kysely<any>, actor: Actor, input: { name: string; kind: FundingSourceKind; orgId: number | null }): Promise<FundingSource> {
  requirePermission(actor, 'payment:run');
  const name = input.name.trim();
  if (!name) throw invalidField('name', '请填写资金来源名称', 'a name is required');
  const existing = await sql`select 1 from funding_sources where name = ${name}`.execute(db);
  if (existing.rows.length) throw new AppError('conflict', { zh: `资金来源“${name}”已存在`, en: 'the source exists', field: 'name' });
  const { rows } = await sql<{ id: number }>`insert into funding_sources (name, kind, org_id) values (${name}, ${input.kind}, ${input.orgId}) returning id`.execute(db);
  await recordAudit(db, actor, { action: 'funding.source_created', entityType: 'funding_source', entityId: rows[0]!.id, after: input });
  return (await listFundingSources(db, actor)).find((s) => s.name === name)!;
}

/** Sets a source's budget for a year and region (creating the source record if only policies named it). */
export async function setBudget(db: Kysely<any>, actor: Actor, input: { source: string; year: number; regionCode: string; budgetFen: number }): Promise<BudgetUse[]> {
  requirePermission(actor, 'payment:run');
  if (!Number.isInteger(input.budgetFen) || input.budgetFen < 0) throw invalidField('budgetFen', '预算须为不小于 0 的整数（分）', 'budget must be whole fen');
  const region = await sql`select 1 from regions where code = ${input.regionCode}`.execute(db);
  if (!region.rows.length) throw invalidField('regionCode', '区划不存在', 'unknown region');
  await db.transaction().execute(async (trx) => {
    await sql`insert into funding_sources (name, kind) values (${input.source.trim()}, 'other') on conflict (name) do nothing`.execute(trx);
    await sql`insert into funding_budgets (source_id, year, region_code, budget_fen)
      select id, ${input.year}, ${input.regionCode}, ${input.budgetFen} from funding_sources where name = ${input.source.trim()}
      on conflict (source_id, year, region_code) do update set budget_fen = excluded.budget_fen`.execute(trx);
    await recordAudit(trx, actor, { action: 'funding.budget_set', entityType: 'funding_source', entityId: input.source, after: input });
  });
  return budgetUse(db, actor, input.year);
}

/** Each budget of a year with the money committed (runs not rejected) and paid against it. */
export async function budgetUse(db: Kysely<any>, actor: Actor, year: number): Promise<BudgetUse[]> {
  requirePermission(actor, 'payment:read');
  const { rows } = await sql<BudgetUse>`
    select b.id as "budgetId", s.id as "sourceId", s.name as source, b.year, b.region_code as "regionCode", rg.name as "regionName",
      b.budget_fen as "budgetFen", coalesce(u.used, 0)::bigint as "usedFen", coalesce(u.paid, 0)::bigint as "paidFen"
    from funding_budgets b join funding_sources s on s.id = b.source_id join regions rg on rg.code = b.region_code
    left join lateral (
      select sum(f.amount_fen) as used, sum(f.amount_fen) filter (where l.status = 'paid') as paid
      from payment_line_funds f join payment_lines l on l.id = f.line_id join payment_runs r on r.id = l.run_id
      where f.source = s.name and l.status <> 'void' and r.status <> 'rejected' and left(r.period, 4) = b.year::text and l.region_code like rg.prefix || '%'
    ) u on true
    where b.year = ${year} order by s.name, b.region_code`.execute(db);
  return rows;
}
