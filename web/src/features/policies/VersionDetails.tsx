/** One version as written: target, period, benefit, funding, dates, basis — and its rule, highlighted. */
import { Descriptions, Flex, Tag, Typography } from 'antd';
import type { BenefitRule, PolicyPeriod, PolicyVersion } from '@contracts/policies';
import { useT, type Translate } from '@/lib/i18n';
import { CelEditor } from './editor/CelEditor';
import { formatAmount, formatYuan } from './money';
import { PeriodLabel, TargetLabel } from './tags';

export function describeBenefit(benefit: BenefitRule, period: PolicyPeriod, t: Translate): string {
  const cap = benefit.capFen !== null && benefit.capFen !== undefined ? t('，封顶 {cap}', { cap: formatYuan(benefit.capFen) }) : '';
  if (benefit.kind === 'fixed') return formatAmount(benefit.amountFen, period, t) + cap;
  if (benefit.kind === 'formula') return t('按公式 {expression}（分）', { expression: benefit.expression }) + cap;
  const tiers = benefit.tiers.map((tier) => {
    const when = tier.atLeast !== undefined && tier.atLeast !== null ? `≥ ${tier.atLeast}` : `= ${JSON.stringify(tier.equals)}`;
    return `${tier.label ?? when} ${formatYuan(tier.amountFen)}`;
  });
  return t('按 {by} 分档：{tiers}；其他 {otherwise}', { by: benefit.by, tiers: tiers.join('，'), otherwise: formatYuan(benefit.otherwiseFen) }) + cap;
}

export function VersionDetails({ version }: { version: PolicyVersion }) {
  const t = useT();
  return (
    <Flex vertical gap={12}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'target', label: t('享受对象'), children: <TargetLabel target={version.target} /> },
          { key: 'period', label: t('发放周期'), children: <PeriodLabel period={version.period} /> },
          { key: 'benefit', label: t('享受标准'), children: describeBenefit(version.benefit, version.period, t), span: { xs: 1, md: 2 } },
          {
            key: 'funding',
            label: t('资金来源'),
            children: (
              <Flex wrap gap={4}>
                {version.funding.map((f) => <Tag key={f.source}>{`${f.source} ${(f.shareBp / 100).toFixed(2)}%`}</Tag>)}
              </Flex>
            ),
          },
          { key: 'dates', label: t('有效期'), children: `${version.effectiveFrom} ~ ${version.effectiveTo ?? t('长期')}` },
          ...(version.basis ? [{ key: 'basis', label: t('政策依据'), children: version.basis }] : []),
          ...(version.quotas.length ? [{ key: 'quotas', label: t('名额与预算'), children: t('{n} 个区划', { n: version.quotas.length }) }] : []),
          ...(version.note ? [{ key: 'note', label: t('说明'), children: version.note, span: { xs: 1, md: 2 } }] : []),
        ]}
      />
      <div>
        <Typography.Text type="secondary">{t('资格条件')}</Typography.Text>
        <CelEditor value={version.eligibility} readOnly minHeight={24} ariaLabel={t('资格条件')} testId={`rule-v${version.version}`} />
      </div>
    </Flex>
  );
}
