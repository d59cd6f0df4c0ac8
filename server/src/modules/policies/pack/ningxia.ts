/**
 * The shipped Ningxia policy pack: the programmes of the two seed documents as data — the
 * Yinchuan city trade union's help for hardship-worker households (central-fund assistance,
 * warm-heart subsidies, education aid, mutual-aid medical cover) and the disabled persons'
 * federation's two subsidies (残疾人两项补贴).
 *
 * The union rules start from the household's place on the union's hardship-worker roll
 * (困难职工建档, the `hardship_worker` fact); central-fund assistance then follows the
 * household's recorded hardship cause.
 * Amounts are integer fen; where a document gives only a range, the tiers say what picks
 * the amount within it.
 */
import type { FundingShare, PolicyVersionInput } from '../../../contracts/policies.js';

export interface PackEntry {
  code: string;
  /** The organisation that owns the policy; it exists in the demo seed. */
  orgName: string;
  version: PolicyVersionInput;
}

const YC_UNION = '银川市总工会';
const NX_DISABLED = '宁夏回族自治区残疾人联合会';

// The union's help is the 2026 plan (“2026年度帮扶措施”); the two subsidies are reported for 2025.
const UNION_FROM = '2026-01-01';
const DISABLED_FROM = '2025-01-01';

const CENTRAL_FUND: FundingShare[] = [{ source: '中央财政专项帮扶资金', shareBp: 10000 }];
const UNION_FUND: FundingShare[] = [{ source: '工会经费', shareBp: 10000 }];
// The documents do not split the two subsidies; Ningxia pays them from regional and local budgets.
const DISABILITY_FUND: FundingShare[] = [
  { source: '自治区财政', shareBp: 5000 },
  { source: '市县财政', shareBp: 5000 },
];

// Hardship causes as the union's files name them (致困原因), one CEL fragment each.
const SERIOUSLY_ILL_OR_DISABLED = '(has(person.illness) && person.illness.severity == "serious" || has(person.disability))';
const SPECIAL_FAMILY = 'household.specialFamily != ""';
const ON_ASSISTANCE = 'household.assistanceStatus != ""';
const PAST_COMPULSORY_STUDENTS =
  'household.students.seniorHigh + household.students.vocational + household.students.college + household.students.postgraduate > 0';

/** On the union's hardship-worker roll (建档困难职工家庭). */
const HARDSHIP_WORKER_HOUSEHOLD = 'household.hardshipWorker != ""';

const rule = (...clauses: string[]): string => clauses.join('\n&& ');

// Dependants of the worker: the union's education aid is for 职工子女.
const CHILD = 'person.relationship in ["child", "grandchild"]';

const union = (code: string, version: Omit<PolicyVersionInput, 'quotas' | 'effectiveFrom' | 'effectiveTo' | 'basis'>): PackEntry => ({
  code,
  orgName: YC_UNION,
  version: { ...version, quotas: [], effectiveFrom: UNION_FROM, effectiveTo: null, basis: null },
});

