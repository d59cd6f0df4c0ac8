/**
 * Parsing a rule's source with @bufbuild/cel, behind limits: the parser recurses, so a huge
 * or deeply nested source would overflow the stack — those are refused before it runs.
 */
import { parse } from '@bufbuild/cel';
import type { Expr, ParsedExpr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';

export const MAX_RULE_LENGTH = 4000;
export const MAX_NESTING = 24;
export const MAX_NODES = 400;

export type ParsedRule = ParsedExpr & { expr: Expr };

/** A rule refused at save time: a Chinese and English message and the source offset it points at. */
export class RuleError extends Error {
  constructor(readonly zh: string, readonly en: string, readonly offset: number) {
    super(en);
  }
}

/** Bracket depth outside string literals, so nesting is refused before the recursive parser sees it. */
function deepestNesting(source: string): { depth: number; at: number } {
  let depth = 0;
  let deepest = { depth: 0, at: 0 };
  let quote: string | null = null;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') {
      depth += 1;
      if (depth > deepest.depth) deepest = { depth, at: i };
    } else if (c === ')' || c === ']' || c === '}') depth -= 1;
  }
  return deepest;
}

export function parseRule(source: string): ParsedRule {
  if (source.trim() === '') throw new RuleError('规则不能为空', 'the rule is empty', 0);
  if (source.length > MAX_RULE_LENGTH) {
    throw new RuleError(`规则过长（${source.length} 字符，上限 ${MAX_RULE_LENGTH}）`, `the rule is too long (${source.length} characters, limit ${MAX_RULE_LENGTH})`, MAX_RULE_LENGTH);
  }
  const nesting = deepestNesting(source);
  if (nesting.depth > MAX_NESTING) {
    throw new RuleError(`括号嵌套过深（${nesting.depth} 层，上限 ${MAX_NESTING}）`, `brackets nest too deep (${nesting.depth}, limit ${MAX_NESTING})`, nesting.at);
  }
  let parsed: ParsedRule;
  try {
    parsed = parse(source);
  } catch (error) {
    const offset = (error as { location?: { start?: { offset?: number } } }).location?.start?.offset ?? 0;
    const detail = String((error as Error).message).replace(/^<input>:\d+:\d+:\s*/, '');
    throw new RuleError(`语法错误（第 ${offset + 1} 个字符附近）：${translateSyntax(detail)}`, `syntax error near character ${offset + 1}: ${detail}`, offset);
  }
  const nodes = countNodes(parsed.expr);
  if (nodes > MAX_NODES) throw new RuleError(`规则过于复杂（${nodes} 个节点，上限 ${MAX_NODES}）`, `the rule is too complex (${nodes} nodes, limit ${MAX_NODES})`, 0);
  return parsed;
}

function translateSyntax(detail: string): string {
  return detail
    .replace(/^found (.+) but expecting (.+)$/, '此处为 $1，应为 $2')
    .replace('end of input', '表达式结尾');
}

function countNodes(expr: Expr | undefined): number {
  if (!expr) return 0;
  const k = expr.exprKind;
  switch (k.case) {
    case 'callExpr':
      return 1 + countNodes(k.value.target) + k.value.args.reduce((n, a) => n + countNodes(a), 0);
    case 'selectExpr':
      return 1 + countNodes(k.value.operand);
    case 'listExpr':
      return 1 + k.value.elements.reduce((n, a) => n + countNodes(a), 0);
    case 'structExpr':
      return 1 + k.value.entries.reduce((n, e) => n + countNodes(e.value) + (e.keyKind.case === 'mapKey' ? countNodes(e.keyKind.value) : 0), 0);
    case 'comprehensionExpr':
      return 1 + countNodes(k.value.iterRange) + countNodes(k.value.loopStep) + countNodes(k.value.loopCondition) + countNodes(k.value.result) + countNodes(k.value.accuInit);
    default:
      return 1;
  }
}
