/** HTTP: search the audit log (auditors). */
import { Type } from '@sinclair/typebox';
import { sql, type Kysely } from 'kysely';
import { requirePermission } from '../../kernel/auth/actor.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';

const AuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 60 })),
  actor: Type.Optional(Type.String({ maxLength: 60 })),
  entityType: Type.Optional(Type.String({ maxLength: 40 })),
  entityId: Type.Optional(Type.String({ maxLength: 40 })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export function auditRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get('/api/audit', { schema: { tags: ['audit'], summary: '审计日志查询 Search the audit log', querystring: AuditQuery } }, async (request) => {
    requirePermission(actorOf(request), 'audit:read');
    const q = request.query;
    const pageSize = q.pageSize ?? 50;
    const conditions = [sql`true`];
    if (q.action) conditions.push(sql`action like ${q.action.replace(/[\\%_]/g, '\\$&') + '%'}`);
    if (q.actor) conditions.push(sql`actor_name = ${q.actor}`);
    if (q.entityType) conditions.push(sql`entity_type = ${q.entityType}`);
    if (q.entityId) conditions.push(sql`entity_id = ${q.entityId}`);
    if (q.from) conditions.push(sql`at >= ${q.from}::date`);
    if (q.to) conditions.push(sql`at < ${q.to}::date + 1`);
    const where = sql.join(conditions, sql` and `);
    const { rows } = await sql`select id, at, actor_id as "actorId", actor_name as "actorName", action,
        entity_type as "entityType", entity_id as "entityId", before, after, reason, ip, detail
      from audit_log where ${where} order by id desc limit ${pageSize} offset ${((q.page ?? 1) - 1) * pageSize}`.execute(db);
    const total = await sql<{ n: number }>`select count(*)::int as n from audit_log where ${where}`.execute(db);
    return { items: rows, total: total.rows[0].n };
  });
}
