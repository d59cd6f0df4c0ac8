/** Households: create with members in one step, change membership, and the household page. */
import { sql, type Kysely } from 'kysely';
import { RELATIONSHIP_LABELS, type Relationship } from '../../contracts/registry.js';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { subjectsChanged } from '../../kernel/events.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError, forbidden, notFound, type FieldProblem } from '../../kernel/errors.js';
import { findRegion, regionPrefix } from '../regions/regions.repo.js';
import { factsOfHousehold } from './facts.repo.js';
import { countHouseholds, findHousehold, insertHousehold, listHouseholds, setHead, updateHousehold } from './households.repo.js';
import type { PersonInput, ValidPerson } from './person-validation.js';
import { assertIdNumberFree, checkPerson, COUNT_CAP, validationError } from './persons.service.js';
import { findPerson, insertPerson, membersOf, setMembership } from './persons.repo.js';
import { presentFact, presentHousehold, presentPerson } from './presentation.js';
import { isWithinScope } from './scope-check.js';
import { personMatches } from './search.js';
import { escapeLike } from '../../kernel/auth/scope.js';
import { FACT_KINDS, type FactKind } from './facts.js';

export const RELATIONSHIPS = Object.keys(RELATIONSHIP_LABELS) as Relationship[];
export type { Relationship };

export type MemberInput = { relationship: Relationship } & ({ personId: number } | { person: PersonInput });

export interface NewHousehold {
  address?: string | null;
  regionCode: string;
  orgId?: number;
  members: MemberInput[];
}

async function checkRegion(db: Kysely<any>, code: string): Promise<void> {
  if (!(await findRegion(db, code))) throw validationError([{ field: 'regionCode', message: `区划代码 ${code} 不存在` }]);
}

