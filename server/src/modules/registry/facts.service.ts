/** Recording and ending dated facts, keeping every past value as history. */
import { afterCommit, inTransaction } from '../../kernel/db/transaction.js';
import type { Kysely } from 'kysely';
import { requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { subjectsChanged } from '../../kernel/events.js';
import { FACT_KINDS, validateFactValue, type FactKind } from './facts.js';
import { endFact, findFact, insertFact, openFacts } from './facts.repo.js';
import { findHousehold } from './households.repo.js';
import { findPerson } from './persons.repo.js';
import { validationError } from './persons.service.js';
import { presentFact } from './presentation.js';
import { parseDateText } from './person-validation.js';

export interface NewFact {
  personId?: number;
  householdId?: number;
  kind: FactKind;
  value: Record<string, unknown>;
  source: string;
  validFrom: string;
  validTo?: string | null;
}

function checkedDate(raw: string | null | undefined, field: string): string | null {
  const date = parseDateText(raw);
  if (date === 'invalid') throw validationError([{ field, message: '日期格式应为 YYYY-MM-DD' }]);
  return date;
}

/**
 * Records a fact. For kinds a subject has one of at a time, the open one ends the day the
 * new one starts — so the history reads as an unbroken timeline.
 */
export async function recordFact(db: Kysely<any>, actor: Actor, input: NewFact) {
  requirePermission(actor, 'registry:write');
  const spec = FACT_KINDS[input.kind];
  const subject = { personId: input.personId ?? null, householdId: input.householdId ?? null };
  if ((spec.subject === 'person') !== (subject.personId !== null) || (subject.personId === null) === (subject.householdId === null)) {
    throw validationError([{ field: 'kind', message: spec.subject === 'person' ? `“${spec.zh}”应记录在个人名下` : `“${spec.zh}”应记录在家庭名下` }]);
  }
  const validFrom = checkedDate(input.validFrom, 'validFrom');
  if (!validFrom) throw validationError([{ field: 'validFrom', message: '生效日期必填' }]);
  const validTo = checkedDate(input.validTo, 'validTo');
  if (validTo && validTo < validFrom) throw validationError([{ field: 'validTo', message: '失效日期不能早于生效日期' }]);
  const source = input.source.trim();
  if (!source) throw validationError([{ field: 'source', message: '信息来源必填' }]);

  const { fact, householdId } = await inTransaction(db, async (trx) => {
    const person = subject.personId !== null ? await findPerson(trx, actor.scope, subject.personId, true) : null;
    const household = subject.householdId !== null ? await findHousehold(trx, actor.scope, subject.householdId, true) : null;
    if (!person && !household) throw notFound();
    const problems = validateFactValue(input.kind, input.value, person?.idNumber ?? null);
    if (problems.length > 0) throw validationError(problems);
    const ended: number[] = [];
    if (!spec.multiple) {
      for (const open of await openFacts(trx, subject, input.kind)) {
        if (open.validFrom >= validFrom) {
          throw new AppError('conflict', { field: 'validFrom', zh: `已有自 ${open.validFrom} 起生效的同类信息，新信息的生效日期须晚于它`, en: 'a later fact of this kind exists' });
        }
        await endFact(trx, open.id, validFrom);
        ended.push(open.id);
      }
    }
    const id = await insertFact(trx, { ...subject, kind: input.kind, value: input.value, source, validFrom, validTo, recordedBy: actor.id });
    await recordAudit(trx, actor, {
      action: 'fact.recorded',
      entityType: subject.personId !== null ? 'person' : 'household',
      entityId: subject.personId ?? subject.householdId,
      after: spec.sensitive ? { factId: id, kind: input.kind } : { factId: id, kind: input.kind, value: input.value, validFrom, validTo, source },
      detail: { ended },
    });
    return { fact: presentFact((await findFact(trx, id))!), householdId: person?.householdId ?? household?.id ?? null };
  });
  if (householdId !== null) await afterCommit(db, (root) => subjectsChanged(root, { householdIds: [householdId], cause: input.kind, personId: subject.personId, actor }));
  return fact;
}

export async function endFactOn(db: Kysely<any>, actor: Actor, factId: number, validTo: string) {
  requirePermission(actor, 'registry:write');
  const date = checkedDate(validTo, 'validTo');
  if (!date) throw validationError([{ field: 'validTo', message: '失效日期必填' }]);
  const { ended, householdId } = await inTransaction(db, async (trx) => {
    const fact = await findFact(trx, factId);
    if (!fact) throw notFound();
    const inScope = fact.personId !== null ? await findPerson(trx, actor.scope, fact.personId, true) : await findHousehold(trx, actor.scope, fact.householdId!, true);
    if (!inScope) throw notFound();
    if (fact.validTo !== null) throw new AppError('conflict', { zh: '该信息已失效', en: 'already ended' });
    if (date < fact.validFrom) throw validationError([{ field: 'validTo', message: '失效日期不能早于生效日期' }]);
    await endFact(trx, factId, date);
    await recordAudit(trx, actor, { action: 'fact.ended', entityType: fact.personId !== null ? 'person' : 'household', entityId: fact.personId ?? fact.householdId, detail: { factId, validTo: date } });
    const householdId = 'householdId' in inScope && fact.personId !== null ? inScope.householdId : fact.householdId;
    return { ended: presentFact((await findFact(trx, factId))!), householdId: householdId as number | null };
  });
  if (householdId !== null) await afterCommit(db, (root) => subjectsChanged(root, { householdIds: [householdId], cause: ended.kind, personId: ended.personId, actor }));
  return ended;
}
