/**
 * The facts a census visit may confirm or correct, as values: only the keys each kind holds
 * are kept (a phone cannot store arbitrary JSON in the registry), and two values are the same
 * fact when those keys agree — so confirming what the registry already says writes nothing.
 */
import type { CensusFactKind } from '../../contracts/visits.js';

type Value = Record<string, unknown>;

/** The value as the registry stores it for this kind. */
export function factValueOf(kind: CensusFactKind, value: Value): Value {
  switch (kind) {
    case 'elderly_alone':
      return {};
    case 'employment': {
      const employer = typeof value.employer === 'string' ? value.employer.trim() : value.employer;
      return value.publicWelfarePost === true
        ? { employer, publicWelfarePost: true, postEndDate: value.postEndDate }
        : { employer, ...(value.publicWelfarePost === undefined ? {} : { publicWelfarePost: value.publicWelfarePost }) };
    }
    case 'disability':
      return { category: value.category, grade: value.grade, certificateNo: typeof value.certificateNo === 'string' ? value.certificateNo.trim().toUpperCase() : value.certificateNo };
    case 'incapacitated':
      return { level: value.level };
  }
}

/** Whether a recorded value and a newly seen one say the same thing. */
export function sameFactValue(kind: CensusFactKind, recorded: Value, seen: Value): boolean {
  const a = factValueOf(kind, recorded);
  const b = factValueOf(kind, seen);
  switch (kind) {
    case 'elderly_alone':
      return true;
    case 'employment':
      return (a.employer || '') === (b.employer || '') && Boolean(a.publicWelfarePost) === Boolean(b.publicWelfarePost)
        && (!a.publicWelfarePost || a.postEndDate === b.postEndDate);
    case 'disability':
      return Number(a.category) === Number(b.category) && Number(a.grade) === Number(b.grade) && a.certificateNo === b.certificateNo;
    case 'incapacitated':
      return a.level === b.level;
  }
}
