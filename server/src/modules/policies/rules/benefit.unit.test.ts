import { describe, expect, it } from 'vitest';
import type { BenefitRule } from '../../../contracts/policies.js';
import { benefitToCel } from './benefit.js';
import { PlannedRule } from './evaluate.js';
import { lowerRule, ParamSink } from './lower.js';
import { parseRule } from './parse.js';
import { INT } from './subject.js';

const ALIASES = { person: 'p', household: 'h', personTable: 'subj_person' };

/** The amount a rule gives for a person and household, through the checker and the in-memory evaluator. */
function amountOf(rule: BenefitRule, person: Record<string, unknown>, household: Record<string, unknown> = { size: 3n }): unknown {
  const source = benefitToCel(rule);
  const parsed = parseRule(source);
  expect(lowerRule(parsed, INT, ALIASES, new ParamSink()).type).toEqual(INT);
  const result = new PlannedRule(parsed, source).evaluate({ person, household });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('benefitToCel', () => {
  it('writes a fixed amount as its literal', () => {
    expect(benefitToCel({ kind: 'fixed', amountFen: 20000 })).toBe('20000');
    expect(amountOf({ kind: 'fixed', amountFen: 20000 }, {})).toBe(20000n);
  });

  it('nests string tiers as ternaries tried in order, with the otherwise amount last', () => {
    const rule: BenefitRule = {
      kind: 'tiered', by: 'person.schoolStage', otherwiseFen: 0,
      tiers: [{ equals: 'senior_high', amountFen: 260000 }, { equals: 'college', amountFen: 500000 }],
    };
    expect(benefitToCel(rule)).toBe('(person.schoolStage) == "senior_high" ? 260000 : ((person.schoolStage) == "college" ? 500000 : 0)');
    expect(amountOf(rule, { schoolStage: 'college' })).toBe(500000n);
    expect(amountOf(rule, { schoolStage: 'senior_high' })).toBe(260000n);
    expect(amountOf(rule, { schoolStage: 'primary' })).toBe(0n);
  });

  it('uses >= for atLeast tiers, so the first tier reached wins', () => {
    const rule: BenefitRule = {
      kind: 'tiered', by: 'household.size', otherwiseFen: 1300000,
      tiers: [{ atLeast: 5, amountFen: 1800000 }, { atLeast: 4, amountFen: 1550000 }],
    };
    expect(benefitToCel(rule)).toBe('(household.size) >= 5 ? 1800000 : ((household.size) >= 4 ? 1550000 : 1300000)');
    expect(amountOf(rule, {}, { size: 6n })).toBe(1800000n);
    expect(amountOf(rule, {}, { size: 4n })).toBe(1550000n);
    expect(amountOf(rule, {}, { size: 2n })).toBe(1300000n);
  });

  it('compares int tiers with int literals, negative ones included', () => {
    const rule: BenefitRule = { kind: 'tiered', by: 'household.size - 3', otherwiseFen: 1, tiers: [{ equals: -1, amountFen: 7 }] };
    expect(benefitToCel(rule)).toBe('(household.size - 3) == -1 ? 7 : 1');
    expect(amountOf(rule, {}, { size: 2n })).toBe(7n);
  });

  it('parenthesises a by expression that is itself a ternary', () => {
    const rule: BenefitRule = {
      kind: 'tiered', by: 'household.size > 3 ? "big" : "small"', otherwiseFen: 100, tiers: [{ equals: 'big', amountFen: 200 }],
    };
    expect(amountOf(rule, {}, { size: 5n })).toBe(200n);
    expect(amountOf(rule, {}, { size: 2n })).toBe(100n);
  });

  it('gives the otherwise amount when there are no tiers', () => {
    expect(benefitToCel({ kind: 'tiered', by: 'household.size', tiers: [], otherwiseFen: 500 })).toBe('500');
  });

  it('escapes quotes, backslashes and newlines in string tiers', () => {
    const tricky = 'a"b\\c\nd 中';
    const rule: BenefitRule = { kind: 'tiered', by: 'person.name', otherwiseFen: 0, tiers: [{ equals: tricky, amountFen: 9 }] };
    expect(benefitToCel(rule)).toBe('(person.name) == "a\\"b\\\\c\\nd 中" ? 9 : 0');
    expect(amountOf(rule, { name: tricky })).toBe(9n);
    expect(amountOf(rule, { name: 'a"b' })).toBe(0n);
  });

  it('wraps a formula in parentheses', () => {
    const rule: BenefitRule = { kind: 'formula', expression: '47870 + 20190 * household.size' };
    expect(benefitToCel(rule)).toBe('(47870 + 20190 * household.size)');
    expect(amountOf(rule, {}, { size: 3n })).toBe(108440n);
  });

  it('caps a formula, a tiered rule and a fixed amount', () => {
    const formula: BenefitRule = { kind: 'formula', expression: '47870 + 20190 * household.size', capFen: 148820 };
    expect(benefitToCel(formula)).toBe('(47870 + 20190 * household.size) > 148820 ? 148820 : (47870 + 20190 * household.size)');
    expect(amountOf(formula, {}, { size: 5n })).toBe(148820n);
    expect(amountOf(formula, {}, { size: 9n })).toBe(148820n);
    expect(amountOf(formula, {}, { size: 4n })).toBe(128630n);

    const tiered: BenefitRule = { kind: 'tiered', by: 'household.size', otherwiseFen: 10, tiers: [{ atLeast: 4, amountFen: 99 }], capFen: 50 };
    expect(benefitToCel(tiered)).toBe('((household.size) >= 4 ? 99 : 10) > 50 ? 50 : ((household.size) >= 4 ? 99 : 10)');
    expect(amountOf(tiered, {}, { size: 4n })).toBe(50n);
    expect(amountOf(tiered, {}, { size: 1n })).toBe(10n);

    expect(benefitToCel({ kind: 'fixed', amountFen: 300, capFen: 200 })).toBe('300 > 200 ? 200 : 300');
    expect(amountOf({ kind: 'fixed', amountFen: 300, capFen: 200 }, {})).toBe(200n);
    expect(benefitToCel({ kind: 'fixed', amountFen: 300, capFen: null })).toBe('300');
  });

  it('refuses fractional or negative amounts, empty expressions and tiers without a condition', () => {
    expect(() => benefitToCel({ kind: 'fixed', amountFen: 10.5 })).toThrow(/整数/);
    expect(() => benefitToCel({ kind: 'fixed', amountFen: -1 })).toThrow(/负数/);
    expect(() => benefitToCel({ kind: 'fixed', amountFen: 1, capFen: -5 })).toThrow(/封顶/);
    expect(() => benefitToCel({ kind: 'formula', expression: '  ' })).toThrow(/公式/);
    expect(() => benefitToCel({ kind: 'tiered', by: '', tiers: [], otherwiseFen: 0 })).toThrow(/分档依据/);
    expect(() => benefitToCel({ kind: 'tiered', by: 'household.size', tiers: [{ amountFen: 1 }], otherwiseFen: 0 })).toThrow(/第 1 档/);
    expect(() => benefitToCel({ kind: 'tiered', by: 'household.size', tiers: [{ equals: 1, atLeast: 1, amountFen: 1 }], otherwiseFen: 0 })).toThrow(/其中之一/);
  });
});
