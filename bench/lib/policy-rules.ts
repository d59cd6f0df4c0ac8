/**
 * The ~20 policies' rules once more, for the record-by-record evaluators: plain JavaScript
 * (eligibility and amount), @gorules/zen-engine expressions (eligibility and amount) and
 * json-rules-engine conditions (eligibility only: it has no arithmetic, amounts would be one
 * rule per tier). Each says what the CEL rule in the pack / policy-extra.ts says, over the
 * same subject values: `has(x)` is "x is present", members are the household's living persons.
 */
import type { TopLevelCondition } from 'json-rules-engine';

type NestedCondition = { fact: string; path: string; operator: string; value: unknown } | TopLevelCondition;

export interface PlainPerson {
  id: number; sex: string; age: number; relationship: string; isHead: boolean; schoolStage: string;
  elderlyAlone: boolean; incapacitated: string; employed: boolean;
  disability?: { category: number; grade: number };
  illness?: { severity: string; name: string };
  employment?: { employer: string; publicWelfarePost: boolean; postEndsInDays: number };
}

export interface PlainHousehold {
  id: number; size: number; assistanceStatus: string; hardshipWorker: string; specialFamily: string;
  /** perCapitaFen is null when no member is alive: the subject table's NULL (a CEL error in SQL). */
  income?: { monthlyFen: number; perCapitaFen: number | null };
  students: { seniorHigh: number; vocational: number; college: number; postgraduate: number };
  members: PlainPerson[];
}

export interface BenchRule {
  target: 'person' | 'household';
  eligible(p: PlainPerson | undefined, h: PlainHousehold): boolean;
  amount(p: PlainPerson | undefined, h: PlainHousehold): number;
  zen: { eligible: string; amount: string };
  jre: TopLevelCondition;
}

// ---- json-rules-engine building blocks (paths are JSONPath into the `person` / `household` facts).
const P = (path: string, operator: string, value: unknown): NestedCondition => ({ fact: 'person', path: `$.${path}`, operator, value });
const H = (path: string, operator: string, value: unknown): NestedCondition => ({ fact: 'household', path: `$.${path}`, operator, value });
const all = (...conditions: NestedCondition[]) => ({ all: conditions }) as TopLevelCondition;
const any = (...conditions: NestedCondition[]) => ({ any: conditions }) as TopLevelCondition;
const J_HARDSHIP = H('hardshipWorker', 'notEqual', '');
const J_CHILD = P('relationship', 'in', ['child', 'grandchild']);

/** Member predicates for the custom `someMember` / `minorsAtLeast` operators (json-rules-engine has no list macros). */
export const MEMBER_PREDICATES: Record<string, (m: PlainPerson) => boolean> = {
  seriousMember: (m) => (m.illness?.severity === 'serious') || (m.disability !== undefined && m.disability.grade <= 2),
  femaleHead: (m) => m.isHead && m.sex === 'F',
};

// ---- plain JavaScript building blocks.
const hardship = (h: PlainHousehold) => h.hardshipWorker !== '';
const onAssistance = (h: PlainHousehold) => h.assistanceStatus !== '';
const child = (p: PlainPerson) => p.relationship === 'child' || p.relationship === 'grandchild';
const minors = (h: PlainHousehold) => h.members.filter((m) => m.age < 18).length;
const perCapitaBelow = (h: PlainHousehold, fen: number) => h.income !== undefined && h.income.perCapitaFen !== null && h.income.perCapitaFen < fen;

// ---- zen building blocks.
const Z_HARDSHIP = 'household.hardshipWorker != ""';
const Z_CHILD = 'person.relationship in ["child", "grandchild"]';

const household = (eligible: (h: PlainHousehold) => boolean, amount: (h: PlainHousehold) => number, zen: BenchRule['zen'], jre: TopLevelCondition): BenchRule =>
  ({ target: 'household', eligible: (_p, h) => eligible(h), amount: (_p, h) => amount(h), zen, jre });
const person = (eligible: (p: PlainPerson, h: PlainHousehold) => boolean, amount: (p: PlainPerson, h: PlainHousehold) => number, zen: BenchRule['zen'], jre: TopLevelCondition): BenchRule =>
  ({ target: 'person', eligible: (p, h) => eligible(p!, h), amount: (p, h) => amount(p!, h), zen, jre });
const fixed = (fen: number) => () => fen;

