/** File uploads of the benefits module: the bank's return file and applications by import. */
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Config } from '../../kernel/config.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { IdParams } from '../registry/registry.schema.js';
import { readUpload } from '../../kernel/http/upload.js';
import { importApplications } from './enrollments-import.js';
import { importBankReturn } from './payments/bank-return.js';

export async function benefitUploadRoutes(app: HttpServer, { db, config }: { db: Kysely<any>; config: Config }): Promise<void> {
  await app.register(async (scope) => {
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    await api.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 5 } });
    api.post('/api/payment-runs/:id/bank-return', {
      schema: { tags: ['payments'], summary: '导入银行回盘文件（对账：笔数、总金额、逐笔金额；有误则不做任何更改）', params: IdParams, consumes: ['multipart/form-data'] },
    }, async (request) => {
      const upload = await readUpload(request, config.uploadLimitBytes);
      return importBankReturn(db, actorOf(request), request.params.id, upload.fileName, upload.buffer);
    });
    api.post('/api/enrollments/import', {
      schema: { tags: ['benefits'], summary: '批量导入待遇申请（身份证号、政策编码、开始日期、金额、理由；有误则全部不导入）', consumes: ['multipart/form-data'] },
    }, async (request) => {
      const upload = await readUpload(request, config.uploadLimitBytes);
      return importApplications(db, actorOf(request), upload.fileName, upload.buffer);
    });
  });
}
