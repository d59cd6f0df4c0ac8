/**
 * A policy version's two rules — eligibility (bool) and amount (int, fen) — checked together
 * and ready for both evaluators: planned for in-memory evaluation, and lowered to SQL on
 * demand with the caller's parameter sink. A rule that fails here is refused at save time.
 */
import type { BenefitRule, RuleProblem } from '../../contracts/policies.js';
import { AppError } from '../../kernel/errors.js';
import { benefitToCel } from './rules/benefit.js';
import { PlannedRule } from './rules/evaluate.js';
import { lowerRule, ParamSink, type SqlAliases } from './rules/lower.js';
import { parseRule, RuleError, type ParsedRule } from './rules/parse.js';
import { BOOL, INT } from './rules/subject.js';

export interface RuleSources {
  eligibility: string;
  benefit: BenefitRule;
}

export interface CompiledRule {
  source: string;
  parsed: ParsedRule;
  planned: PlannedRule;
}

export interface CompiledVersion {
  eligibility: CompiledRule;
  amount: CompiledRule;
}

/** Aliases the lowering is checked against; the run engine uses the same ones. */
export const RUN_ALIASES: SqlAliases = { person: 'p', household: 'h', personTable: 'subj_person' };

const cache = new Map<string, CompiledVersion>();

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function checkOne(field: RuleProblem['field'], source: string, expected: typeof BOOL, problems: RuleProblem[]): CompiledRule | null {
  try {
    const parsed = parseRule(source);
    lowerRule(parsed, expected, RUN_ALIASES, new ParamSink());
    return { source, parsed, planned: new PlannedRule(parsed, source) };
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    const label = field === 'eligibility' ? '资格条件' : '金额规则';
    problems.push({ field, offset: error.offset, ...position(source, error.offset), message: `${label}：${error.zh}` });
    return null;
  }
}

/** Checks both rules; returns the problems (empty when the version can be saved). */
export function checkRules(rules: RuleSources): { problems: RuleProblem[]; compiled: CompiledVersion | null } {
  const problems: RuleProblem[] = [];
  let amountSource: string;
  try {
    amountSource = benefitToCel(rules.benefit);
  } catch (error) {
    problems.push({ field: 'benefit', offset: 0, line: 1, column: 1, message: `金额规则：${(error as Error).message}` });
    return { problems, compiled: null };
  }
  const eligibility = checkOne('eligibility', rules.eligibility, BOOL, problems);
  const amount = checkOne('benefit', amountSource, INT, problems);
  return { problems, compiled: eligibility && amount ? { eligibility, amount } : null };
}

/** The compiled rules of a stored version (cached by its sources: versions never change). */
export function compileVersion(rules: RuleSources): CompiledVersion {
  const key = JSON.stringify([rules.eligibility, rules.benefit]);
  const hit = cache.get(key);
  if (hit) return hit;
  const { problems, compiled } = checkRules(rules);
  if (!compiled) throw new AppError('rule_invalid', { zh: problems.map((p) => p.message).join('；'), en: 'stored rule no longer compiles', data: { problems } });
  if (cache.size > 500) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

/** SQL for eligibility and amount over the run aliases, with literals bound into `params`. */
export function lowerVersion(compiled: CompiledVersion, params: ParamSink): { eligibility: string; amount: string } {
  return {
    eligibility: lowerRule(compiled.eligibility.parsed, BOOL, RUN_ALIASES, params).sql,
    amount: lowerRule(compiled.amount.parsed, INT, RUN_ALIASES, params).sql,
  };
}
