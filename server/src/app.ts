/** Composes the HTTP application: kernel routes, every module's routes, and the web app. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Config } from './kernel/config.js';
import { authRoutes } from './kernel/auth/auth.routes.js';
import { createHttpServer, type HttpServer } from './kernel/http/server.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { comparisonRoutes } from './modules/comparisons/comparisons.routes.js';
import { benefitRoutes } from './modules/benefits/benefits.routes.js';
import { paymentRoutes } from './modules/benefits/payments/payments.routes.js';
import { ledgerRoutes } from './modules/benefits/ledger/ledger.routes.js';
import { benefitUploadRoutes } from './modules/benefits/uploads.routes.js';
import { planRoutes } from './modules/plans/plans.routes.js';
import { measureRoutes } from './modules/plans/measures.routes.js';
import { meetingRoutes } from './modules/meetings/meetings.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { appealRoutes } from './modules/appeals/appeals.routes.js';
import { publicAppealRoutes } from './modules/appeals/public.routes.js';
import { watchForChanges } from './modules/policies/monitoring/monitor.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { policyRoutes } from './modules/policies/policies.routes.js';
import { organisationRoutes } from './modules/organisations/organisations.routes.js';
import { regionRoutes } from './modules/regions/regions.routes.js';
import { registryRoutes } from './modules/registry/registry.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { visitRoutes } from './modules/visits/visits.routes.js';
import { campaignRoutes } from './modules/campaigns/campaigns.routes.js';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildApp(db: Kysely<any>, config: Config): Promise<HttpServer> {
  const app = await createHttpServer(db, { bodyLimitBytes: config.bodyLimitBytes, logLevel: config.logLevel, webDist: WEB_DIST });
  const deps = { db, config };
  authRoutes(app, { db, sessionTtlHours: config.sessionTtlHours, secureCookies: config.secureCookies, signInPerMinute: config.signInPerMinute });
  regionRoutes(app, deps);
  organisationRoutes(app, deps);
  userRoutes(app, deps);
  auditRoutes(app, deps);
  await registryRoutes(app, deps);
  policyRoutes(app, deps);
  notificationRoutes(app, deps);
  benefitRoutes(app, deps);
  paymentRoutes(app, deps);
  await benefitUploadRoutes(app, deps);
  ledgerRoutes(app, deps);
  planRoutes(app, deps);
  await measureRoutes(app, deps);
  meetingRoutes(app, deps);
  calendarRoutes(app, deps);
  appealRoutes(app, deps);
  publicAppealRoutes(app, deps);
  await comparisonRoutes(app, deps);
  await visitRoutes(app, deps);
  campaignRoutes(app, deps);
  watchForChanges(db);
  app.get('/api/health', { config: { public: true }, schema: { hide: true } }, async () => ({ ok: true }));
  return app;
}
