/**
 * A benefit rule as one CEL int expression (fen), so amounts go through the same checker,
 * SQL lowering and in-memory evaluator as eligibility, and both evaluators agree to the fen.
 *
 *   fixed   → `20000`
 *   tiered  → `(by) == "college" ? 500000 : ((by) >= 4 ? 1550000 : 1300000)`
 *   formula → `(47870 + 20190 * household.size)`
 *   capFen  → `(x) > cap ? cap : (x)` (a bare literal needs no parentheses)
 *
 * `by` and formulas are wrapped in parentheses because they are arbitrary expressions: a
 * `by` such as `a ? "x" : "y"` would otherwise bind to the comparison that follows it.
 * Errors are thrown in Chinese: the editor shows them as the benefit's problem.
 */
import type { BenefitRule } from '../../../contracts/policies.js';

/** Amounts must be whole fen and not negative; anything else is a data-entry mistake. */
function amount(value: number, what: string): string {
  if (!Number.isSafeInteger(value)) throw new Error(`${what}应为整数（单位：分），实际为 ${value}`);
  if (value < 0) throw new Error(`${what}不能为负数：${value}`);
  return String(value);
}

/** Comparison operands may be negative ints or any string; JSON quoting is valid CEL quoting. */
function operand(value: string | number, what: string): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (!Number.isSafeInteger(value)) throw new Error(`${what}应为整数，实际为 ${value}`);
  return String(value);
}

function source(expression: string, what: string): string {
  if (expression.trim() === '') throw new Error(`${what}不能为空`);
  return `(${expression})`;
}

type Tier = Extract<BenefitRule, { kind: 'tiered' }>['tiers'][number];

function condition(by: string, tier: Tier, index: number): string {
  const label = `第 ${index + 1} 档`;
  const hasEquals = tier.equals !== undefined && tier.equals !== null;
  const hasAtLeast = tier.atLeast !== undefined && tier.atLeast !== null;
  if (hasEquals && hasAtLeast) throw new Error(`${label}只能指定“等于”或“不低于”其中之一`);
  if (hasEquals) return `${by} == ${operand(tier.equals!, `${label}的取值`)}`;
  if (hasAtLeast) return `${by} >= ${operand(tier.atLeast!, `${label}的下限`)}`;
  throw new Error(`${label}缺少条件（“等于”或“不低于”）`);
}

function tiered(rule: Extract<BenefitRule, { kind: 'tiered' }>): string {
  const by = source(rule.by, '分档依据');
  // Built from the last tier outwards so the first tier is tested first, as the contract says.
  let cel = amount(rule.otherwiseFen, '其他情况金额');
  for (let i = rule.tiers.length - 1; i >= 0; i -= 1) {
    const tier = rule.tiers[i];
    const otherwise = i === rule.tiers.length - 1 ? cel : `(${cel})`;
    cel = `${condition(by, tier, i)} ? ${amount(tier.amountFen, `第 ${i + 1} 档金额`)} : ${otherwise}`;
  }
  return cel;
}

export function benefitToCel(rule: BenefitRule): string {
  let cel: string;
  switch (rule.kind) {
    case 'fixed':
      cel = amount(rule.amountFen, '固定金额');
      break;
    case 'tiered':
      cel = tiered(rule);
      break;
    case 'formula':
      cel = source(rule.expression, '计算公式');
      break;
    default:
      throw new Error(`未知的金额规则类型：${(rule as { kind: string }).kind}`);
  }
  if (rule.capFen === undefined || rule.capFen === null) return cel;
  const cap = amount(rule.capFen, '封顶金额');
  // A literal or a formula is already one operand; only a ternary needs its own parentheses.
  const x = rule.kind === 'tiered' && rule.tiers.length > 0 ? `(${cel})` : cel;
  return `${x} > ${cap} ? ${cap} : ${x}`;
}
