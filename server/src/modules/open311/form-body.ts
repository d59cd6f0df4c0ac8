/**
 * Open311 clients POST application/x-www-form-urlencoded (FixMyStreet does, through Perl's
 * HTTP::Request::Common). Registered inside the Open311 plugin only, so the rest of the API keeps
 * accepting JSON alone. `attribute[code]=value` pairs become `attribute: {code: value}`; a name
 * sent twice (FixMyStreet's media_url with several photos) keeps its first value.
 */
import type { FastifyInstance } from 'fastify';

/** Request parameters as text: the plain ones, and the `attribute[…]` ones apart. */
export interface Params {
  fields: Record<string, string>;
  attribute: Record<string, string>;
}

const ATTRIBUTE = /^attribute\[([^\]]{1,64})\]$/;

export function parseForm(body: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const attribute: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const match = ATTRIBUTE.exec(name);
    if (match) {
      if (!(match[1]! in attribute)) attribute[match[1]!] = value;
    } else if (!(name in params)) {
      params[name] = value;
    }
  }
  if (Object.keys(attribute).length) params.attribute = attribute;
  return params;
}

/** Form and JSON only: Fastify's plain-text parser would hand a handler a bare string. */
export function registerFormParser(scope: FastifyInstance): void {
  scope.removeContentTypeParser('text/plain');
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseForm(body as string));
  });
}

function text(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * The parameters as strings, whatever their source: a parsed form, a JSON body (numbers become
 * their text, `attribute` an object) or a query string (repeated names arrive as arrays).
 */
export function readParams(source: unknown): Params {
  const fields: Record<string, string> = {};
  const attribute: Record<string, string> = {};
  if (source && typeof source === 'object' && !Array.isArray(source)) {
    for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
      const match = ATTRIBUTE.exec(name);
      if (name === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [code, v] of Object.entries(value as Record<string, unknown>)) {
          const t = text(v);
          if (t !== undefined) attribute[code] = t;
        }
      } else if (match) {
        const t = text(value);
        if (t !== undefined) attribute[match[1]!] = t;
      } else {
        const t = text(value);
        if (t !== undefined) fields[name] = t;
      }
    }
  }
  return { fields, attribute };
}
