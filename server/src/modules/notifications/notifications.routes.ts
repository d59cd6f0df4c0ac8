/** HTTP for a user's own reminders: list, unread count, mark read. Nobody reads another's. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../../kernel/errors.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { IdParams } from '../registry/registry.schema.js';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.repo.js';

const tags = ['notifications'];

function userIdOf(actor: { id: number | null }): number {
  if (actor.id === null) throw new AppError('unauthenticated');
  return actor.id;
}

export function notificationRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags, summary: '我的消息提醒',
        querystring: Type.Object({
          unreadOnly: Type.Optional(Type.Boolean()),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
      },
    },
    async (request) => {
      const { unreadOnly, page = 1, pageSize = 20 } = request.query;
      return listNotifications(db, userIdOf(actorOf(request)), unreadOnly ?? false, { offset: (page - 1) * pageSize, limit: pageSize });
    },
  );
  app.get('/api/notifications/unread-count', { schema: { tags, summary: '未读消息数' } }, async (request) => ({ unread: await unreadCount(db, userIdOf(actorOf(request))) }));
  app.post('/api/notifications/:id/read', { schema: { tags, summary: '标为已读', params: IdParams } }, async (request) => {
    const read = await markRead(db, userIdOf(actorOf(request)), request.params.id);
    if (!read) throw notFound();
    return read;
  });
  app.post('/api/notifications/read-all', { schema: { tags, summary: '全部标为已读' } }, async (request) => ({ updated: await markAllRead(db, userIdOf(actorOf(request))) }));
}
