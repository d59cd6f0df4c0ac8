/** Turns JSON-schema validation failures into field problems with Chinese and English text. */
import type { FastifySchemaValidationError } from 'fastify';
import type { FieldProblem } from '../errors.js';

export function problemsFromValidation(errors: FastifySchemaValidationError[], context: string): FieldProblem[] {
  return errors.map((error) => {
    const params = error.params as Record<string, unknown>;
    const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field = params.missingProperty ? [path, params.missingProperty].filter(Boolean).join('.') : path || context;
    return { field, message: chineseMessage(error.keyword, params) ?? error.message ?? 'invalid' };
  });
}

function chineseMessage(keyword: string, params: Record<string, unknown>): string | null {
  switch (keyword) {
    case 'required':
      return '必填';
    case 'type':
      return `类型应为 ${params.type}`;
    case 'minLength':
      return `至少 ${params.limit} 个字符`;
    case 'maxLength':
      return `最多 ${params.limit} 个字符`;
    case 'minimum':
      return `不能小于 ${params.limit}`;
    case 'maximum':
      return `不能大于 ${params.limit}`;
    case 'pattern':
      return '格式不正确';
    case 'format':
      return `格式应为 ${params.format}`;
    case 'enum':
      return `取值应为：${(params.allowedValues as unknown[]).join('、')}`;
    case 'additionalProperties':
      return `不允许的字段 ${params.additionalProperty}`;
    case 'maxItems':
      return `最多 ${params.limit} 项`;
    case 'minItems':
      return `至少 ${params.limit} 项`;
    default:
      return null;
  }
}
