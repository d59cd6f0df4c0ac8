// Prototype: CEL rule -> check (positions) -> SQL (bound params) + explanation tree, using @marcbachmann/cel-js.
import {Environment, serialize, type ASTNode, type TypeCheckResult} from '@marcbachmann/cel-js'

// ---------- schema (documented typed subject) ----------
export function makeEnv(): Environment {
  return new Environment({limits: {maxAstNodes: 2000, maxDepth: 32, maxListElements: 200}})
    .registerType('Disability', {fields: {grade: 'int', kind: 'string'}})
    .registerType('Member', {fields: {id: 'int', age: 'int', relation: 'string', name: 'string', disability: 'Disability', stage: 'string'}})
    .registerType('Household', {fields: {id: 'int', dibao: 'bool', size: 'int', region: 'string', members: 'list<Member>'}})
    .registerType('Person', {fields: {id: 'int', age: 'int', name: 'string', disability: 'Disability'}})
    .registerVariable('person', 'Person')
    .registerVariable('household', 'Household')
}

// checkedType is set on nodes by check() but is not in the published .d.ts
type Checked = ASTNode & {checkedType?: {name: string}}
const typeOf = (n: ASTNode): string => (n as Checked).checkedType?.name ?? '?'

export interface RuleError {kind: 'parse' | 'type' | 'unsupported'; message: string; start: number; end: number}

export function checkRule(env: Environment, src: string): {ok: true; ast: ASTNode} | {ok: false; error: RuleError} {
  let prog
  try { prog = env.parse(src) } catch (e: any) {
    return {ok: false, error: {kind: 'parse', message: e.summary ?? e.message, start: e.range?.start ?? 0, end: e.range?.end ?? 0}}
  }
  const res: TypeCheckResult = prog.check()
  if (!res.valid) {
    const e: any = res.error
    return {ok: false, error: {kind: 'type', message: e.summary ?? e.message, start: e.range?.start ?? 0, end: e.range?.end ?? 0}}
  }
  if (res.type !== 'bool') return {ok: false, error: {kind: 'type', message: `rule must be bool, got ${res.type}`, start: 0, end: src.length}}
  try { toSql(prog.ast) } catch (e: any) {
    if (e instanceof Unsupported) return {ok: false, error: {kind: 'unsupported', message: e.message, start: e.node.start, end: e.node.end}}
    throw e
  }
  return {ok: true, ast: prog.ast}
}

