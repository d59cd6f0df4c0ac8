/** Persons: register, correct, find, and reveal identity data with a stated reason. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { can, requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError, forbidden, notFound, type FieldProblem } from '../../kernel/errors.js';
import { findRegion, regionPrefix } from '../regions/regions.repo.js';
import { FACT_KINDS } from './facts.js';
import { factsOfPerson } from './facts.repo.js';
import { validatePerson, type PersonInput, type ValidPerson } from './person-validation.js';
import { countPersons, findPerson, findPersonIdByIdNumber, insertPerson, listPersons, updatePerson, type PersonRow } from './persons.repo.js';
import { presentFact, presentPerson } from './presentation.js';
import { isWithinScope } from './scope-check.js';
import { personMatches } from './search.js';
import { escapeLike } from '../../kernel/auth/scope.js';

export const COUNT_CAP = 10_000;

/** Validates a person against the database's regions; throws one error listing every field problem. */
export async function checkPerson(db: Kysely<any>, input: PersonInput, fieldPrefix = ''): Promise<ValidPerson> {
  const region = input.regionCode ? await findRegion(db, input.regionCode.trim()) : null;
  const { value, problems } = validatePerson(input, () => region !== null);
  if (!value) throw validationError(problems.map((p) => ({ ...p, field: fieldPrefix + p.field })));
  return value;
}

export function validationError(problems: FieldProblem[]): AppError {
  return new AppError('validation_failed', {
    zh: problems.map((p) => p.message).join('；'),
    en: problems.map((p) => `${p.field}: invalid`).join('; '),
    field: problems[0]?.field,
    problems,
  });
}

export async function assertIdNumberFree(db: Kysely<any>, idNumber: string, field: string, exceptPersonId?: number): Promise<void> {
  const existing = await findPersonIdByIdNumber(db, idNumber);
  if (existing && existing.id !== exceptPersonId) {
    throw new AppError('id_number_taken', { field, problems: [{ field, message: '该身份证号已登记，请在家庭中选择已有人员' }] });
  }
}

export async function createPerson(db: Kysely<any>, actor: Actor, input: PersonInput & { orgId?: number }): Promise<PersonRow> {
  requirePermission(actor, 'registry:write');
  const person = await checkPerson(db, input);
  const orgId = input.orgId ?? actor.orgId!;
  return db.transaction().execute(async (trx) => {
    await assertIdNumberFree(trx, person.idNumber, 'idNumber');
    if (!(await isWithinScope(trx, actor.scope, { orgId, regionCode: person.regionCode, createdBy: actor.id }))) throw forbidden();
    const id = await insertPerson(trx, { ...person, orgId, createdBy: actor.id });
    await recordAudit(trx, actor, { action: 'person.created', entityType: 'person', entityId: id, after: person });
    return (await findPerson(trx, actor.scope, id))!;
  });
}

export async function editPerson(db: Kysely<any>, actor: Actor, id: number, input: PersonInput) {
  requirePermission(actor, 'registry:write');
  const person = await checkPerson(db, input);
  return db.transaction().execute(async (trx) => {
    const before = await findPerson(trx, actor.scope, id, true);
    if (!before) throw notFound();
    if (person.idNumber !== before.idNumber) await assertIdNumberFree(trx, person.idNumber, 'idNumber', id);
    await updatePerson(trx, id, person);
    await recordAudit(trx, actor, { action: 'person.updated', entityType: 'person', entityId: id, before, after: person });
    return presentPerson((await findPerson(trx, actor.scope, id))!);
  });
}

export async function getPerson(db: Kysely<any>, actor: Actor, id: number) {
  requirePermission(actor, 'registry:read');
  const row = await findPerson(db, actor.scope, id);
  if (!row) throw notFound();
  const facts = await factsOfPerson(db, id);
  return { ...presentPerson(row), facts: facts.map((f) => presentFact(f)) };
}

export interface PersonFilter {
  q?: string;
  regionCode?: string;
  orgId?: number;
  householdless?: boolean;
}

export function personConditions(filter: PersonFilter): RawBuilder<boolean>[] {
  const conditions: RawBuilder<boolean>[] = [];
  if (filter.q?.trim()) conditions.push(personMatches('p', filter.q));
  if (filter.regionCode) conditions.push(sql<boolean>`p.region_code like ${escapeLike(regionPrefix(filter.regionCode)) + '%'}`);
  if (filter.orgId) conditions.push(sql<boolean>`p.org_id in (select o.id from organisations o where o.path like (select path from organisations where id = ${filter.orgId}) || '%')`);
  if (filter.householdless) conditions.push(sql<boolean>`p.household_id is null`);
  return conditions;
}

export async function searchPersons(db: Kysely<any>, actor: Actor, filter: PersonFilter, page: { page: number; pageSize: number }) {
  requirePermission(actor, 'registry:read');
  const conditions = personConditions(filter);
  const limit = page.pageSize;
  const [rows, total] = await Promise.all([
    listPersons(db, actor.scope, conditions, { limit, offset: (page.page - 1) * limit }),
    countPersons(db, actor.scope, conditions, COUNT_CAP),
  ]);
  return { items: rows.map(presentPerson), total, totalCapped: total >= COUNT_CAP };
}

export type RevealField = 'idNumber' | 'phone' | 'health';

/** Shows the clear identity number, phone or health facts of one person, for a stated reason; audited. */
export async function revealPerson(db: Kysely<any>, actor: Actor, id: number, fields: RevealField[], reason: string) {
  if ((fields.includes('idNumber') || fields.includes('phone')) && !can(actor, 'pii:reveal')) throw forbidden();
  if (fields.includes('health') && !can(actor, 'health:reveal')) throw forbidden();
  if (reason.trim().length < 2) throw validationError([{ field: 'reason', message: '请填写查看原因' }]);
  const row = await findPerson(db, actor.scope, id);
  if (!row) throw notFound();
  const result: { idNumber?: string; phone?: string | null; healthFacts?: ReturnType<typeof presentFact>[] } = {};
  if (fields.includes('idNumber')) result.idNumber = row.idNumber;
  if (fields.includes('phone')) result.phone = row.phone;
  if (fields.includes('health')) {
    result.healthFacts = (await factsOfPerson(db, id)).filter((f) => FACT_KINDS[f.kind].sensitive).map((f) => presentFact(f, true));
  }
  await recordAudit(db, actor, { action: 'person.revealed', entityType: 'person', entityId: id, reason: reason.trim(), detail: { fields } });
  return result;
}
