/** HTTP for 诉求分析: GET /api/appeals/dashboard — the period's figures within the reader's data scope, reused for HUIMIN_DASHBOARD_CACHE_SECONDS. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { DateText } from '../../kernel/http/schemas.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import type { AppealDashboard } from '../../contracts/appeals-dashboard.js';
import { ShortLivedCache } from '../../kernel/cache/short-lived.js';
import type { Config } from '../../kernel/config.js';
import { sharedAppealDashboard } from './dashboard.service.js';

export function appealDashboardRoutes(app: HttpServer, { db, config }: { db: Kysely<any>; config: Config }): void {
  const dashboard = sharedAppealDashboard(new ShortLivedCache<AppealDashboard>(config.dashboardCacheSeconds * 1000));
  app.get('/api/appeals/dashboard', {
    schema: {
      tags: ['appeals'],
      summary: '诉求分析：期间（北京时间自然日，含首尾）受理量、在办、超期、办结，按类别、区域（下一级）、日期，按时答复率、满意度，最久未办结的诉求',
      querystring: Type.Object({
        from: DateText,
        to: DateText,
        regionCode: Type.Optional(Type.String({ pattern: '^\\d{6,15}$' })),
        categoryCode: Type.Optional(Type.String({ maxLength: 40 })),
      }),
    },
  }, async (request) => dashboard(db, actorOf(request), request.query));
}
