/**
 * What leaves the registry: identity numbers, phones and health/disability facts are
 * masked; the clear values only come from the audited reveal.
 */
import type { FactView, HouseholdSummary, PersonView } from '../../contracts/registry.js';
import { maskIdNumber, maskPhone } from '../../kernel/privacy/mask.js';
import { describeFact, FACT_KINDS } from './facts.js';
import type { FactRow } from './facts.repo.js';
import type { HouseholdRow } from './households.repo.js';
import type { PersonRow } from './persons.repo.js';


export function ageOn(birthDate: string, on = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = on.getFullYear() - y;
  if (on.getMonth() + 1 < m || (on.getMonth() + 1 === m && on.getDate() < d)) age -= 1;
  return age;
}

export function presentPerson(row: PersonRow): PersonView {
  return { ...row, idNumber: maskIdNumber(row.idNumber), phone: maskPhone(row.phone), masked: true, age: ageOn(row.birthDate) };
}

export function presentHousehold(row: HouseholdRow): HouseholdSummary {
  return { ...row, headIdNumber: maskIdNumber(row.headIdNumber) };
}


export function presentFact(row: FactRow, revealHealth = false): FactView {
  const sensitive = FACT_KINDS[row.kind].sensitive && !revealHealth;
  return {
    ...row,
    value: sensitive ? null : row.value,
    label: sensitive ? `${FACT_KINDS[row.kind].zh}（已脱敏）` : describeFact(row.kind, row.value),
    masked: sensitive,
  };
}
