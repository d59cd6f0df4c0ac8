import { describe, expect, it } from 'vitest';
import type { BenefitRule } from '../../../contracts/policies.js';
import { DEMO_HOUSEHOLDS, DEMO_ORGS } from '../../seed/demo-data.js';
import { checkRules } from '../compile.js';
import { benefitToCel } from '../rules/benefit.js';
import { PlannedRule } from '../rules/evaluate.js';
import { lowerRule, ParamSink } from '../rules/lower.js';
import { parseRule } from '../rules/parse.js';
import type { SubjectHouseholdRow, SubjectPersonRow } from '../rules/subject-sql.js';
import { BOOL, INT } from '../rules/subject.js';
import { groupSubjects, type HouseholdSubjects } from '../rules/values.js';
import { NINGXIA_POLICY_PACK } from './ningxia.js';

const ALIASES = { person: 'p', household: 'h', personTable: 'subj_person' };
// The demo's ages and school stages are as of this day (the 2026 school year).
const AS_OF = '2026-09-01';

const entry = (code: string) => {
  const found = NINGXIA_POLICY_PACK.find((e) => e.code === code);
  if (!found) throw new Error(`no policy ${code}`);
  return found;
};

describe('the Ningxia policy pack as data', () => {
  it('has every programme of the seed documents', () => {
    const names = NINGXIA_POLICY_PACK.map((e) => e.version.nameZh);
    for (const programme of [
      '生活救助', '助学救助', '医疗救助', '工会暖心卡', '取暖补贴', '水电气暖物业补助', '义务教育阶段助学', '金秋助学',
      '在职职工医疗互助保障', '重大疾病互助保障', '困难残疾人生活补贴', '重度残疾人护理补贴',
    ]) {
      expect(names.some((n) => n.startsWith(programme)), programme).toBe(true);
    }
    expect(NINGXIA_POLICY_PACK.length).toBeGreaterThanOrEqual(12);
    expect(NINGXIA_POLICY_PACK.length).toBeLessThanOrEqual(20);
  });

  it('gives each policy a unique lower-case slug and an owner that the demo seed creates', () => {
    const codes = NINGXIA_POLICY_PACK.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const orgs = new Set(DEMO_ORGS.map((o) => o.name));
    for (const e of NINGXIA_POLICY_PACK) {
      expect(e.code).toMatch(/^nx-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(orgs.has(e.orgName), e.orgName).toBe(true);
    }
  });

  it('splits every policy’s funding into shares that add up to 10000 bp', () => {
    for (const { code, version } of NINGXIA_POLICY_PACK) {
      expect(version.funding.length, code).toBeGreaterThan(0);
      expect(version.funding.reduce((sum, f) => sum + f.shareBp, 0), code).toBe(10000);
      for (const f of version.funding) expect(Number.isInteger(f.shareBp) && f.shareBp > 0 && f.source !== '', code).toBe(true);
    }
  });

  it('fills every version field the catalogue shows', () => {
    for (const { code, version } of NINGXIA_POLICY_PACK) {
      expect(version.nameZh && version.nameEn && version.note, code).toBeTruthy();
      expect(['person', 'household']).toContain(version.target);
      expect(['monthly', 'yearly', 'once']).toContain(version.period);
      expect(version.effectiveFrom, code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(version.effectiveTo).toBeNull();
    }
  });

  it('writes every eligibility rule as a bool and every amount as an int the checker accepts', () => {
    for (const { code, version } of NINGXIA_POLICY_PACK) {
      const eligibility = lowerRule(parseRule(version.eligibility), BOOL, ALIASES, new ParamSink());
      expect(eligibility.type, code).toEqual(BOOL);
      const amount = lowerRule(parseRule(benefitToCel(version.benefit)), INT, ALIASES, new ParamSink());
      expect(amount.type, code).toEqual(INT);
      // And the save path, which checks both rules together, accepts the version as shipped.
      expect(checkRules({ eligibility: version.eligibility, benefit: version.benefit }).problems, code).toEqual([]);
    }
  });
});

/** Years completed between two ISO dates. */
function ageOn(birth: string, day: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The demo households as the subject rows a run would build from the seeded registry. */
function demoSubjects(): HouseholdSubjects[] {
  const persons: SubjectPersonRow[] = [];
  const households: SubjectHouseholdRow[] = [];
  DEMO_HOUSEHOLDS.forEach((h, hi) => {
    const householdId = hi + 1;
    const rows = h.members.map((m, mi): SubjectPersonRow => {
      const facts = (m.facts ?? []).filter((f) => f.validFrom <= AS_OF);
      const fact = (kind: string) => facts.find((f) => f.kind === kind)?.value;
      const disability = fact('disability');
      const illness = fact('illness');
      const job = fact('employment');
      return {
        person_id: householdId * 100 + mi, household_id: householdId, region_code: h.regionCode, org_id: 1,
        name: m.name, sex: m.sex, age: ageOn(m.birthDate, AS_OF), relationship: m.relationship, is_head: m.relationship === 'head',
        school_stage: String(fact('school_stage')?.stage ?? ''), elderly_alone: fact('elderly_alone') !== undefined,
        incapacitated: String(fact('incapacitated')?.level ?? ''), employed: job !== undefined,
        disability_category: disability ? Number(disability.category) : null, disability_grade: disability ? Number(disability.grade) : null,
        illness_severity: illness ? String(illness.severity) : null, illness_name: illness ? String(illness.name) : null,
        employment_employer: job ? String(job.employer ?? '') : null, public_welfare_post: job ? job.publicWelfarePost === true : null,
        post_ends_in_days: job ? 0 : null,
      };
    });
    persons.push(...rows);
    const stage = (s: string) => rows.filter((r) => r.school_stage === s).length;
    const special = (h.householdFacts ?? []).filter((f) => f.kind === 'special_family').map((f) => String(f.value.kind)).sort();
    households.push({
      household_id: householdId, region_code: h.regionCode, org_id: 1, head_person_id: rows.find((r) => r.is_head)?.person_id ?? null,
      size: rows.length, assistance_status: h.dibao ? 'dibao' : '', special_family: special[0] ?? '',
      income_monthly_fen: null, income_per_capita_fen: null,
      students_preschool: stage('preschool'), students_primary: stage('primary'), students_junior_high: stage('junior_high'),
      students_compulsory: stage('primary') + stage('junior_high'), students_senior_high: stage('senior_high'),
      students_vocational: stage('vocational'), students_college: stage('college'), students_postgraduate: stage('postgraduate'),
    });
  });
  return groupSubjects(persons, households);
}

interface Hit {
  name: string;
  amountFen: number;
}

/** Who a policy reaches among the demo households, by the in-memory evaluator; any rule error fails. */
function reach(code: string): Hit[] {
  const { version } = entry(code);
  const eligibility = new PlannedRule(parseRule(version.eligibility), version.eligibility);
  const amountSource = benefitToCel(version.benefit as BenefitRule);
  const amount = new PlannedRule(parseRule(amountSource), amountSource);
  const hits: Hit[] = [];
  for (const subjects of demoSubjects()) {
    const head = subjects.persons.find((p) => p.personId === subjects.headPersonId);
    const targets = version.target === 'household'
      ? [{ name: head?.name ?? '', value: head?.value }]
      : subjects.persons.map((p) => ({ name: p.name, value: p.value }));
    for (const t of targets) {
      const bindings = { person: t.value, household: subjects.household };
      const ok = eligibility.evaluate(bindings);
      if (!ok.ok) throw new Error(`${code} / ${t.name}: ${ok.error}`);
      if (ok.value !== true) continue;
      const fen = amount.evaluate(bindings);
      if (!fen.ok) throw new Error(`${code} / ${t.name} amount: ${fen.error}`);
      hits.push({ name: t.name, amountFen: Number(fen.value) });
    }
  }
  return hits;
}

const names = (hits: Hit[]) => hits.map((h) => h.name).sort();

describe('the Ningxia pack on the demo households (in-memory evaluator)', () => {
  it('decides every policy for every demo subject without a rule error', () => {
    for (const { code } of NINGXIA_POLICY_PACK) expect(() => reach(code), code).not.toThrow();
  });

  it('gives the 工会暖心卡 to all 10 households at 200 yuan a month', () => {
    const hits = reach('nx-union-warm-card');
    expect(hits).toHaveLength(10);
    expect(hits.every((h) => h.amountFen === 20000)).toBe(true);
    expect(entry('nx-union-warm-card').version.period).toBe('monthly');
  });

  it('gives the heating subsidy to the 7 households not on 低保', () => {
    const hits = reach('nx-union-heating');
    expect(hits).toHaveLength(7);
    expect(names(hits)).not.toContain('王建国');
    expect(names(hits)).not.toContain('刘芳');
    expect(names(hits)).not.toContain('赵丽娟');
    expect(hits.every((h) => h.amountFen === 127000)).toBe(true);
  });

  it('pays the utilities subsidy to all 10 households within 1084.4–1488.2 yuan', () => {
    const hits = reach('nx-union-utilities');
    expect(hits).toHaveLength(10);
    expect(new Set(hits.map((h) => h.amountFen))).toEqual(new Set([108440, 128630, 148820]));
    expect(hits.find((h) => h.name === '何建军')?.amountFen).toBe(148820);
  });

  it('gives 500 yuan to each of the 8 children in compulsory education', () => {
    const hits = reach('nx-union-compulsory-edu');
    expect(names(hits)).toEqual(['周子豪', '孙浩然', '张宇轩', '王欣', '赵一诺', '赵一鸣', '何鑫', '马小花'].sort());
    expect(hits.every((h) => h.amountFen === 50000)).toBe(true);
  });

  it('gives 金秋助学 to the 7 high-school and college students, 2600–5000 yuan by stage', () => {
    const hits = reach('nx-union-golden-autumn');
    expect(hits).toHaveLength(7);
    const byName = Object.fromEntries(hits.map((h) => [h.name, h.amountFen]));
    expect(byName).toEqual({ 王浩: 260000, 周雨: 260000, 袁博: 500000, 李婷: 500000, 何佳: 500000, 何磊: 260000, 吴悦: 260000 });
  });

  it('covers all 34 members by mutual aid: 10 workers in two schemes, 24 family members in one', () => {
    const medical = reach('nx-union-mutual-aid-medical');
    const workers = reach('nx-union-mutual-aid-critical-worker');
    const family = reach('nx-union-mutual-aid-critical-family');
    expect(medical).toHaveLength(10);
    expect(names(workers)).toEqual(names(medical));
    expect(family).toHaveLength(24);
    expect(new Set([...names(medical), ...names(family)]).size).toBe(34);
  });

  it('splits central-fund assistance by cause: 5 structural households, 3 ill or disabled members, 2 schooling households', () => {
    const living = reach('nx-union-living-aid');
    const medical = reach('nx-union-medical-aid');
    const education = reach('nx-union-education-aid');
    expect(names(living)).toEqual(['吴秀梅', '周红', '孙海燕', '李强', '赵丽娟'].sort());
    expect(living.find((h) => h.name === '赵丽娟')?.amountFen).toBe(1800000);
    expect(living.filter((h) => h.amountFen === 1300000)).toHaveLength(4);
    expect(names(medical)).toEqual(['李秀兰', '张志强', '马小花'].sort());
    expect(names(education)).toEqual(['何建军', '袁卫东'].sort());
    expect(education.every((h) => h.amountFen === 690000)).toBe(true);
  });

  it('gives both disability subsidies to the one grade-2 disabled member of a 低保 household', () => {
    expect(reach('nx-disabled-living-subsidy')).toEqual([{ name: '张志强', amountFen: 10500 }]);
    expect(reach('nx-disabled-nursing-subsidy')).toEqual([{ name: '张志强', amountFen: 11800 }]);
  });
});
