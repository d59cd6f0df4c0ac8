/**
 * Dated facts for one synthetic household: disability (≈6% of persons, rising with age),
 * serious or chronic illness (≈2%), school stage by age, work and public-welfare posts,
 * elderly living alone, and the household's assistance status (≈3% 低保, fewer 特困 and
 * 低保边缘), more likely where someone is disabled, ill or old and alone.
 */
import {
  BIG_EMPLOYERS, CHRONIC_ILLNESSES, DISABILITY_CATEGORIES, DISABILITY_GRADES, EMPLOYER_KINDS, SERIOUS_ILLNESSES, WELFARE_POSTS,
} from './synthetic-data.js';
import { dateOf, REFERENCE_DAY, yearOf } from './synthetic-identity.js';
import type { Place } from './synthetic-regions.js';
import { Rng, Weighted } from './synthetic-random.js';

export const FACT_SOURCE = '合成数据';

export interface FactMember {
  age: number;
  birthDay: number;
}

export interface FactPlan {
  /** Index of the member in its household, or null for a household fact. */
  member: number | null;
  kind: 'assistance_status' | 'disability' | 'illness' | 'employment' | 'school_stage' | 'elderly_alone' | 'hardship_worker';
  /** For disability the certificate number is added once the ID number is final. */
  value: Record<string, unknown>;
  validFrom: string;
  validTo: string | null;
}

const categories = Weighted.of(DISABILITY_CATEGORIES);
const grades = Weighted.of(DISABILITY_GRADES);
const YEAR = 365;

const byAge = (age: number, rates: readonly (readonly [number, number])[]) => rates.find(([upTo]) => age <= upTo)![1];
const DISABILITY_RATE = [[17, 0.016], [44, 0.037], [59, 0.068], [69, 0.115], [79, 0.18], [200, 0.26]] as const;
const ILLNESS_RATE = [[17, 0.003], [44, 0.01], [59, 0.028], [69, 0.048], [200, 0.064]] as const;

/** A day in [from, to], clamped to the person's life and to before the reference date. */
function dayBetween(rng: Rng, from: number, to: number): string {
  const hi = Math.min(to, REFERENCE_DAY - 1);
  const lo = Math.min(from, hi);
  return dateOf(rng.range(lo, hi));
}

function schoolStage(rng: Rng, age: number): { stage: string; startAge: number } | null {
  if (age >= 3 && age <= 5) return rng.chance(0.88) ? { stage: 'preschool', startAge: 3 } : null;
  if (age >= 6 && age <= 11) return rng.chance(0.995) ? { stage: 'primary', startAge: 6 } : null;
  if (age >= 12 && age <= 14) return rng.chance(0.98) ? { stage: 'junior_high', startAge: 12 } : null;
  if (age >= 15 && age <= 17) {
    const roll = rng.float();
    return roll < 0.58 ? { stage: 'senior_high', startAge: 15 } : roll < 0.92 ? { stage: 'vocational', startAge: 15 } : null;
  }
  if (age >= 18 && age <= 22) return rng.chance(age <= 21 ? 0.45 : 0.25) ? { stage: 'college', startAge: 18 } : null;
  if (age >= 23 && age <= 25) return rng.chance(0.03) ? { stage: 'postgraduate', startAge: 22 } : null;
  return null;
}