// ---------- SQL compiler (error == NULL; CEL's commutative &&/|| error absorption == SQL 3-valued logic) ----------
export class Unsupported extends Error { constructor(msg: string, public node: ASTNode) { super(msg) } }
const COLS: Record<string, Record<string, string>> = {
  Person: {id: 'id', age: 'age', name: 'name'},
  Member: {id: 'id', age: 'age', name: 'name', relation: 'relation', stage: 'stage'},
  Household: {id: 'id', dibao: 'dibao', size: 'size', region: 'region'},
  Disability: {grade: 'disability_grade', kind: 'disability_kind'},
}
const BINOPS: Record<string, string> = {'==': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=', '+': '+', '-': '-', '*': '*'}

export function toSql(ast: ASTNode): {sql: string; params: unknown[]} {
  const params: unknown[] = []
  const p = (v: unknown) => { params.push(typeof v === 'bigint' ? v.toString() : v); return `$${params.length}` }
  let aliasN = 0
  // scope: CEL identifier -> SQL alias of a person row; 'household' -> h
  const go = (n: ASTNode, scope: Map<string, string>): string => {
    switch (n.op) {
      case 'value': {
        const v = n.args
        if (typeof v === 'bigint') return `${p(v)}::bigint`
        if (typeof v === 'string') return `${p(v)}::text`
        if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
        if (typeof v === 'number') return `${p(v)}::float8`
        throw new Unsupported(`literal of type ${typeOf(n)} is not supported in SQL`, n)
      }
      case '&&': return `(${go(n.args[0], scope)} AND ${go(n.args[1], scope)})`
      case '||': return `(${go(n.args[0], scope)} OR ${go(n.args[1], scope)})`
      case '!_': return `(NOT ${go(n.args, scope)})`
      case '?:': return `(CASE WHEN ${go(n.args[0], scope)} THEN ${go(n.args[1], scope)} ELSE ${go(n.args[2], scope)} END)`
      case '/': case '%': {
        const [a, b] = [go(n.args[0], scope), go(n.args[1], scope)]
        if (typeOf(n) !== 'int') throw new Unsupported(`${n.op} on ${typeOf(n)} not supported`, n)
        // CEL: division by zero is an error -> NULL (per-subject error), never a query failure
        return `(CASE WHEN ${b} = 0 THEN NULL ELSE ${a} ${n.op} ${b} END)`
      }
      case 'in': {
        const list = n.args[1]
        if (list.op !== 'list') throw new Unsupported('`in` needs a list literal', n)
        return `(${go(n.args[0], scope)} = ANY(${p(list.args.map((x) => x.op === 'value' ? String(x.args) : (() => { throw new Unsupported('list elements must be literals', x) })()))}::${typeOf(n.args[0]) === 'int' ? 'bigint' : 'text'}[]))`
      }
      case '.': {
        const [obj, field] = n.args
        if (obj.op === 'id') {
          const alias = obj.args === 'household' ? 'h' : scope.get(obj.args)
          const col = COLS[typeOf(obj)]?.[field]
          if (!alias || !col) throw new Unsupported(`field ${obj.args}.${field} has no SQL column`, n)
          return `${alias}.${col}`
        }
        if (obj.op === '.' && typeOf(obj) === 'Disability') { // person.disability.grade -> flattened column
          const base = obj.args[0]
          const alias = base.op === 'id' ? scope.get(base.args) : undefined
          const col = COLS.Disability?.[field]
          if (!alias || !col) throw new Unsupported('unsupported nested field', n)
          return `${alias}.${col}`
        }
        throw new Unsupported(`field access on ${typeOf(obj)} not supported`, n)
      }
      case 'call': {
        const [name, args] = n.args
        if (name === 'has' && args[0]?.op === '.') { // has(x.disability) -> flattened columns present
          const [obj, f] = args[0].args
          const alias = obj.op === 'id' ? scope.get(obj.args) : undefined
          if (alias && f === 'disability') return `(${alias}.disability_grade IS NOT NULL)`
        }
        if (name === 'size' && args[0]) return sizeOf(args[0], scope)
        throw new Unsupported(`function ${name}() is not supported in SQL`, n)
      }
      case 'rcall': {
        const [name, recv, args] = n.args
        if (name === 'startsWith') return `starts_with(${go(recv, scope)}, ${go(args[0]!, scope)})`
        if (name === 'contains') return `(strpos(${go(recv, scope)}, ${go(args[0]!, scope)}) > 0)`
        if (name === 'size' && args.length === 0) return sizeOf(recv, scope)
        if (['exists', 'all', 'exists_one'].includes(name)) {
          const {x, from} = comprehension(recv, args, scope, n)
          if (name === 'exists') return `(SELECT CASE WHEN bool_or(x) THEN TRUE WHEN bool_or(x IS NULL) THEN NULL ELSE FALSE END FROM (SELECT ${x} AS x ${from}) s)`
          if (name === 'all') return `(SELECT CASE WHEN bool_or(NOT x) THEN FALSE WHEN bool_or(x IS NULL) THEN NULL ELSE TRUE END FROM (SELECT ${x} AS x ${from}) s)`
          return `(SELECT CASE WHEN bool_or(x IS NULL) THEN NULL ELSE count(*) FILTER (WHERE x) = 1 END FROM (SELECT ${x} AS x ${from}) s)`
        }
        throw new Unsupported(`method ${name}() is not supported in SQL`, n)
      }
      case 'id': throw new Unsupported(`bare ${n.args} cannot be used as a value`, n)
      default: {
        const op = BINOPS[n.op]
        if (op) {
          const [a, b] = n.args as [ASTNode, ASTNode]
          return `(${go(a, scope)} ${op} ${go(b, scope)})`
        }
        throw new Unsupported(`operator ${n.op} not supported in SQL`, n)
      }
    }
  }
  const comprehension = (recv: ASTNode, args: ASTNode[], scope: Map<string, string>, n: ASTNode) => {
    if (!(recv.op === '.' && recv.args[1] === 'members' && typeOf(recv.args[0]) === 'Household')) throw new Unsupported('macros are only supported on household.members', n)
    const v = args[0]!, pred = args[1]!
    if (v.op !== 'id') throw new Unsupported('bad iteration variable', v)
    const alias = `m${++aliasN}`
    const inner = new Map(scope).set(v.args, alias)
    return {x: go(pred, inner), from: `FROM person ${alias} WHERE ${alias}.household_id = h.id`}
  }
  const sizeOf = (x: ASTNode, scope: Map<string, string>): string => {
    if (x.op === 'rcall' && x.args[0] === 'filter') {
      const {x: e, from} = comprehension(x.args[1], x.args[2], scope, x)
      return `(SELECT CASE WHEN bool_or(x IS NULL) THEN NULL ELSE count(*) FILTER (WHERE x) END FROM (SELECT ${e} AS x ${from}) s)`
    }
    if (x.op === '.' && x.args[1] === 'members') return `(SELECT count(*) FROM person mm WHERE mm.household_id = h.id)`
    throw new Unsupported('size() only on household.members[.filter(...)]', x)
  }
  const sql = go(ast, new Map([['person', 'p']]))
  return {sql, params}
}

// ---------- explanation tree, every value computed by the library (sub-programs compiled once per node) ----------
export interface Explain {expr: string; start: number; end: number; value: unknown; error?: string; children?: Explain[]; items?: {index: number; value: unknown; children?: Explain[]}[]}
type Prog = (ctx: Record<string, unknown>) => unknown
export function makeExplainer(env: Environment, ast: ASTNode) {
  const cache = new Map<ASTNode, Prog>()
  const envFor = new Map<string, Environment>() // key: "m:Member,..." -> child env with comprehension vars
  const progOf = (n: ASTNode, vars: [string, string][]): Prog => {
    let f = cache.get(n)
    if (!f) {
      const key = vars.map((v) => v.join(':')).join(',')
      let e = envFor.get(key)
      if (!e) { e = env.clone(); for (const [name, t] of vars) e.registerVariable(name, t); envFor.set(key, e) }
      const prog = e.parse(serialize(n)); prog.check()
      f = prog as Prog
      cache.set(n, f)
    }
    return f
  }
  const ev = (n: ASTNode, vars: [string, string][], ctx: Record<string, unknown>): {value: unknown; error?: string} => {
    try { return {value: progOf(n, vars)(ctx)} } catch (e: any) { return {value: undefined, error: e.summary ?? e.message} }
  }
  const walk = (n: ASTNode, vars: [string, string][], ctx: Record<string, unknown>): Explain => {
    const base = {expr: n.input.slice(n.start, n.end), start: n.start, end: n.end, ...ev(n, vars, ctx)}
    switch (n.op) {
      case '&&': case '||': return {...base, children: [walk(n.args[0], vars, ctx), walk(n.args[1], vars, ctx)]}
      case '!_': return {...base, children: [walk(n.args, vars, ctx)]}
      case 'rcall': {
        const [name, recv, args] = n.args
        if (['exists', 'all', 'exists_one', 'filter'].includes(name) && args[0]?.op === 'id') {
          const elemType = typeOf(recv).replace(/^list<(.*)>$/, '$1')
          const list = ev(recv, vars, ctx).value as unknown[] | undefined
          const v: [string, string][] = [...vars, [args[0].args, elemType]]
          return {...base, items: (list ?? []).map((item, index) => { const t = walk(args[1]!, v, {...ctx, [(args[0] as any).args]: item}); return {index, value: t.value, children: t.children} })}
        }
        return base
      }
      default:
        if (['==', '!=', '<', '<=', '>', '>='].includes(n.op)) {
          const [a, b] = n.args as [ASTNode, ASTNode]
          return {...base, children: [a, b].filter((x) => x.op !== 'value').map((x) => ({expr: x.input.slice(x.start, x.end), start: x.start, end: x.end, ...ev(x, vars, ctx)}))}
        }
        return base
    }
  }
  return (ctx: Record<string, unknown>) => walk(ast, [], ctx)
}
