/** HTTP for household plans (一户一策): so far the yearly assessments and their counts by cause. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { CAUSE_SEVERITIES, HARDSHIP_CAUSES, HOUSEHOLD_NEEDS } from '../../contracts/plans.js';
import { KeyOf } from '../../kernel/http/schemas.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { Nullable } from '../../kernel/http/nullable.js';
import { Id } from '../registry/registry.schema.js';
import { assessHousehold, causeCounts, getAssessments } from './assessments.service.js';

const tags = ['plans'];
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

const AssessmentBody = Type.Object(
  {
    causes: Type.Array(
      Type.Object({ cause: KeyOf(HARDSHIP_CAUSES), severity: KeyOf(CAUSE_SEVERITIES), note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 8 },
    ),
    needs: Type.Array(KeyOf(HOUSEHOLD_NEEDS), { maxItems: 10 }),
    summary: Nullable(Type.String({ maxLength: 2000 })),
    assessedOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  },
  { additionalProperties: false },
);

export function planRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get('/api/households/:id/assessments', { schema: { tags, summary: '家庭困难评估（各年度，最新在前）', params: Type.Object({ id: Id }) } }, async (request) =>
    getAssessments(db, actorOf(request), request.params.id),
  );
  app.put('/api/households/:id/assessments/:year', {
    schema: { tags, summary: '评估或重新评估某年度（致困原因及程度、需求）', params: Type.Object({ id: Id, year: Year }), body: AssessmentBody },
  }, async (request) => assessHousehold(db, actorOf(request), request.params.id, request.params.year, request.body));
  app.get('/api/assessments/causes', { schema: { tags, summary: '某年度按致困原因统计的家庭数', querystring: Type.Object({ year: Year }) } }, async (request) =>
    causeCounts(db, actorOf(request), request.query.year),
  );
}
