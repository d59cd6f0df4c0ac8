/** The checker and lowering, without a database: what is refused, and what the SQL looks like. */
import { describe, expect, it } from 'vitest';
import { lowerRule, ParamSink } from './lower.js';
import { MAX_NESTING, MAX_RULE_LENGTH, parseRule, RuleError } from './parse.js';
import { BOOL, INT } from './subject.js';
import { translateError } from './evaluate.js';

const ALIASES = { person: 'p', household: 'h', personTable: 'subj_person' };

function lower(source: string, type = BOOL) {
  const params = new ParamSink();
  return { ...lowerRule(parseRule(source), type, ALIASES, params), params: params.values };
}

function refusal(source: string): RuleError {
  try {
    lower(source);
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error(`accepted: ${source}`);
}

describe('lowering to SQL', () => {
  it('never puts a literal into the SQL text: strings, ints and lists are bound parameters', () => {
    const attack = "'); DROP TABLE persons; --";
    const { sql, params } = lower(`person.name == ${JSON.stringify(attack)} || person.schoolStage in ["primary", "x' OR 1=1"] || person.age > 17`);
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain('primary');
    expect(sql).not.toContain('17');
    expect(params).toEqual([attack, ['primary', "x' OR 1=1"], '17']);
  });

  it('turns division into NULL when the divisor is zero, so one subject cannot fail the query', () => {
    expect(lower('household.size / (household.size - 3) > 1').sql).toContain('CASE WHEN');
  });

  it('keeps an erroring condition of ?: an error rather than taking the else branch', () => {
    expect(lower('person.disability.grade < 2 ? true : false').sql).toMatch(/WHEN NOT/);
  });

  it('compiles member macros to correlated aggregates over the household', () => {
    const { sql } = lower('household.members.exists(m, has(m.disability) && m.disability.grade <= 2)');
    expect(sql).toContain('bool_or');
    expect(sql).toContain('m1.household_id = h.household_id');
  });

  it('orders strings by code point, as CEL does', () => {
    expect(lower('person.name < "王"').sql).toContain('COLLATE "C"');
  });
});

describe('refusing at save time, with the position', () => {
  it.each([
    ['person.agee > 1', 7, '没有字段'],
    ['person.age > "1"', 11, '不能比较'],
    ['household.members.map(m, m.age).size() > 0', 17, '不支持'],
    ['household.members.size() + 1', 0, '应为 bool'],
    ['person.age * 1000000000000 * 1000000000000 > 1', 26, '64 位'],
    ['has(person.age)', 0, 'has()'],
    ['person.age > 2.5', 13, '整数'],
    ['[1, 2] == [1, 2]', 0, '列表'],
    ['frobnicate(person.age)', 0, '不支持函数'],
    ['person.age in household.members', 23, '字面量列表'],
  ])('%s', (source, offset, message) => {
    const error = refusal(source);
    expect(error.zh).toContain(message);
    expect(error.offset).toBe(offset);
  });

  it('refuses a rule that would exhaust the parser before parsing it', () => {
    expect(refusal(`${'('.repeat(MAX_NESTING + 1)}true${')'.repeat(MAX_NESTING + 1)}`).zh).toContain('嵌套过深');
    expect(refusal(`person.name == "${'x'.repeat(MAX_RULE_LENGTH)}"`).zh).toContain('过长');
    expect(refusal('person.age < 99999999999999999999').zh).toMatch(/整数过大|语法错误/);
  });

  it('accepts an int amount and refuses a bool one', () => {
    expect(lower('person.age * 100', INT).type).toEqual(INT);
    expect(() => lower('person.age > 1', INT)).toThrow(RuleError);
  });
});

describe('runtime errors in the caseworker’s words', () => {
  it('names the missing fact and division by zero', () => {
    expect(translateError('no such key: disability')).toContain('disability');
    expect(translateError('int divide by zero')).toBe('除数为零');
  });
});
