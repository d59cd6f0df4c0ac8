/**
 * Answers in the format the path asks for (`….xml` or `….json`) and errors in the spec's shape:
 * a list of {code, description}, code being the HTTP status, under `<errors><error>` in XML.
 * Descriptions are English and Chinese, because the reader may be a foreign system's log or the
 * operator of a Chinese one.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../../kernel/errors.js';
import { xmlDocument, type XmlValue } from './xml.js';

export type Format = 'xml' | 'json';
export const FORMATS: readonly Format[] = ['xml', 'json'];

export interface Open311ErrorItem {
  code: number;
  description: string;
}

export class Open311Error extends Error {
  constructor(readonly status: number, readonly errors: Open311ErrorItem[]) {
    super(errors.map((e) => e.description).join('; '));
  }
}

export function open311Error(status: number, description: string): Open311Error {
  return new Open311Error(status, [{ code: status, description }]);
}

/** Problems with named request fields, all reported at once (400). */
export function fieldErrors(problems: Array<{ field: string; message: string }>): Open311Error {
  return new Open311Error(400, problems.map((p) => ({ code: 400, description: `${p.field}: ${p.message}` })));
}

/** `services/noise.json` → {name: 'noise', format: 'json'}; anything else is not one of our paths. */
export function splitFile(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(xml|json)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as Format } : null;
}

export function formatOfUrl(url: string): Format {
  return url.split('?')[0]!.endsWith('.json') ? 'json' : 'xml';
}

/** A document: the root element names it in XML; in JSON a list root is a plain array. */
export function sendDocument(reply: FastifyReply, format: Format, root: string, body: XmlValue, status = 200): FastifyReply {
  reply.code(status);
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  return reply.type('text/xml; charset=utf-8').send(xmlDocument(root, body));
}

/** Field names of the appeals service, as an Open311 client knows them. */
const FIELD_NAMES: Record<string, string> = {
  categoryCode: 'service_code', description: 'description', address: 'address_string', regionCode: 'attribute[region_code]',
  lat: 'lat', lng: 'long', contactPhone: 'phone', contactName: 'first_name/last_name', 'Idempotency-Key': 'Idempotency-Key',
};

export function open311Problems(problems: FieldProblem[]): Array<{ field: string; message: string }> {
  return problems.map((p) => ({ field: FIELD_NAMES[p.field] ?? p.field, message: `${p.message} (invalid ${FIELD_NAMES[p.field] ?? p.field})` }));
}

/** Any error of an Open311 route, in the spec's shape and the path's format. */
export function sendError(error: any, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const format = formatOfUrl(request.url);
  let failure: Open311Error;
  if (error instanceof Open311Error) failure = error;
  else if (error instanceof AppError && error.code === 'validation_failed' && error.detail?.problems?.length) failure = fieldErrors(open311Problems(error.detail.problems));
  else if (error instanceof AppError && error.status < 500) failure = open311Error(error.status, `${error.messageIn('en')} / ${error.messageIn('zh')}`);
  else if (error?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') failure = open311Error(413, 'Request body too large / 请求内容过大');
  else if (error?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') failure = open311Error(415, 'Send application/x-www-form-urlencoded or application/json / 请以表单或 JSON 提交');
  else if (error?.statusCode >= 400 && error.statusCode < 500) failure = open311Error(400, `Malformed request / 请求格式有误: ${error.message}`);
  else {
    request.log.error(error);
    failure = open311Error(500, 'Internal server error / 服务器内部错误');
  }
  if (failure.status === 429 && !reply.getHeader('retry-after')) reply.header('retry-after', 60);
  return sendDocument(reply, format, 'errors', failure.errors as unknown as XmlValue, failure.status);
}
