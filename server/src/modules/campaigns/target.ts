/**
 * A campaign's target group, in the policy engine's rule language: checked and typed by the
 * engine's own checker, then compiled to SQL and evaluated set-based over the same subject
 * tables a population run builds (one row per household, `person` bound to its head, as for
 * household policies) — never household by household.
 */
import { CompiledQuery, sql, type RawBuilder, type Transaction } from 'kysely';
import type { TargetRuleProblem } from '../../contracts/campaigns.js';
import { escapeLike, type DataScope } from '../../kernel/auth/scope.js';
import { RUN_ALIASES } from '../policies/compile.js';
import { lowerRule, ParamSink } from '../policies/rules/lower.js';
import { parseRule, RuleError } from '../policies/rules/parse.js';
import { buildSubjectTables } from '../policies/rules/subject-sql.js';
import { BOOL } from '../policies/rules/subject.js';
import { householdScope } from '../registry/households.repo.js';

function position(source: string, offset: number): { line: number; column: number } {
  const lines = source.slice(0, Math.max(0, offset)).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** The rule's problems, with the engine's Chinese message and where it points; empty when it checks. */
export function checkTargetRule(source: string): TargetRuleProblem[] {
  try {
    lowerRule(parseRule(source), BOOL, RUN_ALIASES, new ParamSink());
    return [];
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    return [{ offset: error.offset, ...position(source, error.offset), message: error.zh }];
  }
}

/** The households a campaign may reach: the region's subtree, inside the creator's data scope. */
export function targetFilter(scope: DataScope, regionPrefix: string): RawBuilder<boolean> {
  return sql<boolean>`${householdScope(scope)} and h.region_code like ${`${escapeLike(regionPrefix)}%`}`;
}

/** The rule lowered over the run's aliases (h = household subject, p = its head), with its parameters in `params`. */
function decision(source: string, params: ParamSink): string {
  return lowerRule(parseRule(source), BOOL, RUN_ALIASES, params).sql;
}

const SUBJECTS = 'subj_household h left join subj_person p on p.person_id = h.head_person_id';

/** Builds the subject tables for the filtered households as of a date (inside the caller's transaction). */
export async function prepareSubjects(trx: Transaction<any>, asOf: string, filter: RawBuilder<boolean>): Promise<void> {
  await buildSubjectTables(trx, asOf, filter);
}

/** Counts over the prepared subjects: selected, undecidable (NULL: a field the rule reads is missing), considered. */
export async function countTargets(trx: Transaction<any>, source: string): Promise<{ count: number; undecidable: number; considered: number }> {
  const params = new ParamSink();
  const eligible = decision(source, params);
  const { rows } = await trx.executeQuery<{ count: string; undecidable: string; considered: string }>(CompiledQuery.raw(`
    select count(*) filter (where d.eligible) as count, count(*) filter (where d.eligible is null) as undecidable, count(*) as considered
    from ${SUBJECTS} cross join lateral (select ${eligible} as eligible offset 0) d`, params.values));
  const row = rows[0]!;
  return { count: Number(row.count), undecidable: Number(row.undecidable), considered: Number(row.considered) };
}

/** Inserts every selected household into the campaign in one statement; returns how many. */
export async function insertTargets(trx: Transaction<any>, campaignId: number, source: string): Promise<number> {
  const params = new ParamSink();
  const eligible = decision(source, params);
  const campaign = params.add(String(campaignId), 'bigint');
  const result = await trx.executeQuery(CompiledQuery.raw(`
    insert into campaign_households (campaign_id, household_id)
    select ${campaign}, h.household_id from ${SUBJECTS}
    cross join lateral (select ${eligible} as eligible offset 0) d
    where d.eligible`, params.values));
  return Number(result.numAffectedRows ?? 0n);
}