export const NINGXIA_POLICY_PACK: PackEntry[] = [
  // 中央财政专项帮扶资金, by the household's hardship cause: structural causes get living
  // assistance, the ill or disabled member medical assistance, and households whose only
  // recorded burden is schooling get education assistance.
  union('nx-union-living-aid', {
    nameZh: '生活救助',
    nameEn: 'Living assistance',
    target: 'household',
    eligibility: rule(HARDSHIP_WORKER_HOUSEHOLD, SPECIAL_FAMILY),
    // 1.3–1.8 万元 a year: the top of the range for households also on 低保 or 特困 (深度困难).
    benefit: {
      kind: 'tiered',
      by: 'household.assistanceStatus',
      tiers: [
        { equals: 'dibao', amountFen: 1800000, label: '低保户' },
        { equals: 'tekun', amountFen: 1800000, label: '特困户' },
      ],
      otherwiseFen: 1300000,
    },
    period: 'yearly',
    funding: CENTRAL_FUND,
    note: '因单亲、丧偶等结构性原因致困的困难职工家庭，低保、特困户每户每年1.8万元，其余1.3万元',
  }),
  union('nx-union-education-aid', {
    nameZh: '助学救助',
    nameEn: 'Education assistance',
    target: 'household',
    // Structural and 低保 households are already helped with their living costs (生活救助, 低保).
    eligibility: rule(HARDSHIP_WORKER_HOUSEHOLD, PAST_COMPULSORY_STUDENTS, `!(${SPECIAL_FAMILY} || ${ON_ASSISTANCE})`),
    benefit: { kind: 'fixed', amountFen: 690000 },
    period: 'yearly',
    funding: CENTRAL_FUND,
    note: '子女就读高中、中职、大学负担过重致困（非单亲丧偶、未纳入低保）的困难职工家庭，每户每年6900元',
  }),
  union('nx-union-medical-aid', {
    nameZh: '医疗救助',
    nameEn: 'Medical assistance',
    target: 'person',
    eligibility: rule(HARDSHIP_WORKER_HOUSEHOLD, SERIOUSLY_ILL_OR_DISABLED),
    // The documents give only the ceiling; the registry holds no medical bills to size it by.
    benefit: { kind: 'fixed', amountFen: 1800000 },
    period: 'yearly',
    funding: CENTRAL_FUND,
    note: '困难职工家庭中患重病或有残疾的成员，每人每年最高1.8万元',
  }),

  // 专项帮扶: decided case by case (王某's household got 5 万元 from three funders); the rule
  // only says who may be considered, the amount and its split are set on the application.
  union('nx-union-special-medical-grant', {
    nameZh: '专项医疗救助金',
    nameEn: 'Special medical grant',
    target: 'household',
    eligibility: rule(HARDSHIP_WORKER_HOUSEHOLD, 'household.members.exists(m, has(m.illness) && m.illness.severity == "serious")'),
    benefit: { kind: 'fixed', amountFen: 5000000 },
    period: 'once',
    funding: UNION_FUND,
    note: '家庭成员身患重病、自费医疗负担沉重的困难职工家庭，个案研究确定金额（最高5万元），可由市、区工会和保险机构共同出资',
  }),
  // 暖心补贴
  union('nx-union-warm-card', {
    nameZh: '工会暖心卡',
    nameEn: 'Union warm-heart card',
    target: 'household',
    eligibility: HARDSHIP_WORKER_HOUSEHOLD,
    benefit: { kind: 'fixed', amountFen: 20000 },
    period: 'monthly',
    funding: UNION_FUND,
    note: '困难职工家庭，每户每月200元',
  }),
  union('nx-union-heating', {
    nameZh: '取暖补贴',
    nameEn: 'Heating subsidy',
    target: 'household',
    // 低保 and 特困 households already get the civil-affairs winter heating subsidy; paying
    // them again would be double payment, which leaves the union's seven households.
    eligibility: rule(HARDSHIP_WORKER_HOUSEHOLD, '!(household.assistanceStatus in ["dibao", "tekun"])'),
    benefit: { kind: 'fixed', amountFen: 127000 },
    period: 'yearly',
    funding: UNION_FUND,
    note: '未享受民政低保、特困取暖补贴的困难职工家庭，每户每年1270元',
  }),
  union('nx-union-utilities', {
    nameZh: '水电气暖物业补助',
    nameEn: 'Utilities and property subsidy',
    target: 'household',
    eligibility: HARDSHIP_WORKER_HOUSEHOLD,
    // 1084.40 元 for three people rising 201.90 元 a person to 1488.20 元 for five or more:
    // the documents' range spread over the households' sizes (3 to 5 people).
    benefit: { kind: 'formula', expression: '47870 + 20190 * (household.size < 3 ? 3 : household.size)', capFen: 148820 },
    period: 'yearly',
    funding: UNION_FUND,
    note: '困难职工家庭，按家庭人口每户每年1084.4元至1488.2元，补助水电气暖物业等基本生活开支',
  }),

  // 助学帮扶
  union('nx-union-compulsory-edu', {
    nameZh: '义务教育阶段助学',
    nameEn: 'Compulsory-education aid',
    target: 'person',
    eligibility: rule(HARDSHIP_WORKER_HOUSEHOLD, CHILD, 'person.schoolStage in ["primary", "junior_high"]'),
    benefit: { kind: 'fixed', amountFen: 50000 },
    period: 'yearly',
    funding: UNION_FUND,
    note: '困难职工家庭中就读小学、初中的子女，每人每年500元',
  }),
  union('nx-union-golden-autumn', {
    nameZh: '金秋助学',
    nameEn: 'Golden Autumn education aid',
    target: 'person',
    eligibility: rule(HARDSHIP_WORKER_HOUSEHOLD, CHILD, 'person.schoolStage in ["senior_high", "vocational", "college"]'),
    benefit: {
      kind: 'tiered',
      by: 'person.schoolStage',
      tiers: [
        { equals: 'college', amountFen: 500000, label: '大学（含大专）' },
        { equals: 'senior_high', amountFen: 260000, label: '高中' },
        { equals: 'vocational', amountFen: 260000, label: '中职' },
      ],
      otherwiseFen: 0,
    },
    period: 'yearly',
    funding: UNION_FUND,
    note: '困难职工家庭中就读高中、中职、大学（含大专）的子女，高中中职每人2600元，大学每人5000元',
  }),

  // 工会医疗互助共济: free cover, the union pays the contribution. The documents give no
  // contribution per person, so the amount is 0 until the union's tariff is entered.
  union('nx-union-mutual-aid-medical', {
    nameZh: '在职职工医疗互助保障',
    nameEn: 'In-service worker medical mutual aid',
    target: 'person',
    eligibility: rule(HARDSHIP_WORKER_HOUSEHOLD, 'person.employed'),
    benefit: { kind: 'fixed', amountFen: 0 },
    period: 'yearly',
    funding: UNION_FUND,
    note: '困难职工本人（在职），免费参保，保费由工会承担',
  }),
  union('nx-union-mutual-aid-critical-worker', {
    nameZh: '重大疾病互助保障（职工本人）',
    nameEn: 'Serious-illness mutual aid (workers)',
    target: 'person',
    eligibility: rule(HARDSHIP_WORKER_HOUSEHOLD, 'person.employed'),
    benefit: { kind: 'fixed', amountFen: 0 },
    period: 'yearly',
    funding: UNION_FUND,
    note: '困难职工本人（在职），免费参保，保费由工会承担',
  }),
  union('nx-union-mutual-aid-critical-family', {
    nameZh: '重大疾病互助保障（职工家属）',
    nameEn: 'Serious-illness mutual aid (family members)',
    target: 'person',
    eligibility: rule(HARDSHIP_WORKER_HOUSEHOLD, '!person.employed'),
    benefit: { kind: 'fixed', amountFen: 0 },
    period: 'yearly',
    funding: UNION_FUND,
    note: '困难职工家庭中未就业的家属，免费享受重大疾病互助保障，保费由工会承担',
  }),

  // 残疾人两项补贴. The documents give Helan county's 2025 totals, not the standard; the
  // monthly amounts are those totals per person over twelve months (365.447 万元 / 2896 人,
  // 491.049 万元 / 3459 人), rounded to the yuan.
  {
    code: 'nx-disabled-living-subsidy',
    orgName: NX_DISABLED,
    version: {
      nameZh: '困难残疾人生活补贴',
      nameEn: 'Living subsidy for disabled people in hardship',
      target: 'person',
      // 特困 people are supported in full by 特困供养 and do not also get this subsidy.
      eligibility: rule('has(person.disability)', 'household.assistanceStatus == "dibao"'),
      benefit: { kind: 'fixed', amountFen: 10500 },
      period: 'monthly',
      funding: DISABILITY_FUND,
      quotas: [],
      effectiveFrom: DISABLED_FROM,
      effectiveTo: null,
      basis: null,
      note: '低保家庭中持证残疾人，每人每月105元',
    },
  },
  {
    code: 'nx-disabled-nursing-subsidy',
    orgName: NX_DISABLED,
    version: {
      nameZh: '重度残疾人护理补贴',
      nameEn: 'Nursing subsidy for severely disabled people',
      target: 'person',
      eligibility: rule('has(person.disability)', 'person.disability.grade <= 2'),
      benefit: { kind: 'fixed', amountFen: 11800 },
      period: 'monthly',
      funding: DISABILITY_FUND,
      quotas: [],
      effectiveFrom: DISABLED_FROM,
      effectiveTo: null,
      basis: null,
      note: '残疾等级为一级、二级的重度残疾人，每人每月118元',
    },
  },
];
