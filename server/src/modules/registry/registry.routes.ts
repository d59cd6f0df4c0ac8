/** HTTP for the registry: persons, households, members, facts, reveal; import and export live beside. */
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Config } from '../../kernel/config.js';
import { actorOf, type HttpServer } from '../../kernel/http/server.js';
import { endFactOn, recordFact } from './facts.service.js';
import { addMember, createHousehold, editHousehold, getHouseholdPage, removeMember, searchHouseholds } from './households.service.js';
import { createPerson, editPerson, getPerson, revealPerson, searchPersons } from './persons.service.js';
import { FactBody, HouseholdBody, HouseholdPatch, HouseholdQuery, IdParams, MemberBody, PersonBody, PersonQuery, RevealBody, Id } from './registry.schema.js';
import { FACT_KINDS } from './facts.js';
import { registryTransferRoutes } from './transfer/transfer.routes.js';

const tags = ['registry'];
const paging = (q: { page?: number; pageSize?: number }) => ({ page: q.page ?? 1, pageSize: q.pageSize ?? 20 });

export async function registryRoutes(app: HttpServer, { db, config }: { db: Kysely<any>; config: Config }): Promise<void> {
  app.get('/api/persons', { schema: { tags, summary: '人员查询（姓名、拼音首字母、身份证号、电话）', querystring: PersonQuery } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return searchPersons(db, actorOf(request), filter, paging({ page, pageSize }));
  });
  app.post('/api/persons', { schema: { tags, summary: '登记人员 Register a person', body: PersonBody } }, async (request) =>
    createPerson(db, actorOf(request), request.body),
  );
  app.get('/api/persons/:id', { schema: { tags, summary: '人员详情', params: IdParams } }, async (request) => getPerson(db, actorOf(request), request.params.id));
  app.put('/api/persons/:id', { schema: { tags, summary: '修改人员信息', params: IdParams, body: PersonBody } }, async (request) =>
    editPerson(db, actorOf(request), request.params.id, request.body),
  );
  app.post('/api/persons/:id/reveal', { schema: { tags, summary: '查看完整身份证号/电话/健康信息（须说明原因，记审计）', params: IdParams, body: RevealBody } }, async (request) =>
    revealPerson(db, actorOf(request), request.params.id, request.body.fields, request.body.reason),
  );
  app.post('/api/persons/:id/facts', { schema: { tags, summary: '记录个人信息（残疾、疾病、就业、在学等）', params: IdParams, body: FactBody } }, async (request) =>
    recordFact(db, actorOf(request), { ...request.body, personId: request.params.id }),
  );

  app.get('/api/households', { schema: { tags, summary: '家庭列表与筛选', querystring: HouseholdQuery } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return searchHouseholds(db, actorOf(request), filter, paging({ page, pageSize }));
  });
  app.post('/api/households', { schema: { tags, summary: '新增家庭及成员（一次提交，全部成功或全部不保存）', body: HouseholdBody } }, async (request) =>
    createHousehold(db, actorOf(request), request.body),
  );
  app.get('/api/households/:id', { schema: { tags, summary: '家庭详情：成员、信息及历史', params: IdParams } }, async (request) =>
    getHouseholdPage(db, actorOf(request), request.params.id),
  );
  app.put('/api/households/:id', { schema: { tags, summary: '修改家庭地址和区划', params: IdParams, body: HouseholdPatch } }, async (request) =>
    editHousehold(db, actorOf(request), request.params.id, request.body),
  );
  app.post('/api/households/:id/members', { schema: { tags, summary: '添加家庭成员', params: IdParams, body: MemberBody } }, async (request) =>
    addMember(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/households/:id/members/:personId',
    { schema: { tags, summary: '移出家庭成员', params: Type.Object({ id: Id, personId: Id }) } },
    async (request) => {
      await removeMember(db, actorOf(request), request.params.id, request.params.personId);
      return { ok: true };
    },
  );
  app.post('/api/households/:id/facts', { schema: { tags, summary: '记录家庭信息（低保/特困/低保边缘、特殊家庭）', params: IdParams, body: FactBody } }, async (request) =>
    recordFact(db, actorOf(request), { ...request.body, householdId: request.params.id }),
  );
  app.post(
    '/api/facts/:id/end',
    { schema: { tags, summary: '结束一条信息（设失效日期）', params: IdParams, body: Type.Object({ validTo: Type.String({ maxLength: 20 }) }, { additionalProperties: false }) } },
    async (request) => endFactOn(db, actorOf(request), request.params.id, request.body.validTo),
  );
  app.get('/api/fact-kinds', { schema: { tags, summary: '信息类别' } }, async () => Object.values(FACT_KINDS));

  await registryTransferRoutes(app, { db, config });
}
