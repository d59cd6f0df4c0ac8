/**
 * Open311 GeoReport v2 over the appeals (12345 诉求), at /open311/v2/, in XML or JSON by the
 * path's extension. The contract is our own OpenAPI document, open311.openapi.json (also served
 * at /open311/v2/openapi.json); the tests check every response against it.
 *
 *   GET  discovery.{fmt}                  the endpoint, its formats and where keys come from
 *   GET  services.{fmt}                   one service per active appeal category (service_code = category code)
 *   GET  services/{code}.{fmt}            its definition: the optional region_code attribute (区划)
 *   POST requests.{fmt}                   a new appeal (api_key required; form or JSON body)
 *   GET  requests.{fmt}                   service_request_id | service_code, start_date, end_date, status
 *   GET  requests/{id}.{fmt}              one request (id = the appeal's number)
 *   GET  tokens/{token}.{fmt}             the request a token stands for
 *   GET  servicerequestupdates.{fmt}      mySociety's extension: the appeal events outsiders may follow
 *
 * Status: open = received, dispatched, accepted, in_progress, returned, reply_drafted; closed =
 * replied, closed, merged (status.ts says why); our state is in `detailed_status`.
 * Privacy: without a key only published appeals, as their public question and answer; with a key
 * also the client's own. Names, phones and e-mail never leave (open311.service.ts).
 * Keys: issued at /api/open311/clients (admin:orgs), stored as SHA-256, checked on every call that
 * carries one; POST is rate-limited per key and per address (HUIMIN_OPEN311_POSTS_PER_MINUTE).
 *
 * These paths are outside /api, so the session hook does not apply to them (no cookie, no CSRF —
 * the key is the credential); each route is also marked public so that stays true if the hook
 * ever widens. They are hidden from /api/docs, which documents the signed-in API.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../kernel/config.js';
import type { HttpServer } from '../../kernel/http/server.js';
import { hashKey } from './clients.repo.js';
import { open311ClientRoutes } from './clients.routes.js';
import { readParams, registerFormParser } from './form-body.js';
import { submitRequest } from './intake.service.js';
import { discovery, getRequest, getRequests, getToken, getUpdates, readerOf, requireClient, serviceDefinition, services } from './open311.service.js';
import { FORMATS, open311Error, sendDocument, sendError, splitFile, type Format } from './respond.js';
import type { XmlValue } from './xml.js';

const OPENAPI = readFileSync(new URL('./open311.openapi.json', import.meta.url), 'utf8');
const PREFIX = '/open311/v2';
const ROUTE = { config: { public: true }, schema: { hide: true } } as const;

type Limiter = ReturnType<HttpServer['createRateLimit']>;

/** Refuses the request with the spec's 429 once the limiter's count for it is spent. */
async function within(limiter: Limiter, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const result = await limiter(request);
  if (!result.isAllowed && result.isExceeded) {
    reply.header('retry-after', result.ttlInSeconds);
    throw open311Error(429, 'Too many requests; try again later / 提交过于频繁，请稍后再试');
  }
}

/** POST carries the key in its body; a query-string key is taken too, as some clients send it there. */
const apiKeyOf = (request: FastifyRequest) => readParams(request.body).fields.api_key || readParams(request.query).fields.api_key;

function fileOf(request: FastifyRequest): { name: string; format: Format } {
  const file = splitFile((request.params as { file: string }).file);
  if (!file) throw open311Error(404, 'Use the .xml or .json extension / 请使用 .xml 或 .json 后缀');
  return file;
}

function open311Api(scope: FastifyInstance, app: HttpServer, { db, config }: { db: Kysely<any>; config: Config }): void {
  registerFormParser(scope);
  scope.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  scope.setNotFoundHandler((request, reply) => sendError(open311Error(404, 'No such Open311 path / 没有这个 Open311 接口'), request, reply));
  const tz = config.timeZone;
  const query = (request: FastifyRequest) => readParams(request.query).fields;

  // Two counts for POST: per address before the body is read, per key once it is (the key is in the body).
  const max = config.open311PostsPerMinute;
  const perAddress = app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: (r) => `open311-ip:${r.ip}` });
  const perKey = app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: (r) => `open311-key:${hashKey(apiKeyOf(r) ?? '')}` });
  const limitAddress = async (request: FastifyRequest, reply: FastifyReply) => { if (max > 0) await within(perAddress, request, reply); };
  const limitKey = async (request: FastifyRequest, reply: FastifyReply) => { if (max > 0 && apiKeyOf(request)) await within(perKey, request, reply); };

  for (const format of FORMATS) {
    scope.get(`/discovery.${format}`, ROUTE, async (request, reply) =>
      sendDocument(reply, format, 'discovery', discovery(`${request.protocol}://${request.host}${PREFIX}`)));

    scope.get(`/services.${format}`, ROUTE, async (_request, reply) => sendDocument(reply, format, 'services', await services(db)));

    scope.get(`/requests.${format}`, ROUTE, async (request, reply) => {
      const reader = await readerOf(db, query(request).api_key);
      return sendDocument(reply, format, 'service_requests', await getRequests(db, reader, query(request), tz) as XmlValue);
    });

    scope.post(`/requests.${format}`, { ...ROUTE, onRequest: limitAddress, preHandler: limitKey }, async (request, reply) => {
      const params = readParams(request.body);
      const client = await requireClient(db, apiKeyOf(request));
      const header = request.headers['idempotency-key'];
      const idempotencyKey = (Array.isArray(header) ? header[0] : header) ?? (params.fields.token || null);
      const result = await submitRequest(db, { params, client, ip: request.ip, idempotencyKey, timeZone: tz });
      return sendDocument(reply, format, 'service_requests', result.body as XmlValue, result.created ? 201 : 200);
    });

    scope.get(`/servicerequestupdates.${format}`, ROUTE, async (request, reply) => {
      const reader = await readerOf(db, query(request).api_key);
      return sendDocument(reply, format, 'service_request_updates', await getUpdates(db, reader, query(request), tz) as XmlValue);
    });
  }

  scope.get('/services/:file', ROUTE, async (request, reply) => {
    const { name, format } = fileOf(request);
    return sendDocument(reply, format, 'service_definition', await serviceDefinition(db, name) as XmlValue);
  });
  scope.get('/requests/:file', ROUTE, async (request, reply) => {
    const { name, format } = fileOf(request);
    const reader = await readerOf(db, query(request).api_key);
    return sendDocument(reply, format, 'service_requests', await getRequest(db, reader, name, tz) as XmlValue);
  });
  scope.get('/tokens/:file', ROUTE, async (request, reply) => {
    const { name, format } = fileOf(request);
    return sendDocument(reply, format, 'service_requests', await getToken(db, name));
  });
  scope.get('/openapi.json', ROUTE, async (_request, reply) => reply.type('application/json; charset=utf-8').send(OPENAPI));
}

export async function open311Routes(app: HttpServer, deps: { db: Kysely<any>; config: Config }): Promise<void> {
  open311ClientRoutes(app, deps);
  await app.register(async (scope) => open311Api(scope, app, deps), { prefix: PREFIX });
}
