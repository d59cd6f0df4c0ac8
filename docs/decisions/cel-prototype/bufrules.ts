// Prototype B: @bufbuild/cel parse (canonical cel.expr AST) + huimin-owned checker/lowering for the SQL-compilable subset
// + evaluation with plan() + explanation via plan() of sub-expressions.
import {parse, plan, celEnv, isCelError, CelScalar, mapType, type CelEnv} from '@bufbuild/cel'
import type {Expr, ParsedExpr} from '@bufbuild/cel-spec/cel/expr/syntax_pb.js'

type T = {k: 'bool' | 'int' | 'double' | 'string'} | {k: 'list'; elem: T} | {k: 'obj'; name: string}
const B: T = {k: 'bool'}, I: T = {k: 'int'}, D: T = {k: 'double'}, S: T = {k: 'string'}
const show = (t: T): string => t.k === 'list' ? `list<${show(t.elem)}>` : t.k === 'obj' ? t.name : t.k
const same = (a: T, b: T): boolean => show(a) === show(b)
// documented subject schema: field -> type and SQL column (null = not a column)
const SCHEMA: Record<string, Record<string, {t: T; col: string | null; nullable?: boolean}>> = {
  Person: {id: {t: I, col: 'id'}, age: {t: I, col: 'age'}, name: {t: S, col: 'name'}, disability: {t: {k: 'obj', name: 'Disability'}, col: null, nullable: true}},
  Member: {id: {t: I, col: 'id'}, age: {t: I, col: 'age'}, name: {t: S, col: 'name'}, relation: {t: S, col: 'relation'}, stage: {t: S, col: 'stage'}, disability: {t: {k: 'obj', name: 'Disability'}, col: null, nullable: true}},
  Household: {id: {t: I, col: 'id'}, dibao: {t: B, col: 'dibao'}, size: {t: I, col: 'size'}, region: {t: S, col: 'region'}, members: {t: {k: 'list', elem: {k: 'obj', name: 'Member'}}, col: null}},
  Disability: {grade: {t: I, col: 'disability_grade'}, kind: {t: S, col: 'disability_kind'}},
}
export class RuleError extends Error { constructor(msg: string, public offset: number) { super(msg) } }

interface Scope {[name: string]: {t: T; alias: string}} // alias: SQL alias of the row behind the variable
export interface Compiled {parsed: ParsedExpr & {expr: Expr}; sql: string; params: unknown[]; eval: (ctx: Record<string, unknown>) => unknown; explain: (ctx: Record<string, unknown>) => unknown}

