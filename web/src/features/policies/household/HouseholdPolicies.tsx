/**
 * The 政策 tab of a household: every policy in force for every member (or the household),
 * eligible or not and why, the amount, and whether it is already received.
 */
import { Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { EvaluationList } from '../EvaluationList';
import { householdEvaluations } from '../policies.api';
import '../policies.css';

type Shown = 'eligible' | 'all';

export function HouseholdPolicies({ householdId }: { householdId: number }) {
  const t = useT();
  const [shown, setShown] = useState<Shown>('all');
  const { data, error, reload } = useRequest((signal) => householdEvaluations(householdId, signal), [householdId]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  if (data.length === 0) return <Empty description={t('暂无已启用的政策')} />;
  const eligible = data.filter((e) => e.eligible);
  const policies = new Set(eligible.map((e) => e.policyCode)).size;
  return (
    <Flex vertical gap={12} data-testid="household-policies">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text>{t('符合 {n} 项政策（{m} 人次）', { n: policies, m: eligible.length })}</Typography.Text>
        <Segmented<Shown> value={shown} onChange={setShown} options={[{ value: 'all', label: t('全部') }, { value: 'eligible', label: t('只看符合') }]} />
      </Flex>
      <EvaluationList evaluations={shown === 'eligible' ? eligible : data} showPolicy testId="household-evaluations" />
    </Flex>
  );
}
