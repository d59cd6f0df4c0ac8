/**
 * In-memory evaluation of a checked rule for one subject, with @bufbuild/cel (the
 * conformance-tested evaluator), and the explanation tree: every clause, the value it had,
 * and for exists/all over members, one branch per member. Values of sub-expressions come
 * from planning the sub-expression itself, so the explanation never disagrees with the result.
 */
import { celEnv, CelScalar, isCelError, isCelList, isCelMap, mapType, plan, unparse, type CelEnv } from '@bufbuild/cel';
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import type { ExplanationNode } from '../../../contracts/policies.js';
import { predicateOf } from './lower.js';
import type { ParsedRule } from './parse.js';

const OBJECT = mapType(CelScalar.STRING, CelScalar.DYN);

export interface Bindings {
  person: Record<string, unknown> | undefined;
  household: Record<string, unknown>;
}

export type EvalResult = { ok: true; value: unknown } | { ok: false; error: string };

type Planned = (bindings: Record<string, unknown>) => unknown;

/** A rule ready to evaluate many times; plans are cached per sub-expression. */
export class PlannedRule {
  private readonly envs = new Map<string, CelEnv>();
  private readonly plans = new WeakMap<Expr, Planned>();
  private readonly whole: Planned;

  constructor(private readonly parsed: ParsedRule, private readonly source: string) {
    this.whole = plan(this.env([]), parsed) as Planned;
  }

  evaluate(bindings: Bindings): EvalResult {
    return toResult(this.whole(activation(bindings)));
  }

  /** `memberNames` maps a member's id (bigint) to the name shown on its branch. */
  explain(bindings: Bindings, memberNames: Map<bigint, string>): ExplanationNode {
    return this.explainNode(this.parsed.expr, [], activation(bindings), memberNames);
  }

  private env(extra: string[]): CelEnv {
    const key = extra.join(',');
    let env = this.envs.get(key);
    if (!env) {
      const variables: Record<string, typeof OBJECT> = { person: OBJECT, household: OBJECT };
      for (const name of extra) variables[name] = OBJECT;
      env = celEnv({ variables });
      this.envs.set(key, env);
    }
    return env;
  }

  private run(expr: Expr, extra: string[], bindings: Record<string, unknown>): EvalResult {
    let planned = this.plans.get(expr);
    if (!planned) {
      planned = plan(this.env(extra), { ...this.parsed, expr } as ParsedRule) as Planned;
      this.plans.set(expr, planned);
    }
    return toResult(planned(bindings));
  }

  private text(expr: Expr): string {
    try {
      return unparse({ ...this.parsed, expr } as ParsedRule);
    } catch {
      return this.source;
    }
  }

  private explainNode(expr: Expr, extra: string[], bindings: Record<string, unknown>, names: Map<bigint, string>): ExplanationNode {
    const result = this.run(expr, extra, bindings);
    const node: ExplanationNode = { text: this.text(expr), ...describe(result) };
    const k = expr.exprKind;
    if (k.case === 'callExpr') {
      const fn = k.value.function;
      if (fn === '_&&_' || fn === '_||_' || fn === '!_' || fn === '_?_:_') {
        node.children = k.value.args.map((arg) => this.explainNode(arg, extra, bindings, names));
      } else if (/^_(==|!=|<|<=|>|>=|\+|-|\*|\/|%)_$/.test(fn) || fn === '@in' || fn === 'size') {
        // Show the values the comparison saw; literals speak for themselves.
        node.children = [...(k.value.target ? [k.value.target] : []), ...k.value.args]
          .filter((arg) => arg.exprKind.case !== 'constExpr' && arg.exprKind.case !== 'listExpr')
          .map((arg) => this.explainNode(arg, extra, bindings, names));
      }
    } else if (k.case === 'comprehensionExpr') {
      // The expanded form, not sourceInfo.macroCalls: there nested macros are id-only stubs.
      const predicate = predicateOf(k.value.loopStep);
      if (k.value.iterRange && predicate) {
        const variable = k.value.iterVar;
        const list = this.run(k.value.iterRange, extra, bindings);
        const items = list.ok && isCelList(list.value) ? [...list.value] : [];
        node.items = items.map((item) => ({
          memberName: names.get(memberId(item)) ?? '',
          ...this.explainNode(predicate, [...extra, variable], { ...bindings, [variable]: item }, names),
        }));
      }
    }
    return node;
  }
}

function memberId(item: unknown): bigint {
  const id = isCelMap(item) ? item.get('id') : (item as Record<string, unknown> | null)?.id;
  return typeof id === 'bigint' ? id : -1n;
}

function activation(bindings: Bindings): Record<string, unknown> {
  const values: Record<string, unknown> = { household: bindings.household };
  if (bindings.person) values.person = bindings.person;
  return values;
}

function toResult(value: unknown): EvalResult {
  if (isCelError(value)) return { ok: false, error: translateError(value.message) };
  return { ok: true, value };
}

function describe(result: EvalResult): Pick<ExplanationNode, 'value' | 'error'> {
  if (!result.ok) return { error: result.error };
  const v = result.value;
  if (typeof v === 'bigint') return { value: Number(v) };
  if (typeof v === 'boolean' || typeof v === 'string' || v === null) return { value: v };
  return {};
}

/** CEL runtime errors in the words a caseworker reads. */
export function translateError(message: string): string {
  const key = /no such key: (\w+)|field not found: (\w+)|key '?(\w+)'? not found/i.exec(message);
  if (key) return `缺少信息：${key[1] ?? key[2] ?? key[3]}（未登记该项事实）`;
  if (/divide by zero|division by zero|modulus by zero/i.test(message)) return '除数为零';
  if (/overflow/i.test(message)) return '整数溢出';
  if (/undeclared reference|unresolved attribute/i.test(message)) return '缺少信息：person（该户没有在世的户主）';
  return message;
}
