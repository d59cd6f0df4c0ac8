/**
 * The editor's form works in yuan and percent, the API in fen and basis points: the two
 * conversions, and the renaming of server problem fields onto the form's field names.
 */
import type { BenefitRule, PolicyVersion, PolicyVersionInput } from '@contracts/policies';
import { dayjs } from '@/lib/dayjs';
import type { Dayjs } from 'dayjs';
import { bpToPercent, fenToYuan, percentToBp, yuanToFen } from '../money';

export interface TierValues {
  match: 'equals' | 'atLeast';
  value?: string;
  amountYuan?: number;
  label?: string;
}

export interface BenefitValues {
  kind: BenefitRule['kind'];
  amountYuan?: number;
  by?: string;
  tiers?: TierValues[];
  otherwiseYuan?: number;
  expression?: string;
  capYuan?: number | null;
}

export interface EditorValues {
  code?: string;
  orgId?: number;
  adopt?: boolean;
  nameZh: string;
  nameEn?: string;
  target: PolicyVersionInput['target'];
  period: PolicyVersionInput['period'];
  eligibility: string;
  benefit: BenefitValues;
  funding: { source: string; percent?: number }[];
  quotas: { regionCode?: string; quota?: number | null; budgetYuan?: number | null }[];
  effectiveFrom?: Dayjs;
  effectiveTo?: Dayjs | null;
  basis?: string | null;
  note?: string | null;
}

const fen = (yuan: number | null | undefined) => yuanToFen(yuan ?? 0);
const optionalFen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : yuanToFen(yuan));
const optionalYuan = (value: number | null | undefined) => (value === null || value === undefined ? null : fenToYuan(value));

/** A tier's value: digits are an int (for int `by`), anything else — or text in quotes — a string. */
function tierOperand(text: string | undefined): string | number {
  const value = (text ?? '').trim();
  if (/^-?\d+$/.test(value)) return Number(value);
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2] : value;
}

/**
 * Optional amounts are left out rather than sent as null: the server's validation coerces a
 * null inside a number-or-null union to 0, which would cap every amount at ¥0.
 */
function present<K extends string>(key: K, value: number | null): Partial<Record<K, number>> {
  return value === null ? {} : ({ [key]: value } as Record<K, number>);
}

export function toBenefit(b: BenefitValues | undefined): BenefitRule {
  const capFen = present('capFen', optionalFen(b?.capYuan));
  switch (b?.kind) {
    case 'tiered':
      return {
        kind: 'tiered',
        by: b.by ?? '',
        tiers: (b.tiers ?? []).map((tier) => {
          const label = tier.label?.trim() || undefined;
          const amountFen = fen(tier.amountYuan);
          if (tier.match === 'atLeast') return { atLeast: Math.trunc(Number(tier.value ?? 0)) || 0, amountFen, label };
          return { equals: tierOperand(tier.value), amountFen, label };
        }),
        otherwiseFen: fen(b.otherwiseYuan),
        ...capFen,
      };
    case 'formula':
      return { kind: 'formula', expression: b.expression ?? '', ...capFen };
    default:
      return { kind: 'fixed', amountFen: fen(b?.amountYuan), ...capFen };
  }
}

export function fromBenefit(b: BenefitRule): BenefitValues {
  const capYuan = optionalYuan(b.capFen);
  if (b.kind === 'fixed') return { kind: 'fixed', amountYuan: fenToYuan(b.amountFen), capYuan };
  if (b.kind === 'formula') return { kind: 'formula', expression: b.expression, capYuan };
  return {
    kind: 'tiered',
    by: b.by,
    otherwiseYuan: fenToYuan(b.otherwiseFen),
    capYuan,
    tiers: b.tiers.map((tier) => ({
      match: tier.atLeast !== undefined && tier.atLeast !== null ? 'atLeast' : 'equals',
      value: String(tier.atLeast ?? tier.equals ?? ''),
      amountYuan: fenToYuan(tier.amountFen),
      label: tier.label,
    })),
  };
}

const text = (value: string | null | undefined) => value?.trim() || null;

export function toVersionInput(v: EditorValues): PolicyVersionInput {
  return {
    nameZh: v.nameZh.trim(),
    nameEn: v.nameEn?.trim() ?? '',
    target: v.target,
    period: v.period,
    eligibility: v.eligibility,
    benefit: toBenefit(v.benefit),
    funding: (v.funding ?? []).map((f) => ({ source: f.source.trim(), shareBp: percentToBp(f.percent ?? 0) })),
    quotas: (v.quotas ?? []).map((q) => ({ regionCode: q.regionCode ?? '', ...present('quota', q.quota ?? null), ...present('budgetFen', optionalFen(q.budgetYuan)) })),
    effectiveFrom: (v.effectiveFrom ?? dayjs()).format('YYYY-MM-DD'),
    effectiveTo: v.effectiveTo ? v.effectiveTo.format('YYYY-MM-DD') : null,
    basis: text(v.basis),
    note: text(v.note),
  };
}

export function fromVersion(v: PolicyVersion | PolicyVersionInput): EditorValues {
  return {
    nameZh: v.nameZh,
    nameEn: v.nameEn,
    target: v.target,
    period: v.period,
    eligibility: v.eligibility,
    benefit: fromBenefit(v.benefit),
    funding: v.funding.map((f) => ({ source: f.source, percent: bpToPercent(f.shareBp) })),
    quotas: v.quotas.map((q) => ({ regionCode: q.regionCode, quota: q.quota ?? null, budgetYuan: optionalYuan(q.budgetFen) })),
    effectiveFrom: dayjs(v.effectiveFrom),
    effectiveTo: v.effectiveTo ? dayjs(v.effectiveTo) : null,
    basis: v.basis || null,
    note: v.note || null,
  };
}

export const NEW_POLICY_VALUES: EditorValues = {
  nameZh: '',
  nameEn: '',
  target: 'person',
  period: 'monthly',
  eligibility: '',
  benefit: { kind: 'fixed' },
  funding: [{ source: '', percent: 100 }],
  quotas: [],
  effectiveFrom: dayjs().startOf('month'),
  effectiveTo: null,
  adopt: false,
};

/** Server field names → the form's: amounts in fen are entered in yuan, shares in percent. */
export function formFieldOf(field: string): string {
  const inVersion = field.replace(/^version\./, '');
  return inVersion
    .replace(/Fen$/, 'Yuan')
    .replace(/^(funding\.\d+)\.shareBp$/, '$1.percent')
    .replace(/^benefit\.tiers\.(\d+)\.(equals|atLeast)$/, 'benefit.tiers.$1.value');
}
