/**
 * HTTP for citizens, without signing in (`/api/public/…`): the appeal form's choices, sending an
 * appeal (rate-limited per address, Idempotency-Key required), following it by number and phone
 * (rate-limited; by POST so the phone stays out of URLs and access logs), and the public digest.
 */
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Config } from '../../kernel/config.js';
import type { HttpServer } from '../../kernel/http/server.js';
import { notFound } from '../../kernel/errors.js';
import { readUpload } from '../../kernel/http/upload.js';
import { listChildren, regionPath, searchRegions } from '../regions/regions.repo.js';
import { AppealBody } from './appeals.routes.js';
import { addPublicAppealPhoto, lookUpAppeal, PUBLIC_PHOTOS, publicCategories, publicDigest, submitPublicAppeal } from './public.service.js';

const tags = ['public'];
const RegionCode = Type.String({ pattern: '^\\d{6,18}$' });
/** Grids are how staff divide the work, not places a citizen names. */
const GRID_LEVEL = 6;
const PublicAppealBody = Type.Omit(AppealBody, ['channel'], { additionalProperties: false });

export async function publicAppealRoutes(app: HttpServer, { db, config }: { db: Kysely<any>; config: Config }): Promise<void> {
  const open = { public: true } as const;
  const perMinute = (max: number) => ({ ...open, rateLimit: { max, timeWindow: '1 minute' } });

  app.get('/api/public/appeal-categories', { config: open, schema: { tags, summary: '诉求类别（公开）' } }, async () => publicCategories(db));
  app.get('/api/public/regions', {
    config: open, schema: { tags, summary: '区划下级（公开，不含网格）', querystring: Type.Object({ parent: Type.Optional(RegionCode) }) },
  }, async (request) => (await listChildren(db, request.query.parent ?? null)).filter((r) => r.level < GRID_LEVEL));
  app.get('/api/public/regions/search', {
    config: open, schema: { tags, summary: '按名称搜索区划（公开）', querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 40 }) }) },
  }, async (request) => (await searchRegions(db, request.query.q, 30)).filter((r) => r.level < GRID_LEVEL));
  app.get('/api/public/regions/:code/path', {
    config: open, schema: { tags, summary: '区划路径（公开）', params: Type.Object({ code: RegionCode }) },
  }, async (request) => {
    const path = await regionPath(db, request.params.code);
    if (path.length === 0) throw notFound();
    return path;
  });

  app.post('/api/public/appeals', {
    config: perMinute(config.publicAppealsPerMinute),
    schema: { tags, summary: '网上提交诉求（无需登录；须带 Idempotency-Key，重试不会重复登记）', body: PublicAppealBody,
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 100 })) }) },
  }, async (request, reply) => {
    const { created, ...receipt } = await submitPublicAppeal(db, request.body, request.ip, request.headers['idempotency-key'] ?? null);
    return reply.code(created ? 201 : 200).send(receipt);
  });
  app.post('/api/public/appeals/lookup', {
    config: perMinute(config.publicLookupsPerMinute),
    schema: { tags, summary: '按诉求编号和联系电话查询办理进度', body: Type.Object({
      number: Type.String({ minLength: 1, maxLength: 30 }), phone: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false }) },
  }, async (request) => lookUpAppeal(db, request.body.number, request.body.phone));
  app.get('/api/public/digest', {
    config: open, schema: { tags, summary: '诉求回音（已公开的群众反映和办理结果）', querystring: Type.Object({
      categoryCode: Type.Optional(Type.String({ maxLength: 40 })),
      page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
    }) },
  }, async (request) => {
    const { page = 1, pageSize = 10, categoryCode } = request.query;
    return publicDigest(db, { categoryCode }, { page, pageSize });
  });

  await app.register(async (scope) => {
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    await api.register(multipart, { limits: { fileSize: config.attachmentLimitBytes, files: 1, fields: 2 } });
    api.post('/api/public/appeals/photos', {
      config: perMinute(config.publicAppealsPerMinute * PUBLIC_PHOTOS.max),
      schema: { tags, summary: '为刚提交的网上诉求上传照片（带提交时的 Idempotency-Key；提交后一小时内，最多 3 张）', consumes: ['multipart/form-data'],
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 100 })) }) },
    }, async (request, reply) => {
      const photo = await addPublicAppealPhoto(db, request.headers['idempotency-key'] ?? null, request.ip,
        () => readUpload(request, config.attachmentLimitBytes, '请压缩照片后再上传'), config.attachmentLimitBytes);
      return reply.status(201).send(photo);
    });
  });
}
