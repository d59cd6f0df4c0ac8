/**
 * The HTTP kernel: a Fastify instance with JSON-schema validation, OpenAPI at /api/docs,
 * cookies, sessions, CSRF checks and one error format. Modules add their routes to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { AppError, languageOf } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { loadSession, SESSION_COOKIE, type SessionUser } from '../auth/sessions.js';
import { problemsFromValidation } from './validation-messages.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionUser | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** Reachable while the user still has to change the first password. */
    allowPasswordChangePending?: boolean;
  }
}

export type HttpServer = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

export interface HttpOptions {
  bodyLimitBytes: number;
  logLevel: string;
  trustProxy?: boolean;
  /** The built single-page web app; its index.html answers any other GET outside /api. */
  webDist?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function createHttpServer(db: Kysely<any>, options: HttpOptions): Promise<HttpServer> {
  const app = Fastify({
    bodyLimit: options.bodyLimitBytes,
    logger: options.logLevel === 'silent' ? false : { level: options.logLevel },
    trustProxy: options.trustProxy ?? false,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'huimin 惠民 API', version: '0.1.0', description: '精准救助平台接口 / precision social assistance API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.sessionToken = token;
      request.session = await loadSession(db, token, request.ip);
    }
    const config = request.routeOptions.config;
    if (config?.public) return;
    if (!request.session) throw new AppError('unauthenticated');
    if (request.session.mustChangePassword && !config?.allowPasswordChangePending) {
      throw new AppError('password_change_required');
    }
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.session.csrfToken) {
      throw new AppError('csrf_failed');
    }
  });

  app.setErrorHandler((error: any, request, reply) => sendError(error, request, reply));
  const webApp = options.webDist && fs.existsSync(path.join(options.webDist, 'index.html')) ? options.webDist : null;
  if (webApp) await app.register(fastifyStatic, { root: webApp, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app: any other GET outside the APIs gets the app's page.
    if (webApp && request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/open311/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(new AppError('not_found'), request, reply);
  });
  return app;
}

function sendError(error: any, request: FastifyRequest, reply: FastifyReply) {
  const lang = languageOf(request.headers['accept-language']);
  let appError: AppError;
  if (error instanceof AppError) {
    appError = error;
  } else if (error.validation) {
    const problems = problemsFromValidation(error.validation, error.validationContext ?? 'body');
    appError = new AppError('validation_failed', {
      zh: problems.map((p) => `${p.field} ${p.message}`).join('；'),
      en: error.message,
      field: problems[0]?.field,
      problems,
    });
  } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE') {
    appError = new AppError(error.code === 'FST_REQ_FILE_TOO_LARGE' ? 'file_too_large' : 'body_too_large');
  } else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (error instanceof SyntaxError && (error as any).statusCode === 400)) {
    appError = new AppError('malformed_json');
  } else if (error.statusCode === 429) {
    appError = new AppError('rate_limited');
  } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    appError = new AppError('validation_failed', { en: error.message, zh: error.message });
  } else {
    request.log.error(error);
    appError = new AppError('internal');
  }
  const detail = appError.detail;
  return reply.status(appError.status).send({
    error: {
      code: appError.code,
      message: appError.messageIn(lang),
      ...(detail?.field ? { field: detail.field } : {}),
      ...(detail?.problems ? { problems: detail.problems } : {}),
      ...(detail?.data !== undefined ? { data: detail.data } : {}),
    },
  });
}

/** The acting user of an authenticated route. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('unauthenticated');
  return request.session.actor;
}
