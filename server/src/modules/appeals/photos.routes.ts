/** HTTP for an appeal's files: list, upload (multipart, one file a request), download. */
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Config } from '../../kernel/config.js';
import { Id, IdParams } from '../../kernel/http/schemas.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { readUpload } from '../../kernel/http/upload.js';
import { addAppealFile, appealFiles, sendAppealFile } from './photos.js';

const tags = ['appeals'];

export async function appealFileRoutes(app: HttpServer, { db, config }: { db: Kysely<any>; config: Config }): Promise<void> {
  app.get('/api/appeals/:id/files', { schema: { tags, summary: '诉求附件', params: IdParams } }, async (request) => appealFiles(db, actorOf(request), request.params.id));
  app.get('/api/appeals/:id/files/:fileId', {
    schema: { tags, summary: '下载诉求附件（记审计）', params: Type.Object({ id: Id, fileId: Id }) },
  }, async (request, reply) => sendAppealFile(db, actorOf(request), request.params.id, request.params.fileId, reply));

  await app.register(async (scope) => {
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    await api.register(multipart, { limits: { fileSize: config.attachmentLimitBytes, files: 1, fields: 5 } });
    api.post('/api/appeals/:id/files', {
      schema: { tags, summary: '上传诉求附件（JPEG、PNG、WebP 或 PDF，按文件内容判断；每件最多 9 个）', params: IdParams, consumes: ['multipart/form-data'] },
    }, async (request, reply) => {
      const file = await addAppealFile(db, actorOf(request), request.params.id, () => readUpload(request, config.attachmentLimitBytes, '请压缩图片后再上传'), config.attachmentLimitBytes);
      return reply.status(201).send(file);
    });
  });
}
