/**
 * Seven bench-only policies added to the 13-policy Ningxia pack, so a run has ~20 policies and
 * the kinds of rule a real province has beside the union's roll: age tiers over the whole
 * population (高龄津贴), assistance-status programmes, `household.members.exists(...)` and
 * `filter(...).size()` over members, a public-welfare post window. Amounts are plausible
 * Ningxia figures but illustrative: these are not shipped policies.
 *
 * The orgs they belong to (and the pack's two) are created by the benchmark if missing.
 */
import type { FundingShare, PolicyVersionInput } from '../../server/src/contracts/policies.js';
import type { PackEntry } from '../../server/src/modules/policies/pack/ningxia.js';

/** Organisations the pack and these policies belong to; name → type and region. */
export const POLICY_ORGS = [
  { name: '银川市总工会', type: 'trade_union', regionCode: '640100' },
  { name: '宁夏回族自治区残疾人联合会', type: 'disabled_federation', regionCode: '640000' },
  { name: '宁夏回族自治区民政厅', type: 'civil_affairs', regionCode: '640000' },
  { name: '宁夏回族自治区人力资源和社会保障厅', type: 'hr_social_security', regionCode: '640000' },
  { name: '宁夏回族自治区妇女联合会', type: 'womens_federation', regionCode: '640000' },
] as const;

const CIVIL = '宁夏回族自治区民政厅';
const HRSS = '宁夏回族自治区人力资源和社会保障厅';
const WOMEN = '宁夏回族自治区妇女联合会';

const REGIONAL: FundingShare[] = [{ source: '自治区财政', shareBp: 10000 }];
const SPLIT: FundingShare[] = [
  { source: '自治区财政', shareBp: 6000 },
  { source: '市县财政', shareBp: 4000 },
];

type Draft = Omit<PolicyVersionInput, 'quotas' | 'effectiveFrom' | 'effectiveTo' | 'basis' | 'funding' | 'note'> & { funding?: FundingShare[]; note?: string };

const entry = (code: string, orgName: string, v: Draft): PackEntry => ({
  code,
  orgName,
  version: { funding: SPLIT, note: null, ...v, quotas: [], effectiveFrom: '2025-01-01', effectiveTo: null, basis: '基准测试政策（非正式文件）' },
});

// A member who is seriously ill or severely disabled; the has() guards keep it decidable.
const SERIOUS_MEMBER = 'has(m.illness) && m.illness.severity == "serious" || has(m.disability) && m.disability.grade <= 2';

export const EXTRA_POLICIES: PackEntry[] = [
  entry('bench-elderly-allowance', CIVIL, {
    nameZh: '高龄津贴',
    nameEn: 'Old-age allowance',
    target: 'person',
    // The one rule that touches every person: no fact narrows it, only the birth date.
    eligibility: 'person.age >= 80',
    benefit: {
      kind: 'tiered',
      by: 'person.age',
      tiers: [
        { atLeast: 100, amountFen: 30000, label: '百岁及以上' },
        { atLeast: 90, amountFen: 10000, label: '90-99 岁' },
      ],
      otherwiseFen: 5000,
    },
    period: 'monthly',
    funding: REGIONAL,
  }),
  entry('bench-tekun-support', CIVIL, {
    nameZh: '特困人员供养',
    nameEn: 'Support for persons in extreme poverty',
    target: 'person',
    eligibility: 'household.assistanceStatus == "tekun"',
    // Basic living standard plus a care allowance by incapacity.
    benefit: {
      kind: 'tiered',
      by: 'person.incapacitated',
      tiers: [
        { equals: 'full', amountFen: 180000, label: '全失能' },
        { equals: 'partial', amountFen: 140000, label: '半失能' },
      ],
      otherwiseFen: 110000,
    },
    period: 'monthly',
  }),
  entry('bench-edge-temporary-aid', CIVIL, {
    nameZh: '低保边缘家庭临时救助',
    nameEn: 'Temporary aid for households at the edge of dibao',
    target: 'household',
    eligibility: `household.assistanceStatus == "dibao_edge"
&& (household.members.exists(m, ${SERIOUS_MEMBER})
    || has(household.income) && household.income.perCapitaFen < 60000)`,
    benefit: { kind: 'formula', expression: '100000 * household.size', capFen: 500000 },
    period: 'once',
  }),
  entry('bench-elderly-alone-care', CIVIL, {
    nameZh: '独居老人关爱服务',
    nameEn: 'Care visits for elderly people living alone',
    target: 'person',
    eligibility: 'person.elderlyAlone || person.age >= 80 && household.size == 1',
    benefit: { kind: 'fixed', amountFen: 10000 },
    period: 'monthly',
    note: '服务折算金额',
  }),
  entry('bench-incapacitated-care', CIVIL, {
    nameZh: '经济困难失能老年人护理补贴',
    nameEn: 'Care subsidy for incapacitated elderly people in hardship',
    target: 'person',
    eligibility: 'person.age >= 60 && person.incapacitated != "" && household.assistanceStatus in ["dibao", "tekun", "dibao_edge"]',
    benefit: {
      kind: 'tiered',
      by: 'person.incapacitated',
      tiers: [{ equals: 'full', amountFen: 20000, label: '全失能' }],
      otherwiseFen: 10000,
    },
    period: 'monthly',
  }),
  entry('bench-welfare-post', HRSS, {
    nameZh: '公益性岗位补贴',
    nameEn: 'Public-welfare post subsidy',
    target: 'person',
    eligibility: 'has(person.employment) && person.employment.publicWelfarePost && person.employment.postEndsInDays > 0',
    benefit: { kind: 'fixed', amountFen: 180000 },
    period: 'monthly',
    funding: [{ source: '就业补助资金', shareBp: 10000 }],
  }),
  entry('bench-single-mother', WOMEN, {
    nameZh: '单亲困难母亲帮扶',
    nameEn: 'Help for single mothers in hardship',
    target: 'household',
    eligibility: `household.specialFamily == "single_parent"
&& household.members.exists(m, m.isHead && m.sex == "F")
&& household.members.filter(m, m.age < 18).size() >= 1
&& (household.assistanceStatus != "" || household.hardshipWorker != ""
    || has(household.income) && household.income.perCapitaFen < 80000)`,
    // 1,000 yuan a year per child under 18, at most three children.
    benefit: { kind: 'formula', expression: '100000 * household.members.filter(m, m.age < 18).size()', capFen: 300000 },
    period: 'yearly',
    funding: [{ source: '妇联专项资金', shareBp: 5000 }, { source: '福彩公益金', shareBp: 5000 }],
  }),
];