const D_MAP = mapType(CelScalar.STRING, CelScalar.DYN)
export function compile(src: string): Compiled {
  let parsed
  try { parsed = parse(src) } catch (e: any) { throw new RuleError(e.message, e.location?.start?.offset ?? 0) }
  const pos = (e: Expr) => parsed.sourceInfo?.positions[String(e.id)] ?? 0
  const macros = parsed.sourceInfo?.macroCalls ?? {}
  const params: unknown[] = []
  const P = (v: unknown, cast: string) => { params.push(v); return `$${params.length}::${cast}` }
  let n = 0
  const err = (e: Expr, m: string): never => { throw new RuleError(m, pos(e)) }

  const lower = (e: Expr, sc: Scope): {t: T; sql: string; row?: {alias: string; obj: string}} => {
    const k = e.exprKind
    switch (k.case) {
      case 'constExpr': {
        const c = k.value.constantKind
        if (c.case === 'int64Value') { if (c.value > 9223372036854775807n || c.value < -9223372036854775808n) err(e, 'int literal out of range'); return {t: I, sql: P(c.value.toString(), 'bigint')} }
        if (c.case === 'doubleValue') return {t: D, sql: P(c.value, 'float8')}
        if (c.case === 'stringValue') { if (c.value.length > 1000) err(e, 'string literal too long'); return {t: S, sql: P(c.value, 'text')} }
        if (c.case === 'boolValue') return {t: B, sql: c.value ? 'TRUE' : 'FALSE'}
        return err(e, `${c.case} literals are not supported`)
      }
      case 'identExpr': {
        const v = sc[k.value.name] ?? err(e, `undeclared reference to '${k.value.name}'`)
        return {t: v.t, sql: '<row>', row: {alias: v.alias, obj: v.t.k === 'obj' ? v.t.name : ''}}
      }
      case 'selectExpr': {
        const op = k.value.operand ?? err(e, 'bad select')
        const o = lower(op, sc)
        if (o.t.k !== 'obj' || !o.row) return err(e, `type '${show(o.t)}' has no fields`)
        const f = SCHEMA[o.t.name]?.[k.value.field] ?? err(e, `undefined field '${k.value.field}' on type '${o.t.name}'`)
        if (k.value.testOnly) { // has(x.f)
          if (!f.nullable) return {t: B, sql: 'TRUE'}
          return {t: B, sql: `(${o.row.alias}.${SCHEMA.Disability!.grade!.col} IS NOT NULL)`}
        }
        if (f.col) return {t: f.t, sql: `${o.row.alias}.${f.col}`}
        return {t: f.t, sql: '<row>', row: {alias: o.row.alias, obj: f.t.k === 'obj' ? f.t.name : 'list'}}
      }
      case 'comprehensionExpr': {
        const m = macros[String(e.id)]?.exprKind
        if (m?.case !== 'callExpr') return err(e, 'comprehensions are only supported through macros')
        const name = m.value.function, [v, pred] = m.value.args
        if (!['exists', 'all', 'exists_one'].includes(name) || !v || !pred || v.exprKind.case !== 'identExpr') return err(e, `macro ${name}() is not supported here`)
        const {x, from} = iter(m.value.target, v.exprKind.value.name, pred, sc, e)
        const body = name === 'exists' ? 'CASE WHEN bool_or(x) THEN TRUE WHEN bool_or(x IS NULL) THEN NULL ELSE FALSE END'
          : name === 'all' ? 'CASE WHEN bool_or(NOT x) THEN FALSE WHEN bool_or(x IS NULL) THEN NULL ELSE TRUE END'
          : 'CASE WHEN bool_or(x IS NULL) THEN NULL ELSE count(*) FILTER (WHERE x) = 1 END'
        return {t: B, sql: `(SELECT ${body} FROM (SELECT ${x} AS x ${from}) s)`}
      }
      case 'callExpr': {
        const f = k.value.function, args = k.value.args, tgt = k.value.target
        const L = (i: number) => lower(args[i] ?? err(e, 'missing argument'), sc)
        const need = (r: {t: T; sql: string}, t: T, at: Expr) => { if (!same(r.t, t)) err(at, `expected ${show(t)} but got ${show(r.t)}`); return r.sql }
        switch (f) {
          case '_&&_': case '_||_': return {t: B, sql: `(${need(L(0), B, args[0]!)} ${f === '_&&_' ? 'AND' : 'OR'} ${need(L(1), B, args[1]!)})`}
          case '!_': return {t: B, sql: `(NOT ${need(L(0), B, args[0]!)})`}
          case '_?_:_': { const a = L(1), b = L(2); if (!same(a.t, b.t)) err(e, 'branches of ?: differ in type'); return {t: a.t, sql: `(CASE WHEN ${need(L(0), B, args[0]!)} THEN ${a.sql} ELSE ${b.sql} END)`} }
          case '_==_': case '_!=_': case '_<_': case '_<=_': case '_>_': case '_>=_': {
            const a = L(0), b = L(1)
            if (!same(a.t, b.t) || !['int', 'double', 'string', 'bool'].includes(a.t.k)) err(e, `no matching overload for '${f}' applied to (${show(a.t)}, ${show(b.t)})`)
            const op = {_EQ: '=', '_==_': '=', '_!=_': '<>', '_<_': '<', '_<=_': '<=', '_>_': '>', '_>=_': '>='}[f]
            return {t: B, sql: `(${a.sql} ${op} ${b.sql})`}
          }
          case '_+_': case '_-_': case '_*_': case '_/_': case '_%_': {
            const a = L(0), b = L(1)
            if (!same(a.t, b.t) || !(a.t.k === 'int' || (a.t.k === 'double' && f !== '_%_'))) err(e, `no matching overload for '${f}' applied to (${show(a.t)}, ${show(b.t)})`)
            const op = f.slice(1, 2)
            if (f === '_/_' || f === '_%_') return {t: a.t, sql: a.t.k === 'int' ? `(CASE WHEN ${b.sql} = 0 THEN NULL ELSE ${a.sql} ${op} ${b.sql} END)` : `(${a.sql} / NULLIF(${b.sql}, 0))` /* TODO: CEL double /0 = ±Inf */}
            return {t: a.t, sql: `(${a.sql} ${op} ${b.sql})`}
          }
          case '@in': {
            const a = L(0), list = args[1]!
            if (list.exprKind.case !== 'listExpr') return err(list, '`in` needs a list literal')
            const vals = list.exprKind.value.elements.map((x) => { if (x.exprKind.case !== 'constExpr') err(x, 'list elements must be literals'); const save = params.length; const r = lower(x, sc); params.length = save; need(r, a.t, x); return (x.exprKind.value as any).constantKind.value })
            return {t: B, sql: `(${a.sql} = ANY(${P(vals.map(String), a.t.k === 'int' ? 'bigint[]' : 'text[]')}))`}
          }
          case 'size': { const x = tgt ?? args[0] ?? err(e, 'size() needs an argument'); return sizeOf(x, sc, e) }
          case 'startsWith': case 'endsWith': case 'contains': {
            if (!tgt) return err(e, `${f} must be called as a method`)
            const s = need(lower(tgt, sc), S, tgt), a = need(L(0), S, args[0]!)
            return {t: B, sql: f === 'startsWith' ? `starts_with(${s}, ${a})` : f === 'contains' ? `(strpos(${s}, ${a}) > 0)` : `(right(${s}, length(${a})) = ${a})`}
          }
          default: return err(e, `function '${f}' is not supported in policy rules`)
        }
      }
      default: return err(e, `${k.case} is not supported in policy rules`)
    }
  }
  const iter = (target: Expr | undefined, v: string, pred: Expr, sc: Scope, at: Expr) => {
    if (!target) return err(at, 'macro needs a receiver')
    const r = lower(target, sc)
    if (r.t.k !== 'list' || !r.row || r.row.alias !== 'h') return err(target, 'macros are only supported on household.members')
    const alias = `m${++n}`
    const x = lower(pred, {...sc, [v]: {t: r.t.elem, alias}})
    if (!same(x.t, B)) err(pred, 'predicate must be bool')
    return {x: x.sql, from: `FROM person ${alias} WHERE ${alias}.household_id = h.id`}
  }
  const sizeOf = (x: Expr, sc: Scope, at: Expr): {t: T; sql: string} => {
    const m = macros[String(x.id)]?.exprKind
    if (x.exprKind.case === 'comprehensionExpr' && m?.case === 'callExpr' && m.value.function === 'filter' && m.value.args[0]?.exprKind.case === 'identExpr') {
      const {x: e, from} = iter(m.value.target, m.value.args[0].exprKind.value.name, m.value.args[1]!, sc, x)
      return {t: I, sql: `(SELECT CASE WHEN bool_or(x IS NULL) THEN NULL ELSE count(*) FILTER (WHERE x) END FROM (SELECT ${e} AS x ${from}) s)`}
    }
    const r = lower(x, sc)
    if (r.t.k === 'string') return {t: I, sql: `length(${r.sql})`}
    if (r.t.k === 'list' && r.row?.alias === 'h') return {t: I, sql: '(SELECT count(*) FROM person mm WHERE mm.household_id = h.id)'}
    return err(at, `size() of ${show(r.t)} is not supported`)
  }
  const root = lower(parsed.expr, {person: {t: {k: 'obj', name: 'Person'}, alias: 'p'}, household: {t: {k: 'obj', name: 'Household'}, alias: 'h'}})
  if (root.t.k !== 'bool') throw new RuleError(`rule must be bool, got ${show(root.t)}`, 0)

  // evaluation + explanation, all values computed by @bufbuild/cel
  const envs = new Map<string, CelEnv>()
  const envFor = (vars: string[]) => { const key = vars.join(','); let e = envs.get(key); if (!e) { const v: Record<string, typeof D_MAP> = {person: D_MAP, household: D_MAP}; for (const x of vars) v[x] = D_MAP; e = celEnv({variables: v}); envs.set(key, e) } return e }
  const plans = new WeakMap<Expr, (c: any) => unknown>()
  const run = (e: Expr, vars: string[], ctx: Record<string, unknown>) => { let f = plans.get(e); if (!f) { f = plan(envFor(vars), e) as (c: any) => unknown; plans.set(e, f) } const r = f(ctx); return isCelError(r) ? {error: r.message} : {value: r} }
  const explain = (e: Expr, vars: string[], ctx: Record<string, unknown>): any => {
    const node: any = {at: pos(e), ...run(e, vars, ctx)}
    const k = e.exprKind
    if (k.case === 'callExpr' && ['_&&_', '_||_', '!_'].includes(k.value.function)) node.children = k.value.args.map((a) => explain(a, vars, ctx))
    else if (k.case === 'callExpr' && /^_(==|!=|<|<=|>|>=)_$/.test(k.value.function)) node.operands = k.value.args.filter((a) => a.exprKind.case !== 'constExpr').map((a) => ({at: pos(a), ...run(a, vars, ctx)}))
    else if (k.case === 'comprehensionExpr') {
      const m = macros[String(e.id)]?.exprKind
      if (m?.case === 'callExpr' && m.value.target && m.value.args[0]?.exprKind.case === 'identExpr') {
        const v = m.value.args[0].exprKind.value.name, list = run(m.value.target, vars, ctx).value as Iterable<unknown> | undefined
        node.macro = m.value.function
        node.items = [...(list ?? [])].map((item, i) => ({index: i, ...explain(m.value.args[1]!, [...vars, v], {...ctx, [v]: item})}))
      }
    }
    return node
  }
  const whole = plan(envFor([]), parsed)
  return {parsed, sql: root.sql, params, eval: (ctx) => { const r = whole(ctx as any); return isCelError(r) ? 'error' : r }, explain: (ctx) => explain(parsed.expr, [], ctx)}
}
