/** HTTP for census campaigns (摸排): preview and create, progress by area and worker, households and assignment, a worker's tasks. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { CAMPAIGN_STATUSES, CENSUS_STATUSES } from '../../contracts/campaigns.js';
import { KeyOf } from '../../kernel/http/schemas.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { Nullable } from '../../kernel/http/nullable.js';
import { MAX_RULE_LENGTH } from '../policies/rules/parse.js';
import { Id, IdParams } from '../registry/registry.schema.js';
import {
  assignHouseholds, campaignHouseholds, campaignProgress, campaignWorkers, closeCampaign, createCampaign, getCampaign, getCampaigns, myCensusTasks,
  previewCampaign,
} from './campaigns.service.js';

const tags = ['campaigns'];
const RegionCode = Type.String({ pattern: '^\\d{6,24}$', description: '行政区划代码（含网格）' });
// The engine refuses a rule over its length with a Chinese message; the schema only stops what is far beyond it.
const Rule = Type.String({ maxLength: MAX_RULE_LENGTH * 2, description: '目标人群规则（CEL，与政策资格条件同一语言；person 为户主）' });
const Day = Type.String({ maxLength: 20 });

const CampaignBody = Type.Object({
  name: Type.String({ maxLength: 200 }),
  regionCode: RegionCode,
  rule: Rule,
  description: Nullable(Type.String({ maxLength: 2000 })),
  startsOn: Day,
  endsOn: Day,
}, { additionalProperties: false });

export function campaignRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.post('/api/campaigns/preview', {
    schema: { tags, summary: '检查目标人群规则，并预估区域内（本人数据范围内）符合的户数', body: Type.Object({ regionCode: RegionCode, rule: Rule }, { additionalProperties: false }) },
  }, async (request) => previewCampaign(db, actorOf(request), request.body));
  app.post('/api/campaigns', {
    schema: { tags, summary: '创建摸排任务：按规则选定家庭并自动分派给所在网格的网格员', body: CampaignBody },
  }, async (request, reply) => reply.status(201).send(await createCampaign(db, actorOf(request), request.body)));
  app.get('/api/campaigns', {
    schema: { tags, summary: '摸排任务列表（进行中在前）', querystring: Type.Object({ status: Type.Optional(KeyOf(CAMPAIGN_STATUSES)) }) },
  }, async (request) => getCampaigns(db, actorOf(request), (request.query.status ?? null) as 'open' | 'closed' | null));
  app.get('/api/campaigns/:id', { schema: { tags, summary: '摸排任务详情与覆盖情况', params: IdParams } }, async (request) =>
    getCampaign(db, actorOf(request), request.params.id),
  );
  app.get('/api/campaigns/:id/progress', {
    schema: { tags, summary: '摸排进度：按下级区域（街道、社区、网格）和网格员统计', params: IdParams, querystring: Type.Object({ area: Type.Optional(RegionCode) }) },
  }, async (request) => campaignProgress(db, actorOf(request), request.params.id, request.query.area));
  app.get('/api/campaigns/:id/households', {
    schema: {
      tags, summary: '摸排家庭（状态、网格员）', params: IdParams,
      querystring: Type.Object({
        status: Type.Optional(KeyOf(CENSUS_STATUSES)),
        assignedUserId: Type.Optional(Type.Integer({ minimum: 0, description: '0 = 未分派' })),
        area: Type.Optional(RegionCode),
        page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
        pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
      }),
    },
  }, async (request) => campaignHouseholds(db, actorOf(request), request.params.id, request.query as Parameters<typeof campaignHouseholds>[3]));
  app.get('/api/campaigns/:id/workers', { schema: { tags, summary: '可分派的走访人员', params: IdParams } }, async (request) =>
    campaignWorkers(db, actorOf(request), request.params.id),
  );
  app.post('/api/campaigns/:id/assign', {
    schema: {
      tags, summary: '分派（或取消分派）家庭给网格员', params: IdParams,
      body: Type.Object({ householdIds: Type.Array(Id, { maxItems: 1000 }), userId: Nullable(Id) }, { additionalProperties: false }),
    },
  }, async (request) => assignHouseholds(db, actorOf(request), request.params.id, request.body));
  app.post('/api/campaigns/:id/close', { schema: { tags, summary: '结束摸排任务', params: IdParams } }, async (request) =>
    closeCampaign(db, actorOf(request), request.params.id),
  );
  app.get('/api/census-tasks', { schema: { tags, summary: '我的摸排任务：分派给我的家庭（待走访在前）' } }, async (request) =>
    myCensusTasks(db, actorOf(request)),
  );
}
