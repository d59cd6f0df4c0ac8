/** HTTP for benefits: enrollments and their steps, funding sources and budgets, payees' bank accounts. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { EnrollmentStatus } from '../../contracts/benefits.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { IdParams } from '../registry/registry.schema.js';
import { getBankAccount, setBankAccount } from './bank-accounts.service.js';
import { AccountBody, ApplicationBody, BudgetBody, EnrollmentQuery, FromBody, SourceBody, StepBody, StopBody } from './benefits.schema.js';
import {
  applyForBenefit, decideApplication, getEnrollment, getEnrollments, householdEnrollments, recomputeAmount, resumeEnrollment, setApprovalLevels, stopEnrollment,
  suspendEnrollment,
} from './enrollments.service.js';
import { budgetUse, createFundingSource, listFundingSources, setBudget } from './funding.service.js';

const tags = ['benefits'];

export function benefitRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get('/api/enrollments', { schema: { tags, summary: '待遇申请与享受名单（审批待办：awaiting=review|approval）', querystring: EnrollmentQuery } }, async (request) => {
    const { page, pageSize, status, ...filter } = request.query;
    return getEnrollments(db, actorOf(request), { ...filter, statuses: status?.split(',') as EnrollmentStatus[] | undefined }, { page: page ?? 1, pageSize: pageSize ?? 20 });
  });
  app.post('/api/enrollments', { schema: { tags, summary: '发起待遇申请（来自名单、家庭页或手工；可补发的开始日期）', body: ApplicationBody } }, async (request) =>
    applyForBenefit(db, actorOf(request), { ...request.body, reason: request.body.reason ?? null }),
  );
  app.get('/api/enrollments/:id', { schema: { tags, summary: '待遇详情：每一步的经办人、时间、理由和所依据的测算', params: IdParams } }, async (request) =>
    getEnrollment(db, actorOf(request), request.params.id),
  );
  app.post('/api/enrollments/:id/review', { schema: { tags, summary: '初审（通过或不予通过）', params: IdParams, body: StepBody } }, async (request) =>
    decideApplication(db, actorOf(request), request.params.id, 'review', request.body.approve, request.body.reason ?? null),
  );
  app.post('/api/enrollments/:id/approve', { schema: { tags, summary: '审批（两级审批的政策需两人分别审批）', params: IdParams, body: StepBody } }, async (request) =>
    decideApplication(db, actorOf(request), request.params.id, 'approve', request.body.approve, request.body.reason ?? null),
  );
  app.post('/api/enrollments/:id/stop', { schema: { tags, summary: '停发（停发日期为第一个不再发放的日子；早于已发期间的将追回）', params: IdParams, body: StopBody } }, async (request) =>
    stopEnrollment(db, actorOf(request), request.params.id, request.body),
  );
  app.post('/api/enrollments/:id/suspend', { schema: { tags, summary: '暂停发放', params: IdParams, body: FromBody } }, async (request) =>
    suspendEnrollment(db, actorOf(request), request.params.id, request.body),
  );
  app.post('/api/enrollments/:id/resume', { schema: { tags, summary: '恢复发放（按当时有效的政策版本重新测算金额）', params: IdParams, body: FromBody } }, async (request) =>
    resumeEnrollment(db, actorOf(request), request.params.id, request.body),
  );
  app.post('/api/enrollments/:id/recompute', { schema: { tags, summary: '自某日起重新测算金额（补登的事实；已发期间将补发或追回）', params: IdParams, body: FromBody } }, async (request) =>
    recomputeAmount(db, actorOf(request), request.params.id, request.body),
  );
  app.put('/api/policies/:code/approval-levels', {
    schema: { tags, summary: '设置政策的审批级数（一级或两级）', params: Type.Object({ code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) }),
      body: Type.Object({ levels: Type.Union([Type.Literal(1), Type.Literal(2)]) }, { additionalProperties: false }) },
  }, async (request) => setApprovalLevels(db, actorOf(request), request.params.code, request.body.levels));
  app.get('/api/households/:id/enrollments', { schema: { tags, summary: '该户享受的全部待遇及历史', params: IdParams } }, async (request) =>
    householdEnrollments(db, actorOf(request), request.params.id),
  );

  app.get('/api/funding-sources', { schema: { tags, summary: '资金来源' } }, async (request) => listFundingSources(db, actorOf(request)));
  app.post('/api/funding-sources', { schema: { tags, summary: '新增资金来源', body: SourceBody } }, async (request) => createFundingSource(db, actorOf(request), request.body));
  app.get('/api/budgets', { schema: { tags, summary: '年度预算及使用情况', querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }) } }, async (request) =>
    budgetUse(db, actorOf(request), request.query.year),
  );
  app.put('/api/budgets', { schema: { tags, summary: '设置某资金来源某年某区划的预算', body: BudgetBody } }, async (request) => setBudget(db, actorOf(request), request.body));

  app.get('/api/persons/:id/bank-account', { schema: { tags, summary: '收款账户（账号脱敏；reveal=true 需权限并记审计）', params: IdParams, querystring: Type.Object({ reveal: Type.Optional(Type.Boolean()) }) } }, async (request) =>
    getBankAccount(db, actorOf(request), request.params.id, request.query.reveal ?? false),
  );
  app.put('/api/persons/:id/bank-account', { schema: { tags, summary: '登记或修改收款账户', params: IdParams, body: AccountBody } }, async (request) =>
    setBankAccount(db, actorOf(request), request.params.id, request.body),
  );
}
