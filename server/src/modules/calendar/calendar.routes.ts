/** HTTP for the working calendar: the year's special days, corrections, and a time-limit trial. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { calendarYear, clearCalendarDay, previewDue, setCalendarDay } from './calendar.service.js';

const tags = ['calendar'];
const DayParams = Type.Object({ day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) });

export function calendarRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get('/api/calendar', {
    schema: { tags, summary: '某年的节假日、调休上班日及管理员调整', querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }) },
  }, async (request) => calendarYear(db, actorOf(request), request.query.year));
  app.put('/api/calendar/days/:day', {
    schema: { tags, summary: '调整某天为工作日或休息日（优先于官方日历）', params: DayParams,
      body: Type.Object({ workday: Type.Boolean(), name: Type.String({ maxLength: 50 }) }, { additionalProperties: false }) },
  }, async (request) => setCalendarDay(db, actorOf(request), request.params.day, request.body));
  app.delete('/api/calendar/days/:day', { schema: { tags, summary: '撤销对某天的调整，恢复官方日历', params: DayParams } }, async (request) =>
    clearCalendarDay(db, actorOf(request), request.params.day),
  );
  app.post('/api/calendar/due', {
    schema: { tags, summary: '时限试算：从某时刻起，若干工作日或小时后的到期时间',
      body: Type.Object({ start: Type.String({ format: 'date-time' }), amount: Type.Integer({ minimum: 1, maximum: 365 }),
        unit: Type.Union([Type.Literal('workdays'), Type.Literal('hours')]) }, { additionalProperties: false }) },
  }, async (request) => previewDue(db, actorOf(request), request.body.start, { amount: request.body.amount, unit: request.body.unit }));
}
