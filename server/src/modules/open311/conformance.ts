/**
 * Test support: checks a response of /open311/v2 against open311.openapi.json — the schema the
 * document declares for that path, method, status and media type — with ajv and ajv-formats.
 * XML is read back into the JSON shape first (list roots and list elements become arrays, empty
 * elements null, as FixMyStreet's XML::Simple reads them), its root element must be the one the
 * schema names, and since XML has no types, numbers and booleans are coerced from their text.
 * JSON is checked strictly: an id sent as a number fails.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { XML_ITEM_NAMES } from './xml.js';

export const OPENAPI_DOCUMENT = JSON.parse(readFileSync(new URL('./open311.openapi.json', import.meta.url), 'utf8'));
const ID = 'open311.openapi.json';

const addFormats = ((formatsModule as any).default ?? formatsModule) as (ajv: Ajv) => Ajv;
// strict: false because the document is an OpenAPI file (openapi, paths, xml …) and not only schemas.
const strictAjv = addFormats(new Ajv({ allErrors: true, strict: false }));
const coercingAjv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: true }));
strictAjv.addSchema(OPENAPI_DOCUMENT, ID);
coercingAjv.addSchema(OPENAPI_DOCUMENT, ID);

const xmlParser = new XMLParser({
  ignoreAttributes: true, ignoreDeclaration: true, parseTagValue: false, trimValues: true,
  isArray: (name) => Object.values(XML_ITEM_NAMES).includes(name),
});

function shape(node: unknown, name: string): unknown {
  const item = XML_ITEM_NAMES[name];
  if (item) {
    if (node === '' || node === null || node === undefined) return [];
    return ((node as Record<string, unknown[]>)[item] ?? []).map((child) => shape(child, item));
  }
  if (node === '') return null;
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, shape(v, k)]));
  return node;
}

/** An Open311 XML document in the shape of its JSON twin, and its root element's name. */
export function readOpen311Xml(xml: string): { root: string; body: unknown } {
  const parsed = xmlParser.parse(xml) as Record<string, unknown>;
  const roots = Object.keys(parsed);
  if (roots.length !== 1) throw new Error(`expected one root element, got ${roots.join(', ') || 'none'}`);
  return { root: roots[0]!, body: shape(parsed[roots[0]!], roots[0]!) };
}

function pointer(ref: string): any {
  return ref.replace(/^#\//, '').split('/').reduce((node: any, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], OPENAPI_DOCUMENT);
}

/** The document's path template matching a URL, e.g. /requests/{service_request_id}.{format}. */
function pathTemplate(url: string): string {
  const path = url.split('?')[0]!.replace(/^\/open311\/v2/, '');
  for (const template of Object.keys(OPENAPI_DOCUMENT.paths)) {
    const pattern = template.replace(/[.]/g, '\\.').replace(/\{format\}/g, '(xml|json)').replace(/\{[^}]+\}/g, '[^/]+');
    if (new RegExp(`^${pattern}$`).test(path)) return template;
  }
  throw new Error(`${path} is not a path of open311.openapi.json`);
}

export interface CheckedResponse {
  status: number;
  body: any;
  text: string;
}

/** Parses the response by its format and throws unless the document allows exactly it. */
export function checkResponse(method: string, url: string, response: { status: number; contentType: string; text: string }): CheckedResponse {
  const template = pathTemplate(url);
  const operation = OPENAPI_DOCUMENT.paths[template][method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${template} is not in open311.openapi.json`);
  let declared = operation.responses[String(response.status)];
  if (!declared) throw new Error(`${method} ${template} does not declare status ${response.status}: ${response.text.slice(0, 300)}`);
  if (declared.$ref) declared = pointer(declared.$ref);
  const xml = /xml/.test(response.contentType);
  const media = xml ? 'text/xml' : 'application/json';
  const expectedXml = url.split('?')[0]!.endsWith('.xml');
  if (template !== '/openapi.json' && xml !== expectedXml) throw new Error(`${url} answered ${response.contentType}`);
  const schema = declared.content?.[media]?.schema;
  if (!schema) throw new Error(`${method} ${template} ${response.status} declares no ${media} body`);

  let body: unknown;
  if (xml) {
    const read = readOpen311Xml(response.text);
    const rootName = (schema.$ref ? pointer(schema.$ref) : schema).xml?.name;
    if (rootName && read.root !== rootName) throw new Error(`${url}: root element <${read.root}>, the document says <${rootName}>`);
    body = read.body;
  } else {
    body = JSON.parse(response.text);
  }
  const ajv = xml ? coercingAjv : strictAjv;
  const validate: ValidateFunction = schema.$ref ? ajv.getSchema(`${ID}${schema.$ref}`)! : ajv.compile(schema);
  if (!validate(body)) {
    throw new Error(`${method} ${url} ${response.status} does not conform: ${ajv.errorsText(validate.errors)}\n${response.text.slice(0, 1500)}`);
  }
  return { status: response.status, body, text: response.text };
}
