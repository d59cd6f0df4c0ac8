/**
 * Simulation: a draft version against the population before it is adopted, compared with the
 * active version — people gained and lost (stored as candidate rows), cost per month and per
 * year, by county and by funding source.
 */
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import type { FundingShare, PolicyPeriod, PolicyRun, PolicyVersion, SimulationSummary } from '../../../contracts/policies.js';
import { recordAudit } from '../../../kernel/audit.js';
import { requirePermission, type Actor } from '../../../kernel/auth/actor.js';
import { notFound } from '../../../kernel/errors.js';
import { compileVersion } from '../compile.js';
import { today } from '../evaluation.service.js';
import { findPolicy, findVersion, listVersions } from '../policies.repo.js';
import { ParamSink } from '../rules/lower.js';
import { buildSubjectTables } from '../rules/subject-sql.js';
import { subjectQuery, type RunVersion } from './engine.js';
import { insertRun } from './runs.repo.js';
import { coversEveryone, getRun, householdFilter, launch } from './runs.service.js';

const NO_SUBJECTS = 'select null::bigint as person_id, null::bigint as household_id, null::text as region_code, null::boolean as eligible, null::bigint as amount where false';

export function perMonthAndYear(periodSum: number, period: PolicyPeriod): { monthlyFen: number; yearlyFen: number } {
  if (period === 'monthly') return { monthlyFen: periodSum, yearlyFen: periodSum * 12 };
  return { monthlyFen: Math.round(periodSum / 12), yearlyFen: periodSum };
}

function asRunVersion(code: string, v: PolicyVersion): RunVersion {
  return { policyId: v.policyId, code, name: v.nameZh, target: v.target, period: v.period, versionId: v.id, compiled: compileVersion(v) };
}

interface RegionRow { region: string; region_name: string | null; ce: number; de: number; ca: number; da: number; gained: number; lost: number }

async function compare(trx: Transaction<any>, runId: number, draft: RunVersion, current: RunVersion | null): Promise<RegionRow[]> {
  const params = new ParamSink();
  const draftSql = subjectQuery(draft, params);
  const currentSql = current ? subjectQuery(current, params) : NO_SUBJECTS;
  const run = params.add(String(runId), 'bigint');
  const policy = params.add(String(draft.policyId), 'bigint');
  const version = params.add(String(draft.versionId), 'bigint');
  const statement = `
    with d as materialized (${draftSql}), c as materialized (${currentSql}),
    j as materialized (
      select coalesce(d.household_id, c.household_id) as household_id, coalesce(d.person_id, c.person_id) as person_id,
        coalesce(d.region_code, c.region_code) as region_code,
        coalesce(c.eligible, false) as ce, coalesce(d.eligible, false) as de, c.amount as ca, d.amount as da
      from d full join c on c.household_id = d.household_id and coalesce(c.person_id, 0) = coalesce(d.person_id, 0)
    ),
    ins as (
      insert into policy_candidates (run_id, household_id, person_id, policy_id, version_id, kind, region_code, amount_fen, previous_amount_fen, reason)
      select ${run}, household_id, person_id, ${policy}, ${version}, case when de then 'gained' else 'lost' end, region_code, da, ca,
        case when de then '按草稿版本符合条件，现行版本不符合' else '现行版本符合条件，按草稿版本不再符合' end
      from j where de <> ce
      returning 1
    )
    select g.region, (select r.name from regions r where r.code = g.region) as region_name, g.ce, g.de, g.ca, g.da, g.gained, g.lost
    from (
      select left(j.region_code, 6) as region,
        count(*) filter (where ce) as ce, count(*) filter (where de) as de,
        coalesce(sum(ca) filter (where ce), 0) as ca, coalesce(sum(da) filter (where de), 0) as da,
        count(*) filter (where de and not ce) as gained, count(*) filter (where ce and not de) as lost
      from j group by 1
    ) g order by 1`;
  const result = await trx.executeQuery<RegionRow>(CompiledQuery.raw(statement, params.values));
  return result.rows.map((r) => ({ ...r, ce: Number(r.ce), de: Number(r.de), ca: Number(r.ca), da: Number(r.da), gained: Number(r.gained), lost: Number(r.lost) }));
}