export function planFacts(rng: Rng, members: readonly FactMember[], place: Place): FactPlan[] {
  const facts: FactPlan[] = [];
  let disabled = 0;
  let severelyDisabled = 0;
  let seriouslyIll = 0;
  const inSchool = new Set<number>();

  members.forEach((m, i) => {
    if (rng.chance(byAge(m.age, DISABILITY_RATE))) {
      const category = categories.pick(rng);
      const grade = grades.pick(rng);
      disabled++;
      if (grade <= 2) severelyDisabled++;
      facts.push({ member: i, kind: 'disability', value: { category, grade }, validFrom: dayBetween(rng, Math.max(m.birthDay + YEAR, REFERENCE_DAY - 15 * YEAR), REFERENCE_DAY), validTo: null });
    }
    if (rng.chance(byAge(m.age, ILLNESS_RATE))) {
      const serious = rng.chance(0.35);
      if (serious) seriouslyIll++;
      const name = rng.pick(serious ? SERIOUS_ILLNESSES : CHRONIC_ILLNESSES);
      const from = Math.max(m.birthDay + YEAR, REFERENCE_DAY - 10 * YEAR);
      facts.push({ member: i, kind: 'illness', value: { severity: serious ? 'serious' : 'chronic', name }, validFrom: dayBetween(rng, from, REFERENCE_DAY), validTo: null });
      if (m.age >= 50 && rng.chance(0.15)) {
        const second = rng.pick(CHRONIC_ILLNESSES);
        if (second !== name) facts.push({ member: i, kind: 'illness', value: { severity: 'chronic', name: second }, validFrom: dayBetween(rng, from, REFERENCE_DAY), validTo: null });
      }
    }
    const school = schoolStage(rng, m.age);
    if (school) {
      inSchool.add(i);
      const year = Math.min(yearOf(m.birthDay) + school.startAge, yearOf(REFERENCE_DAY) - 1);
      facts.push({ member: i, kind: 'school_stage', value: { stage: school.stage }, validFrom: `${year}-09-01`, validTo: null });
    }
  });

  const onlyMember = members.length === 1 ? members[0] : null;
  if (onlyMember && onlyMember.age >= 70 && rng.chance(0.75)) {
    facts.push({ member: 0, kind: 'elderly_alone', value: {}, validFrom: dayBetween(rng, REFERENCE_DAY - 6 * YEAR, REFERENCE_DAY - 60), validTo: null });
  }

  // Assistance status of the household: 特困 for people alone without support, else 低保 or 低保边缘.
  const aloneAndOld = onlyMember !== null && onlyMember.age >= 60;
  let status: 'dibao' | 'tekun' | 'dibao_edge' | null = null;
  if ((aloneAndOld || (onlyMember && severelyDisabled > 0)) && rng.chance(0.03)) status = 'tekun';
  else if (rng.chance(0.02 + 0.06 * Math.min(severelyDisabled, 1) + 0.03 * Math.min(disabled, 1) + 0.05 * Math.min(seriouslyIll, 1) + (aloneAndOld ? 0.02 : 0))) status = 'dibao';
  else if (rng.chance(0.012)) status = 'dibao_edge';
  if (status) {
    const from = REFERENCE_DAY - rng.range(30, 8 * YEAR);
    if (status === 'dibao' && rng.chance(0.25)) {
      // Came up from 低保边缘: the earlier status ends the day the new one starts.
      facts.push({ member: null, kind: 'assistance_status', value: { status: 'dibao_edge' }, validFrom: dateOf(from - rng.range(90, 3 * YEAR)), validTo: dateOf(from) });
    }
    facts.push({ member: null, kind: 'assistance_status', value: { status }, validFrom: dateOf(from), validTo: null });
  }

  members.forEach((m, i) => {
    if (m.age < 18 || m.age > 59 || inSchool.has(i)) return;
    const poor = status === 'dibao' || status === 'dibao_edge';
    if (m.age >= 30 && rng.chance(poor ? 0.06 : 0.005)) {
      // 公益性岗位: a fixed term; the end date is what caseworkers watch.
      const end = REFERENCE_DAY + rng.range(30, 540);
      const value = { employer: `${place.localName}（${rng.pick(WELFARE_POSTS)}）`, publicWelfarePost: true, postEndDate: dateOf(end) };
      facts.push({ member: i, kind: 'employment', value, validFrom: dayBetween(rng, end - 3 * YEAR, end - YEAR), validTo: null });
    } else if (rng.chance(0.14)) {
      const employer = rng.chance(0.15) ? rng.pick(BIG_EMPLOYERS) : `${place.countyName}${rng.pick(EMPLOYER_KINDS)}`;
      facts.push({ member: i, kind: 'employment', value: { employer }, validFrom: dayBetween(rng, Math.max(m.birthDay + 18 * YEAR, REFERENCE_DAY - 12 * YEAR), REFERENCE_DAY), validTo: null });
    }
  });
  // The union's hardship-worker roll: working households in 低保 or hit by illness or disability.
  const working = facts.some((f) => f.kind === 'employment');
  if (working && (status || seriouslyIll > 0 || severelyDisabled > 0) && rng.chance(0.6)) {
    const category = status === 'dibao' || status === 'tekun' ? 'deep' : seriouslyIll > 0 ? 'accident' : 'relative';
    facts.push({ member: null, kind: 'hardship_worker', value: { category }, validFrom: dayBetween(rng, REFERENCE_DAY - 3 * YEAR, REFERENCE_DAY - 30), validTo: null });
  }
  return facts;
}