export async function createHousehold(db: Kysely<any>, actor: Actor, input: NewHousehold) {
  requirePermission(actor, 'registry:write');
  const heads = input.members.filter((m) => m.relationship === 'head').length;
  if (heads !== 1) throw validationError([{ field: 'members', message: '每户须有且只有一名户主' }]);
  await checkRegion(db, input.regionCode);
  const orgId = input.orgId ?? actor.orgId!;
  const checked: { member: MemberInput; person: ValidPerson | null; index: number }[] = [];
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  for (const [index, member] of input.members.entries()) {
    if (!('person' in member)) {
      checked.push({ member, person: null, index });
      continue;
    }
    try {
      const person = await checkPerson(db, member.person, `members.${index}.`);
      const twin = seen.get(person.idNumber);
      if (twin !== undefined) problems.push({ field: `members.${index}.idNumber`, message: `与第 ${twin + 1} 名成员身份证号重复` });
      seen.set(person.idNumber, index);
      checked.push({ member, person, index });
    } catch (error) {
      if (error instanceof AppError && error.detail?.problems) problems.push(...error.detail.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw validationError(problems);

  return db.transaction().execute(async (trx) => {
    if (!(await isWithinScope(trx, actor.scope, { orgId, regionCode: input.regionCode, createdBy: actor.id }))) throw forbidden();
    const householdId = await insertHousehold(trx, { address: input.address?.trim() || null, regionCode: input.regionCode, orgId, createdBy: actor.id });
    for (const { member, person, index } of checked) {
      const personId = await attachMember(trx, actor, householdId, orgId, member, person, `members.${index}.`);
      if (member.relationship === 'head') await setHead(trx, householdId, personId);
    }
    const created = (await findHousehold(trx, actor.scope, householdId))!;
    await recordAudit(trx, actor, {
      action: 'household.created',
      entityType: 'household',
      entityId: householdId,
      after: { ...created, members: checked.map((c) => ({ relationship: c.member.relationship, name: c.person?.name, personId: 'personId' in c.member ? c.member.personId : undefined })) },
    });
    return presentHousehold(created);
  });
}

/** Puts a new or existing person into a household; an existing one must be in scope and in no other household. */
async function attachMember(
  trx: Kysely<any>,
  actor: Actor,
  householdId: number,
  orgId: number,
  member: MemberInput,
  person: ValidPerson | null,
  field: string,
): Promise<number> {
  if (person) {
    await assertIdNumberFree(trx, person.idNumber, `${field}idNumber`);
    return insertPerson(trx, { ...person, orgId, createdBy: actor.id, householdId, relationship: member.relationship });
  }
  const personId = (member as { personId: number }).personId;
  const existing = await findPerson(trx, actor.scope, personId, true);
  if (!existing) throw notFound();
  if (existing.householdId !== null && existing.householdId !== householdId) {
    throw new AppError('already_in_household', { field: `${field}personId`, problems: [{ field: `${field}personId`, message: '此人已是其他家庭的成员，请先从原家庭移出' }] });
  }
  await setMembership(trx, personId, householdId, member.relationship);
  return personId;
}

export async function addMember(db: Kysely<any>, actor: Actor, householdId: number, member: MemberInput) {
  requirePermission(actor, 'registry:write');
  const person = 'person' in member ? await checkPerson(db, member.person, 'person.') : null;
  const added = await db.transaction().execute(async (trx) => {
    const household = await findHousehold(trx, actor.scope, householdId, true);
    if (!household) throw notFound();
    if (member.relationship === 'head' && household.headPersonId !== null) {
      throw validationError([{ field: 'relationship', message: '该户已有户主' }]);
    }
    const personId = await attachMember(trx, actor, householdId, household.orgId, member, person, '');
    if (member.relationship === 'head') await setHead(trx, householdId, personId);
    await recordAudit(trx, actor, { action: 'household.member_added', entityType: 'household', entityId: householdId, after: { personId, relationship: member.relationship } });
    return { personId };
  });
  await subjectsChanged(db, { householdIds: [householdId], cause: 'membership', personId: added.personId, actor });
  return added;
}

export async function removeMember(db: Kysely<any>, actor: Actor, householdId: number, personId: number) {
  requirePermission(actor, 'registry:write');
  await db.transaction().execute(async (trx) => {
    const household = await findHousehold(trx, actor.scope, householdId, true);
    if (!household) throw notFound();
    const person = await findPerson(trx, actor.scope, personId, true);
    if (!person || person.householdId !== householdId) throw notFound();
    if (person.relationship === 'head' && household.memberCount > 1) {
      throw validationError([{ field: 'personId', message: '户主不能移出，请先变更户主' }]);
    }
    if (person.relationship === 'head') await setHead(trx, householdId, null);
    await setMembership(trx, personId, null, null);
    await recordAudit(trx, actor, { action: 'household.member_removed', entityType: 'household', entityId: householdId, before: { personId, relationship: person.relationship } });
  });
  await subjectsChanged(db, { householdIds: [householdId], cause: 'membership', personId, actor });
}

export async function editHousehold(db: Kysely<any>, actor: Actor, id: number, fields: { address?: string | null; regionCode: string }) {
  requirePermission(actor, 'registry:write');
  await checkRegion(db, fields.regionCode);
  return db.transaction().execute(async (trx) => {
    const before = await findHousehold(trx, actor.scope, id, true);
    if (!before) throw notFound();
    const after = { address: fields.address?.trim() || null, regionCode: fields.regionCode };
    if (!(await isWithinScope(trx, actor.scope, { orgId: before.orgId, regionCode: after.regionCode, createdBy: actor.id }))) throw forbidden();
    await updateHousehold(trx, id, after);
    await recordAudit(trx, actor, { action: 'household.updated', entityType: 'household', entityId: id, before, after });
    return presentHousehold((await findHousehold(trx, actor.scope, id))!);
  });
}

export async function getHouseholdPage(db: Kysely<any>, actor: Actor, id: number) {
  requirePermission(actor, 'registry:read');
  const household = await findHousehold(db, actor.scope, id);
  if (!household) throw notFound();
  const [members, facts, history] = await Promise.all([
    membersOf(db, id),
    factsOfHousehold(db, id),
    sql`select id, at, actor_name as "actorName", action, reason from audit_log
      where (entity_type = 'household' and entity_id = ${String(id)})
         or (entity_type = 'person' and entity_id in (select id::text from persons where household_id = ${id}))
      order by id desc limit 100`.execute(db),
  ]);
  return {
    household: presentHousehold(household),
    members: members.map(presentPerson),
    facts: facts.map((f) => presentFact(f)),
    history: history.rows,
  };
}

export interface HouseholdFilter {
  q?: string;
  regionCode?: string;
  orgId?: number;
  factKind?: FactKind;
  assistanceStatus?: string;
}

export function householdConditions(filter: HouseholdFilter) {
  const conditions = [];
  if (filter.q?.trim()) conditions.push(sql<boolean>`exists (select 1 from persons q where q.household_id = h.id and ${personMatches('q', filter.q)})`);
  if (filter.regionCode) conditions.push(sql<boolean>`h.region_code like ${escapeLike(regionPrefix(filter.regionCode)) + '%'}`);
  if (filter.orgId) conditions.push(sql<boolean>`h.org_id in (select o.id from organisations o where o.path like (select path from organisations where id = ${filter.orgId}) || '%')`);
  const current = sql`f.valid_from <= current_date and (f.valid_to is null or f.valid_to > current_date)`;
  if (filter.factKind) {
    const subject = FACT_KINDS[filter.factKind].subject === 'household' ? sql`f.household_id = h.id` : sql`f.person_id in (select id from persons m where m.household_id = h.id)`;
    conditions.push(sql<boolean>`exists (select 1 from facts f where ${subject} and f.kind = ${filter.factKind} and ${current})`);
  }
  if (filter.assistanceStatus) {
    conditions.push(sql<boolean>`exists (select 1 from facts f where f.household_id = h.id and f.kind = 'assistance_status' and f.value->>'status' = ${filter.assistanceStatus} and ${current})`);
  }
  return conditions;
}

export async function searchHouseholds(db: Kysely<any>, actor: Actor, filter: HouseholdFilter, page: { page: number; pageSize: number }) {
  requirePermission(actor, 'registry:read');
  const conditions = householdConditions(filter);
  const [rows, total] = await Promise.all([
    listHouseholds(db, actor.scope, conditions, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize }),
    countHouseholds(db, actor.scope, conditions, COUNT_CAP),
  ]);
  return { items: rows.map(presentHousehold), total, totalCapped: total >= COUNT_CAP };
}