export const BENCH_RULES: Record<string, BenchRule> = {
  'nx-union-living-aid': household(
    (h) => hardship(h) && h.specialFamily !== '',
    (h) => (h.assistanceStatus === 'dibao' || h.assistanceStatus === 'tekun' ? 1800000 : 1300000),
    { eligible: `${Z_HARDSHIP} and household.specialFamily != ""`, amount: 'household.assistanceStatus in ["dibao", "tekun"] ? 1800000 : 1300000' },
    all(J_HARDSHIP, H('specialFamily', 'notEqual', '')),
  ),
  'nx-union-education-aid': household(
    (h) => hardship(h) && h.students.seniorHigh + h.students.vocational + h.students.college + h.students.postgraduate > 0 && !(h.specialFamily !== '' || onAssistance(h)),
    fixed(690000),
    {
      eligible: `${Z_HARDSHIP} and household.students.seniorHigh + household.students.vocational + household.students.college + household.students.postgraduate > 0 and not (household.specialFamily != "" or household.assistanceStatus != "")`,
      amount: '690000',
    },
    all(J_HARDSHIP, H('students', 'pastCompulsory', true), H('specialFamily', 'equal', ''), H('assistanceStatus', 'equal', '')),
  ),
  'nx-union-medical-aid': person(
    (p, h) => hardship(h) && (p.illness?.severity === 'serious' || p.disability !== undefined),
    fixed(1800000),
    { eligible: `${Z_HARDSHIP} and ((person.illness != null and person.illness.severity == "serious") or person.disability != null)`, amount: '1800000' },
    all(J_HARDSHIP, any(P('illness.severity', 'equal', 'serious'), P('disability', 'present', true))),
  ),
  'nx-union-warm-card': household(hardship, fixed(20000), { eligible: Z_HARDSHIP, amount: '20000' }, all(J_HARDSHIP)),
  'nx-union-heating': household(
    (h) => hardship(h) && h.assistanceStatus !== 'dibao' && h.assistanceStatus !== 'tekun',
    fixed(127000),
    { eligible: `${Z_HARDSHIP} and not (household.assistanceStatus in ["dibao", "tekun"])`, amount: '127000' },
    all(J_HARDSHIP, H('assistanceStatus', 'notIn', ['dibao', 'tekun'])),
  ),
  'nx-union-utilities': household(
    hardship,
    (h) => Math.min(47870 + 20190 * (h.size < 3 ? 3 : h.size), 148820),
    { eligible: Z_HARDSHIP, amount: 'min([47870 + 20190 * (household.size < 3 ? 3 : household.size), 148820])' },
    all(J_HARDSHIP),
  ),
  'nx-union-compulsory-edu': person(
    (p, h) => hardship(h) && child(p) && (p.schoolStage === 'primary' || p.schoolStage === 'junior_high'),
    fixed(50000),
    { eligible: `${Z_HARDSHIP} and ${Z_CHILD} and person.schoolStage in ["primary", "junior_high"]`, amount: '50000' },
    all(J_HARDSHIP, J_CHILD, P('schoolStage', 'in', ['primary', 'junior_high'])),
  ),
  'nx-union-golden-autumn': person(
    (p, h) => hardship(h) && child(p) && ['senior_high', 'vocational', 'college'].includes(p.schoolStage),
    (p) => (p.schoolStage === 'college' ? 500000 : p.schoolStage === 'senior_high' || p.schoolStage === 'vocational' ? 260000 : 0),
    {
      eligible: `${Z_HARDSHIP} and ${Z_CHILD} and person.schoolStage in ["senior_high", "vocational", "college"]`,
      amount: 'person.schoolStage == "college" ? 500000 : (person.schoolStage in ["senior_high", "vocational"] ? 260000 : 0)',
    },
    all(J_HARDSHIP, J_CHILD, P('schoolStage', 'in', ['senior_high', 'vocational', 'college'])),
  ),
  'nx-union-mutual-aid-medical': person((p, h) => hardship(h) && p.employed, fixed(0), { eligible: `${Z_HARDSHIP} and person.employed`, amount: '0' }, all(J_HARDSHIP, P('employed', 'equal', true))),
  'nx-union-mutual-aid-critical-worker': person((p, h) => hardship(h) && p.employed, fixed(0), { eligible: `${Z_HARDSHIP} and person.employed`, amount: '0' }, all(J_HARDSHIP, P('employed', 'equal', true))),
  'nx-union-mutual-aid-critical-family': person((p, h) => hardship(h) && !p.employed, fixed(0), { eligible: `${Z_HARDSHIP} and not person.employed`, amount: '0' }, all(J_HARDSHIP, P('employed', 'equal', false))),
  'nx-disabled-living-subsidy': person(
    (p, h) => p.disability !== undefined && h.assistanceStatus === 'dibao',
    fixed(10500),
    { eligible: 'person.disability != null and household.assistanceStatus == "dibao"', amount: '10500' },
    all(P('disability', 'present', true), H('assistanceStatus', 'equal', 'dibao')),
  ),
  'nx-disabled-nursing-subsidy': person(
    (p) => p.disability !== undefined && p.disability.grade <= 2,
    fixed(11800),
    { eligible: 'person.disability != null and person.disability.grade <= 2', amount: '11800' },
    all(P('disability', 'present', true), P('disability.grade', 'lessThanInclusive', 2)),
  ),
  'bench-elderly-allowance': person(
    (p) => p.age >= 80,
    (p) => (p.age >= 100 ? 30000 : p.age >= 90 ? 10000 : 5000),
    { eligible: 'person.age >= 80', amount: 'person.age >= 100 ? 30000 : (person.age >= 90 ? 10000 : 5000)' },
    all(P('age', 'greaterThanInclusive', 80)),
  ),
  'bench-tekun-support': person(
    (_p, h) => h.assistanceStatus === 'tekun',
    (p) => (p.incapacitated === 'full' ? 180000 : p.incapacitated === 'partial' ? 140000 : 110000),
    { eligible: 'household.assistanceStatus == "tekun"', amount: 'person.incapacitated == "full" ? 180000 : (person.incapacitated == "partial" ? 140000 : 110000)' },
    all(H('assistanceStatus', 'equal', 'tekun')),
  ),
  'bench-edge-temporary-aid': household(
    (h) => h.assistanceStatus === 'dibao_edge' && (h.members.some(MEMBER_PREDICATES.seriousMember!) || perCapitaBelow(h, 60000)),
    (h) => Math.min(100000 * h.size, 500000),
    {
      eligible: 'household.assistanceStatus == "dibao_edge" and (some(household.members, (#.illness != null and #.illness.severity == "serious") or (#.disability != null and #.disability.grade <= 2)) or (household.income != null and household.income.perCapitaFen != null and household.income.perCapitaFen < 60000))',
      amount: 'min([100000 * household.size, 500000])',
    },
    all(H('assistanceStatus', 'equal', 'dibao_edge'), any(H('members', 'someMember', 'seriousMember'), H('income.perCapitaFen', 'lessThanDefined', 60000))),
  ),
  'bench-elderly-alone-care': person(
    (p, h) => p.elderlyAlone || (p.age >= 80 && h.size === 1),
    fixed(10000),
    { eligible: 'person.elderlyAlone or (person.age >= 80 and household.size == 1)', amount: '10000' },
    any(P('elderlyAlone', 'equal', true), all(P('age', 'greaterThanInclusive', 80), H('size', 'equal', 1))) ,
  ),
  'bench-incapacitated-care': person(
    (p, h) => p.age >= 60 && p.incapacitated !== '' && ['dibao', 'tekun', 'dibao_edge'].includes(h.assistanceStatus),
    (p) => (p.incapacitated === 'full' ? 20000 : 10000),
    { eligible: 'person.age >= 60 and person.incapacitated != "" and household.assistanceStatus in ["dibao", "tekun", "dibao_edge"]', amount: 'person.incapacitated == "full" ? 20000 : 10000' },
    all(P('age', 'greaterThanInclusive', 60), P('incapacitated', 'notEqual', ''), H('assistanceStatus', 'in', ['dibao', 'tekun', 'dibao_edge'])),
  ),
  'bench-welfare-post': person(
    (p) => p.employment !== undefined && p.employment.publicWelfarePost && p.employment.postEndsInDays > 0,
    fixed(180000),
    { eligible: 'person.employment != null and person.employment.publicWelfarePost and person.employment.postEndsInDays > 0', amount: '180000' },
    all(P('employment.publicWelfarePost', 'equal', true), P('employment.postEndsInDays', 'greaterThan', 0)),
  ),
  'bench-single-mother': household(
    (h) => h.specialFamily === 'single_parent' && h.members.some(MEMBER_PREDICATES.femaleHead!) && minors(h) >= 1
      && (onAssistance(h) || hardship(h) || perCapitaBelow(h, 80000)),
    (h) => Math.min(100000 * minors(h), 300000),
    {
      eligible: 'household.specialFamily == "single_parent" and some(household.members, #.isHead and #.sex == "F") and count(household.members, #.age < 18) >= 1 and (household.assistanceStatus != "" or household.hardshipWorker != "" or (household.income != null and household.income.perCapitaFen != null and household.income.perCapitaFen < 80000))',
      amount: 'min([100000 * count(household.members, #.age < 18), 300000])',
    },
    all(
      H('specialFamily', 'equal', 'single_parent'), H('members', 'someMember', 'femaleHead'), H('members', 'minorsAtLeast', 1),
      any(H('assistanceStatus', 'notEqual', ''), J_HARDSHIP, H('income.perCapitaFen', 'lessThanDefined', 80000)),
    ),
  ),
};

/** The custom json-rules-engine operators the conditions above use. */
export const JRE_OPERATORS: Array<[string, (fact: any, value: any) => boolean]> = [
  ['present', (fact) => fact !== undefined && fact !== null],
  ['someMember', (members: PlainPerson[], key: string) => members.some(MEMBER_PREDICATES[key]!)],
  ['minorsAtLeast', (members: PlainPerson[], n: number) => members.filter((m) => m.age < 18).length >= n],
  ['lessThanDefined', (fact, n: number) => typeof fact === 'number' && fact < n],
  ['pastCompulsory', (s: PlainHousehold['students']) => s.seniorHigh + s.vocational + s.college + s.postgraduate > 0],
];
