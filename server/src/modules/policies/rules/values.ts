/**
 * Subject rows as CEL values for the in-memory evaluator: ints as bigint, optional objects
 * left out when the fact is missing (so reading them is an error, as in SQL it is NULL).
 */
import type { SubjectHouseholdRow, SubjectPersonRow } from './subject-sql.js';

export type CelObject = Record<string, unknown>;

export function personValue(row: SubjectPersonRow): CelObject {
  const value: CelObject = {
    id: BigInt(row.person_id),
    name: row.name,
    sex: row.sex,
    age: BigInt(row.age),
    relationship: row.relationship,
    isHead: row.is_head,
    schoolStage: row.school_stage,
    elderlyAlone: row.elderly_alone,
    incapacitated: row.incapacitated,
    employed: row.employed,
  };
  if (row.disability_grade !== null) {
    value.disability = { category: BigInt(row.disability_category ?? 0), grade: BigInt(row.disability_grade) };
  }
  if (row.illness_severity !== null) value.illness = { severity: row.illness_severity, name: row.illness_name ?? '' };
  if (row.employment_employer !== null) {
    value.employment = {
      employer: row.employment_employer,
      publicWelfarePost: row.public_welfare_post ?? false,
      postEndsInDays: BigInt(row.post_ends_in_days ?? 0),
    };
  }
  return value;
}

export function householdValue(row: SubjectHouseholdRow, members: CelObject[]): CelObject {
  const value: CelObject = {
    id: BigInt(row.household_id),
    regionCode: row.region_code,
    size: BigInt(row.size),
    assistanceStatus: row.assistance_status,
    hardshipWorker: row.hardship_worker,
    specialFamily: row.special_family,
    members,
    students: {
      preschool: BigInt(row.students_preschool),
      primary: BigInt(row.students_primary),
      juniorHigh: BigInt(row.students_junior_high),
      compulsory: BigInt(row.students_compulsory),
      seniorHigh: BigInt(row.students_senior_high),
      vocational: BigInt(row.students_vocational),
      college: BigInt(row.students_college),
      postgraduate: BigInt(row.students_postgraduate),
    },
  };
  if (row.income_monthly_fen !== null) {
    // Per capita is undefined (an error to read) when nobody in the household is alive, as in SQL.
    const income: Record<string, bigint> = { monthlyFen: BigInt(row.income_monthly_fen) };
    if (row.income_per_capita_fen !== null) income.perCapitaFen = BigInt(row.income_per_capita_fen);
    value.income = income;
  }
  return value;
}

/** One household's subjects: the household value and each living member's person value. */
export interface HouseholdSubjects {
  householdId: number;
  household: CelObject;
  headPersonId: number | null;
  persons: Array<{ personId: number; name: string; value: CelObject }>;
}

export function groupSubjects(persons: SubjectPersonRow[], households: SubjectHouseholdRow[]): HouseholdSubjects[] {
  const byHousehold = new Map<number, SubjectPersonRow[]>();
  for (const p of persons) {
    const list = byHousehold.get(p.household_id) ?? [];
    list.push(p);
    byHousehold.set(p.household_id, list);
  }
  return households.map((h) => {
    const rows = byHousehold.get(h.household_id) ?? [];
    const personValues = rows.map((p) => ({ personId: p.person_id, name: p.name, value: personValue(p) }));
    return {
      householdId: h.household_id,
      household: householdValue(h, personValues.map((p) => p.value)),
      headPersonId: h.head_person_id,
      persons: personValues,
    };
  });
}
