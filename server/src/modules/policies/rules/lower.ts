/**
 * The huimin checker: walks a parsed rule, types every node against the documented subject
 * (subject.ts), refuses what cannot run safely or cannot be compiled to SQL — with the source
 * offset — and lowers the rest to a PostgreSQL expression whose literals are bound parameters.
 *
 * Semantics: a CEL error is SQL NULL. Three-valued logic then matches CEL's error absorption
 * (false && error = false, true || error = true), comparisons and arithmetic propagate it,
 * and division by zero becomes NULL rather than failing the query. Ints carry a magnitude
 * bound so arithmetic that could overflow 64 bits is refused at save time.
 */
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import { RuleError, type ParsedRule } from './parse.js';
import {
  BOOL, INT, MAX_LITERAL, ROOT_VARIABLES, STRING, SUBJECT_SCHEMA, sameType, typeName, type CelType,
} from './subject.js';

const INT64_SAFE = 2 ** 62;

/** Collects bound parameters across the rules of one query; returns placeholders like `$3::bigint`. */
export class ParamSink {
  readonly values: unknown[] = [];
  add(value: unknown, cast: 'bigint' | 'text' | 'bigint[]' | 'text[]'): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** The SQL aliases the root variables read from. */
export interface SqlAliases {
  person: string;
  household: string;
  /** Subject person table name, for member sub-queries. */
  personTable: string;
}

interface Lowered {
  type: CelType;
  sql: string;
  /** For objects and lists: the alias of the row that holds their columns. */
  alias?: string;
  /** Ints: the largest absolute value. */
  bound?: number;
}

interface Variable {
  type: CelType;
  alias: string;
}

export interface LoweredRule {
  type: CelType;
  sql: string;
}

export function lowerRule(parsed: ParsedRule, expected: CelType, aliases: SqlAliases, params: ParamSink): LoweredRule {
  const positions = parsed.sourceInfo?.positions ?? {};
  const macros = parsed.sourceInfo?.macroCalls ?? {};
  let memberAliasCount = 0;
  const at = (e: Expr): number => positions[String(e.id)] ?? 0;
  const fail = (e: Expr, zh: string, en: string): never => {
    throw new RuleError(zh, en, at(e));
  };

  const scalar = (r: Lowered, e: Expr, want: CelType): string => {
    if (!sameType(r.type, want)) fail(e, `此处应为 ${typeName(want)}，实际为 ${typeName(r.type)}`, `expected ${typeName(want)} but got ${typeName(r.type)}`);
    return r.sql;
  };
  const checkBound = (bound: number, e: Expr): number => {
    if (bound > INT64_SAFE) fail(e, '此运算结果可能超出 64 位整数范围，请减小数值', 'this arithmetic could overflow a 64-bit integer');
    return bound;
  };

  const lower = (e: Expr, scope: Record<string, Variable>): Lowered => {
    const k = e.exprKind;
    switch (k.case) {
      case 'constExpr': {
        const c = k.value.constantKind;
        if (c.case === 'int64Value') {
          const magnitude = c.value < 0n ? -c.value : c.value;
          if (magnitude > BigInt(MAX_LITERAL)) fail(e, `整数过大（上限 ${MAX_LITERAL}）`, `integer literal too large (limit ${MAX_LITERAL})`);
          return { type: INT, sql: params.add(c.value.toString(), 'bigint'), bound: Number(magnitude) };
        }
        if (c.case === 'stringValue') {
          if (c.value.length > 200) fail(e, '字符串过长（上限 200 字）', 'string literal too long (limit 200)');
          return { type: STRING, sql: params.add(c.value, 'text') };
        }
        if (c.case === 'boolValue') return { type: BOOL, sql: c.value ? 'TRUE' : 'FALSE' };
        if (c.case === 'doubleValue') return fail(e, '规则只使用整数（金额以分为单位）', 'rules use integers only (money in fen)');
        if (c.case === 'uint64Value') return fail(e, '请使用有符号整数（去掉 u 后缀）', 'use signed integers (drop the u suffix)');
        return fail(e, `不支持的字面量：${c.case}`, `unsupported literal: ${c.case}`);
      }
      case 'identExpr': {
        const variable = scope[k.value.name];
        if (!variable) return fail(e, `未定义的名称“${k.value.name}”（可用：person、household）`, `undeclared reference to '${k.value.name}'`);
        return { type: variable.type, sql: variable.alias, alias: variable.alias };
      }
      case 'selectExpr': {
        const operandExpr = k.value.operand ?? fail(e, '缺少对象', 'missing operand');
        const operand = lower(operandExpr, scope);
        if (operand.type.kind !== 'object' || !operand.alias) {
          return fail(e, `${typeName(operand.type)} 没有字段“${k.value.field}”`, `type '${typeName(operand.type)}' has no fields`);
        }
        const spec = SUBJECT_SCHEMA[operand.type.name][k.value.field];
        if (!spec) {
          const known = Object.keys(SUBJECT_SCHEMA[operand.type.name]).join('、');
          // A select's position is its dot; point at the field name after it.
          throw new RuleError(`${operand.type.name} 没有字段“${k.value.field}”（可用：${known}）`, `undefined field '${k.value.field}' on type '${operand.type.name}'`, at(e) + 1);
        }
        if (k.value.testOnly) {
          if (!spec.optional) {
            return fail(e, `has() 只用于可能缺失的信息（如 disability、illness、employment、income），“${k.value.field}”总有值`, `has() applies to optional facts only; '${k.value.field}' always has a value`);
          }
          // Also false when the root person is absent (no living head), as CEL's has() on an unbound variable is.
          return { type: BOOL, sql: `(${operand.alias}.${spec.column} IS NOT NULL)` };
        }
        if (spec.type.kind === 'object' || spec.type.kind === 'list') return { type: spec.type, sql: operand.alias, alias: operand.alias };
        return { type: spec.type, sql: `${operand.alias}.${spec.column}`, bound: spec.bound };
      }
      case 'comprehensionExpr':
        return lowerMacro(e, scope);
      case 'callExpr':
        return lowerCall(e, k.value.function, k.value.args, k.value.target, scope);
      case 'listExpr':
        return fail(e, '列表只能出现在 in 的右侧', 'list literals are only supported on the right of `in`');
      default:
        return fail(e, `规则中不支持此写法（${k.case ?? '空'}）`, `${k.case} is not supported in policy rules`);
    }
  };

  const lowerCall = (e: Expr, fn: string, args: Expr[], target: Expr | undefined, scope: Record<string, Variable>): Lowered => {
    const arg = (i: number): Lowered => lower(args[i] ?? fail(e, '缺少参数', 'missing argument'), scope);
    const argExpr = (i: number): Expr => args[i] ?? fail(e, '缺少参数', 'missing argument');
    switch (fn) {
      case '_&&_':
      case '_||_':
        return { type: BOOL, sql: `(${scalar(arg(0), argExpr(0), BOOL)} ${fn === '_&&_' ? 'AND' : 'OR'} ${scalar(arg(1), argExpr(1), BOOL)})` };
      case '!_':
        return { type: BOOL, sql: `(NOT ${scalar(arg(0), argExpr(0), BOOL)})` };
      case '-_': {
        const a = arg(0);
        scalar(a, argExpr(0), INT);
        return { type: INT, sql: `(- ${a.sql})`, bound: a.bound };
      }
      case '_?_:_': {
        const condition = scalar(arg(0), argExpr(0), BOOL);
        const yes = arg(1);
        const no = arg(2);
        if (!sameType(yes.type, no.type) || (yes.type.kind !== 'int' && yes.type.kind !== 'string' && yes.type.kind !== 'bool')) {
          fail(e, `?: 两个分支类型须相同（${typeName(yes.type)} / ${typeName(no.type)}）`, `branches of ?: differ (${typeName(yes.type)}, ${typeName(no.type)})`);
        }
        // An erroring condition is an error, not the else branch.
        return { type: yes.type, sql: `(CASE WHEN ${condition} THEN ${yes.sql} WHEN NOT ${condition} THEN ${no.sql} END)`, bound: Math.max(yes.bound ?? 0, no.bound ?? 0) };
      }
      case '_==_':
      case '_!=_':
      case '_<_':
      case '_<=_':
      case '_>_':
      case '_>=_': {
        const a = arg(0);
        const b = arg(1);
        const comparable = ['int', 'string', 'bool'].includes(a.type.kind);
        if (!sameType(a.type, b.type) || !comparable) {
          fail(e, `不能比较 ${typeName(a.type)} 与 ${typeName(b.type)}`, `no matching overload for '${fn}' applied to (${typeName(a.type)}, ${typeName(b.type)})`);
        }
        const op = { '_==_': '=', '_!=_': '<>', '_<_': '<', '_<=_': '<=', '_>_': '>', '_>=_': '>=' }[fn];
        // CEL orders strings by code point, which is what the C collation does on UTF-8.
        const collate = a.type.kind === 'string' && op !== '=' && op !== '<>' ? ' COLLATE "C"' : '';
        return { type: BOOL, sql: `(${a.sql}${collate} ${op} ${b.sql})` };
      }
      case '_+_':
      case '_-_':
      case '_*_':
      case '_/_':
      case '_%_': {
        const a = arg(0);
        const b = arg(1);
        if (a.type.kind === 'string' && b.type.kind === 'string' && fn === '_+_') {
          return { type: STRING, sql: `(${a.sql} || ${b.sql})` };
        }
        if (a.type.kind !== 'int' || b.type.kind !== 'int') {
          fail(e, `不能对 ${typeName(a.type)} 与 ${typeName(b.type)} 做此运算`, `no matching overload for '${fn}' applied to (${typeName(a.type)}, ${typeName(b.type)})`);
        }
        const ab = a.bound ?? INT64_SAFE;
        const bb = b.bound ?? INT64_SAFE;
        const op = fn.slice(1, 2);
        if (fn === '_/_' || fn === '_%_') {
          return { type: INT, sql: `(CASE WHEN ${b.sql} = 0 THEN NULL ELSE ${a.sql} ${op} ${b.sql} END)`, bound: fn === '_/_' ? ab : bb };
        }
        const bound = checkBound(fn === '_*_' ? ab * bb : ab + bb, e);
        return { type: INT, sql: `(${a.sql} ${op} ${b.sql})`, bound };
      }
      case '@in': {
        const a = arg(0);
        const list = argExpr(1);
        if (list.exprKind.case !== 'listExpr') return fail(list, 'in 的右侧须为字面量列表，如 ["dibao", "tekun"]', 'the right of `in` must be a list literal');
        if (a.type.kind !== 'int' && a.type.kind !== 'string') return fail(e, `in 只用于整数或字符串，实际为 ${typeName(a.type)}`, 'in applies to int or string');
        const values = list.exprKind.value.elements.map((element) => {
          const c = element.exprKind.case === 'constExpr' ? element.exprKind.value.constantKind : null;
          if (a.type.kind === 'string' && c?.case === 'stringValue') return c.value;
          if (a.type.kind === 'int' && c?.case === 'int64Value') return c.value.toString();
          return fail(element, `列表元素须为 ${typeName(a.type)} 字面量`, `list elements must be ${typeName(a.type)} literals`);
        });
        if (values.length > 200) fail(list, '列表过长（上限 200 项）', 'list too long (limit 200)');
        return { type: BOOL, sql: `(${a.sql} = ANY(${params.add(values, a.type.kind === 'int' ? 'bigint[]' : 'text[]')}))` };
      }
      case 'size': {
        const subject = target ?? args[0] ?? fail(e, 'size() 需要参数', 'size() needs an argument');
        return lowerSize(subject, e, scope);
      }
      case 'startsWith':
      case 'endsWith':
      case 'contains': {
        if (!target) return fail(e, `${fn} 须以方法形式调用，如 person.name.${fn}("张")`, `${fn} must be called as a method`);
        const s = scalar(lower(target, scope), target, STRING);
        const x = scalar(arg(0), argExpr(0), STRING);
        const sql = fn === 'startsWith' ? `starts_with(${s}, ${x})` : fn === 'contains' ? `(strpos(${s}, ${x}) > 0)` : `(right(${s}, length(${x})) = ${x})`;
        return { type: BOOL, sql };
      }
      default:
        return fail(e, `规则中不支持函数“${fn.replace(/^_|_$/g, '')}”`, `function '${fn}' is not supported in policy rules`);
    }
  };

  /** Iterating household.members: a correlated sub-query over the member rows. */
  const members = (targetExpr: Expr | undefined, variable: string, predicate: Expr, scope: Record<string, Variable>, e: Expr) => {
    if (!targetExpr) return fail(e, '缺少列表', 'the macro needs a list');
    const list = lower(targetExpr, scope);
    if (list.type.kind !== 'list' || list.alias !== aliases.household) {
      return fail(targetExpr, '列表运算只支持 household.members', 'macros are only supported on household.members');
    }
    memberAliasCount += 1;
    const alias = `m${memberAliasCount}`;
    const body = lower(predicate, { ...scope, [variable]: { type: list.type.element, alias } });
    scalar(body, predicate, BOOL);
    return { x: body.sql, from: `FROM ${aliases.personTable} ${alias} WHERE ${alias}.household_id = ${aliases.household}.household_id` };
  };

  /**
   * A macro's name comes from sourceInfo.macroCalls; its list, variable and predicate from the
   * expanded comprehension, because in macroCalls nested macros (has, exists…) are id-only stubs.
   */
  const macroCall = (e: Expr) => {
    const call = macros[String(e.id)]?.exprKind;
    if (call?.case !== 'callExpr' || e.exprKind.case !== 'comprehensionExpr') return null;
    const comprehension = e.exprKind.value;
    const predicate = predicateOf(comprehension.loopStep);
    if (!predicate || !comprehension.iterVar) return null;
    return { name: call.value.function, target: comprehension.iterRange, variable: comprehension.iterVar, predicate };
  };

  const lowerMacro = (e: Expr, scope: Record<string, Variable>): Lowered => {
    const macro = macroCall(e);
    if (!macro) return fail(e, '不支持此列表运算', 'this comprehension is not supported');
    if (macro.name === 'filter') return fail(e, 'filter() 只能接 .size() 计数，如 household.members.filter(m, m.age < 18).size()', 'filter() is supported only inside size()');
    if (!['exists', 'all', 'exists_one'].includes(macro.name)) {
      return fail(e, `不支持 ${macro.name}()，可用 exists、all、exists_one、filter(...).size()`, `macro ${macro.name}() is not supported here`);
    }
    if (scope[macro.variable]) fail(e, `变量名“${macro.variable}”已被使用`, `variable '${macro.variable}' shadows another`);
    const { x, from } = members(macro.target, macro.variable, macro.predicate, scope, e);
    const body =
      macro.name === 'exists' ? 'CASE WHEN bool_or(x) THEN TRUE WHEN bool_or(x IS NULL) THEN NULL ELSE FALSE END'
      : macro.name === 'all' ? 'CASE WHEN bool_or(NOT x) THEN FALSE WHEN bool_or(x IS NULL) THEN NULL ELSE TRUE END'
      : 'CASE WHEN bool_or(x IS NULL) THEN NULL ELSE count(*) FILTER (WHERE x) = 1 END';
    return { type: BOOL, sql: `(SELECT ${body} FROM (SELECT ${x} AS x ${from}) s)` };
  };

  const lowerSize = (subject: Expr, e: Expr, scope: Record<string, Variable>): Lowered => {
    const macro = subject.exprKind.case === 'comprehensionExpr' ? macroCall(subject) : null;
    if (macro?.name === 'filter') {
      if (scope[macro.variable]) fail(subject, `变量名“${macro.variable}”已被使用`, `variable '${macro.variable}' shadows another`);
      const { x, from } = members(macro.target, macro.variable, macro.predicate, scope, subject);
      return { type: INT, sql: `(SELECT CASE WHEN bool_or(x IS NULL) THEN NULL ELSE count(*) FILTER (WHERE x) END FROM (SELECT ${x} AS x ${from}) s)`, bound: 100 };
    }
    const r = lower(subject, scope);
    if (r.type.kind === 'string') return { type: INT, sql: `length(${r.sql})`, bound: 10_000 };
    if (r.type.kind === 'list' && r.alias === aliases.household) {
      return { type: INT, sql: `(SELECT count(*) FROM ${aliases.personTable} ms WHERE ms.household_id = ${aliases.household}.household_id)`, bound: 100 };
    }
    return fail(e, `不能对 ${typeName(r.type)} 求 size()`, `size() of ${typeName(r.type)} is not supported`);
  };

  const root: Record<string, Variable> = {
    person: { type: ROOT_VARIABLES.person, alias: aliases.person },
    household: { type: ROOT_VARIABLES.household, alias: aliases.household },
  };
  const result = lower(parsed.expr, root);
  if (!sameType(result.type, expected)) {
    throw new RuleError(`规则结果应为 ${typeName(expected)}，实际为 ${typeName(result.type)}`, `the rule must give ${typeName(expected)}, not ${typeName(result.type)}`, 0);
  }
  return { type: result.type, sql: result.sql };
}

/** The per-element predicate in a macro's loop step (exists/all: `@result op p`; exists_one/filter: `p ? … : …`). */
export function predicateOf(step: Expr | undefined): Expr | undefined {
  if (step?.exprKind.case !== 'callExpr') return undefined;
  const { function: fn, args } = step.exprKind.value;
  if (fn === '_||_' || fn === '_&&_') return args[1];
  if (fn === '_?_:_') return args[0];
  return undefined;
}
