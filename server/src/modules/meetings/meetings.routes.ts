/** HTTP for joint meetings: the agenda, calling a meeting, decisions and minutes. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { MEETING_DECISIONS } from '../../contracts/meetings.js';
import { DateText } from '../../kernel/http/schemas.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { Nullable } from '../../kernel/http/nullable.js';
import { MeasureBody } from '../plans/measures.routes.js';
import { Id, IdParams } from '../registry/registry.schema.js';
import { callMeeting, closeMeeting, decide, getAgenda, getMeeting, getMeetings } from './meetings.service.js';

const tags = ['meetings'];

export function meetingRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get('/api/meetings/agenda', { schema: { tags, summary: '联席会议议题：各单位逾期、受阻、被退回的措施' } }, async (request) => getAgenda(db, actorOf(request)));
  app.get('/api/meetings', { schema: { tags, summary: '联席会议列表' } }, async (request) => getMeetings(db, actorOf(request)));
  app.post('/api/meetings', {
    schema: { tags, summary: '召开联席会议（以当前议题为会议议程）',
      body: Type.Object({ title: Type.String({ minLength: 1, maxLength: 100 }), heldOn: DateText, attendeeOrgIds: Type.Array(Id, { maxItems: 50 }) }, { additionalProperties: false }) },
  }, async (request) => callMeeting(db, actorOf(request), request.body));
  app.get('/api/meetings/:id', { schema: { tags, summary: '会议议程、决定和纪要', params: IdParams } }, async (request) => getMeeting(db, actorOf(request), request.params.id));
  app.post('/api/meetings/:id/items/:itemId/decision', {
    schema: { tags, summary: '对一个议题作出决定（改派、延期、取消、新增措施或仅记录），立即执行', params: Type.Object({ id: Id, itemId: Id }),
      body: Type.Object({
        decision: Type.Union(Object.keys(MEETING_DECISIONS).map((k) => Type.Literal(k))),
        note: Type.String({ maxLength: 2000 }),
        responsibleOrgId: Type.Optional(Nullable(Id)),
        deadline: Type.Optional(Nullable(DateText)),
        measure: Type.Optional(MeasureBody),
      }, { additionalProperties: false }) },
  }, async (request) => decide(db, actorOf(request), request.params.id, request.params.itemId, request.body as Parameters<typeof decide>[4]));
  app.post('/api/meetings/:id/close', {
    schema: { tags, summary: '结束会议并保存纪要', params: IdParams, body: Type.Object({ minutes: Type.String({ maxLength: 10000 }) }, { additionalProperties: false }) },
  }, async (request) => closeMeeting(db, actorOf(request), request.params.id, request.body.minutes));
}