function byFunding(current: { funding: FundingShare[]; yearlyFen: number } | null, draft: { funding: FundingShare[]; yearlyFen: number }) {
  const sources = new Map<string, { currentYearlyFen: number; draftYearlyFen: number }>();
  const add = (funding: FundingShare[], yearly: number, key: 'currentYearlyFen' | 'draftYearlyFen') => {
    for (const share of funding) {
      const entry = sources.get(share.source) ?? { currentYearlyFen: 0, draftYearlyFen: 0 };
      entry[key] += Math.round((yearly * share.shareBp) / 10_000);
      sources.set(share.source, entry);
    }
  };
  if (current) add(current.funding, current.yearlyFen, 'currentYearlyFen');
  add(draft.funding, draft.yearlyFen, 'draftYearlyFen');
  return [...sources.entries()].map(([source, v]) => ({ source, ...v }));
}

export function summarise(code: string, draft: PolicyVersion, current: PolicyVersion | null, rows: RegionRow[]): SimulationSummary {
  const total = (key: keyof RegionRow) => rows.reduce((sum, r) => sum + Number(r[key]), 0);
  const currentCost = perMonthAndYear(total('ca'), current?.period ?? draft.period);
  const draftCost = perMonthAndYear(total('da'), draft.period);
  return {
    policyCode: code,
    draftVersionId: draft.id,
    currentVersionId: current?.id ?? null,
    current: { eligible: total('ce'), ...currentCost },
    draft: { eligible: total('de'), ...draftCost },
    gained: total('gained'),
    lost: total('lost'),
    byRegion: rows.map((r) => ({
      regionCode: r.region, regionName: r.region_name, currentEligible: r.ce, draftEligible: r.de,
      currentYearlyFen: perMonthAndYear(r.ca, current?.period ?? draft.period).yearlyFen, draftYearlyFen: perMonthAndYear(r.da, draft.period).yearlyFen,
    })),
    byFunding: byFunding(current ? { funding: current.funding, yearlyFen: currentCost.yearlyFen } : null, { funding: draft.funding, yearlyFen: draftCost.yearlyFen }),
    quotas: draft.quotas.map((q) => {
      const prefix = q.regionCode.replace(/(00)+$/, '');
      const inRegion = rows.filter((r) => r.region.startsWith(prefix));
      const draftEligible = inRegion.reduce((n, r) => n + r.de, 0);
      const draftYearlyFen = perMonthAndYear(inRegion.reduce((n, r) => n + r.da, 0), draft.period).yearlyFen;
      return {
        regionCode: q.regionCode, quota: q.quota ?? null, budgetFen: q.budgetFen ?? null, draftEligible, draftYearlyFen,
        overQuota: q.quota != null && draftEligible > q.quota, overBudget: q.budgetFen != null && draftYearlyFen > q.budgetFen,
      };
    }),
  };
}

/** Starts a simulation of one version against the active one, over the actor's scope (and regions). */
export async function startSimulation(db: Kysely<any>, actor: Actor, code: string, versionNumber: number, regionCodes: string[] = []): Promise<{ run: PolicyRun; wait: Promise<void> }> {
  requirePermission(actor, 'policy:write');
  const policy = await findPolicy(db, code);
  const draft = policy ? await findVersion(db, policy.id, versionNumber) : null;
  if (!policy || !draft) throw notFound();
  const current = (await listVersions(db, policy.id)).find((v) => v.status === 'active' && v.id !== draft.id) ?? null;
  const asOf = await today(db);
  const runId = await insertRun(db, { kind: 'simulation', policyCodes: [code], regionCodes, asOf, requestedBy: actor.id });
  await recordAudit(db, actor, { action: 'policy.simulation_started', entityType: 'policy_run', entityId: runId, after: { code, version: versionNumber } });
  const filter = householdFilter(actor, regionCodes);
  const wait = launch(db, runId, 2, async (trx, state) => {
    Object.assign(state, { done: 0, stage: '准备评估对象' });
    await buildSubjectTables(trx, asOf, filter, coversEveryone(actor, regionCodes));
    Object.assign(state, { done: 1, stage: '对比现行版本与草稿' });
    const rows = await compare(trx, runId, asRunVersion(code, draft), current ? asRunVersion(code, current) : null);
    Object.assign(state, { done: 2, stage: '完成' });
    return { simulation: summarise(code, draft, current, rows) };
  });
  return { run: await getRun(db, actor, runId), wait };
}

export async function getSimulation(db: Kysely<any>, actor: Actor, runId: number): Promise<SimulationSummary | null> {
  requirePermission(actor, 'policy:read');
  const { rows } = await sql<{ simulation: SimulationSummary | null }>`select simulation from policy_runs where id = ${runId} and kind = 'simulation'`.execute(db);
  if (rows.length === 0) throw notFound();
  return rows[0]!.simulation;
}
