/** HTTP for the policy engine: policies and versions, rule checks, explanations, runs, simulations. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../kernel/audit.js';
import { requirePermission } from '../../kernel/auth/actor.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { notFound } from '../../kernel/errors.js';
import { IdParams } from '../registry/registry.schema.js';
import { sendXlsxStream } from '../registry/transfer/xlsx-response.js';
import { checkRules } from './compile.js';
import { evaluateHousehold, evaluateSubjects, loadHousehold, today } from './evaluation.service.js';
import { CandidateQuery, CheckBody, CodeParams, DecisionBody, PolicyBody, RunBody, VersionBody, VersionParams } from './policies.schema.js';
import { adoptVersion, createPolicy, createVersion, getPolicies, getPolicy, getVersion } from './policies.service.js';
import { SUBJECT_SCHEMA } from './rules/subject.js';
import { exportCandidates } from './runs/candidates-export.js';
import { cancelRun, decideCandidate, getCandidates, getRun, getRuns, startRun } from './runs/runs.service.js';
import { getSimulation, startSimulation } from './runs/simulation.js';

const tags = ['policies'];

export function policyRoutes(app: HttpServer, { db }: { db: Kysely<any> }): void {
  app.get('/api/policies', { schema: { tags, summary: '政策列表' } }, async (request) => getPolicies(db, actorOf(request)));
  app.post('/api/policies', { schema: { tags, summary: '新建政策（第 1 版，可直接启用）', body: PolicyBody } }, async (request) => createPolicy(db, actorOf(request), request.body));
  app.get('/api/policies/:code', { schema: { tags, summary: '政策详情与版本历史', params: CodeParams } }, async (request) => getPolicy(db, actorOf(request), request.params.code));
  app.post('/api/policies/:code/versions', { schema: { tags, summary: '修改政策：生成新的草稿版本', params: CodeParams, body: VersionBody } }, async (request) =>
    createVersion(db, actorOf(request), request.params.code, request.body),
  );
  app.get('/api/policies/:code/versions/:version', { schema: { tags, summary: '某一版本', params: VersionParams } }, async (request) =>
    getVersion(db, actorOf(request), request.params.code, request.params.version),
  );
  app.post('/api/policies/:code/versions/:version/adopt', { schema: { tags, summary: '启用草稿版本（原版本停用）', params: VersionParams } }, async (request) =>
    adoptVersion(db, actorOf(request), request.params.code, request.params.version),
  );
  app.post(
    '/api/policies/:code/versions/:version/simulate',
    { schema: { tags, summary: '模拟测算：草稿与现行版本对比', params: VersionParams, body: Type.Optional(Type.Object({ regionCodes: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{6,12}$' }), { maxItems: 100 })) })) } },
    async (request) => (await startSimulation(db, actorOf(request), request.params.code, request.params.version, request.body?.regionCodes ?? [])).run,
  );
  app.get('/api/policy-schema', { schema: { tags, summary: '规则可用的字段（CEL 对象说明）' } }, async (request) => {
    requirePermission(actorOf(request), 'policy:read');
    return SUBJECT_SCHEMA;
  });

  app.post('/api/policies/check', { schema: { tags, summary: '检查规则；给出家庭时在该户上试算并解释', body: CheckBody } }, async (request) => {
    const actor = actorOf(request);
    requirePermission(actor, 'policy:read');
    const { problems, compiled } = checkRules(request.body);
    if (!compiled || !request.body.householdId) return { problems, evaluations: null };
    const subjects = await loadHousehold(db, actor, request.body.householdId, await today(db));
    if (!subjects) throw notFound();
    const draft = { versionId: 0, version: 0, code: '(draft)', input: { nameZh: '草稿', period: request.body.period ?? 'monthly', ...request.body }, compiled };
    return { problems, evaluations: evaluateSubjects(subjects, [draft], new Set()) };
  });
  app.get('/api/households/:id/policy-evaluations', { schema: { tags, summary: '该户适用的全部政策及解释', params: IdParams } }, async (request) =>
    evaluateHousehold(db, actorOf(request), request.params.id),
  );

  app.get('/api/policy-runs', { schema: { tags, summary: '政策找人运行记录', querystring: Type.Object({ kind: Type.Optional(Type.Union([Type.Literal('run'), Type.Literal('simulation'), Type.Literal('monitor')])) }) } }, async (request) =>
    getRuns(db, actorOf(request), [request.query.kind ?? 'run']),
  );
  app.post('/api/policy-runs', { schema: { tags, summary: '运行政策找人（后台执行，轮询进度）', body: RunBody } }, async (request) =>
    (await startRun(db, actorOf(request), request.body)).run,
  );
  app.get('/api/policy-runs/:id', { schema: { tags, summary: '运行进度与各政策统计', params: IdParams } }, async (request) => getRun(db, actorOf(request), request.params.id));
  app.post('/api/policy-runs/:id/cancel', { schema: { tags, summary: '取消运行（不留下部分名单）', params: IdParams } }, async (request) => cancelRun(db, actorOf(request), request.params.id));
  app.get('/api/policy-runs/:id/simulation', { schema: { tags, summary: '模拟测算结果', params: IdParams } }, async (request) => getSimulation(db, actorOf(request), request.params.id));
  app.get('/api/policy-runs/:id/candidates', { schema: { tags, summary: '名单：应纳未纳、应退未退、金额变化、无法判定', params: IdParams, querystring: CandidateQuery } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return getCandidates(db, actorOf(request), request.params.id, filter, { page: page ?? 1, pageSize: pageSize ?? 20 });
  });
  app.get('/api/policy-runs/:id/candidates.xlsx', { schema: { tags, summary: '导出名单（xlsx）', params: IdParams, querystring: CandidateQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    requirePermission(actor, 'policy:read');
    requirePermission(actor, 'registry:export');
    await getRun(db, actor, request.params.id);
    const { page: _page, pageSize: _size, ...filter } = request.query;
    return sendXlsxStream(reply, `政策找人名单-${request.params.id}.xlsx`, async (out, room) => {
      const rows = await exportCandidates(db, actor, request.params.id, filter, out, room);
      await recordAudit(db, actor, { action: 'policy.candidates_exported', entityType: 'policy_run', entityId: request.params.id, detail: { filter, rows } });
    });
  });
  app.post('/api/policy-candidates/:id/decision', { schema: { tags, summary: '处理名单中的一条：发起申请、停发（须说明原因）或暂不处理', params: IdParams, body: DecisionBody } }, async (request) =>
    decideCandidate(db, actorOf(request), request.params.id, request.body.decision, request.body.reason ?? null),
  );
}
