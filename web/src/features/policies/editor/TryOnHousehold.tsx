/** 试算: the draft evaluated on one chosen household, member by member, with the explanation of each result. */
import { Alert, Card, Flex, Spin, Typography } from 'antd';
import type { SubjectEvaluation } from '@contracts/policies';
import { useT } from '@/lib/i18n';
import { EvaluationList } from '../EvaluationList';
import { HouseholdPicker } from '../HouseholdPicker';

interface Props {
  householdId: number | undefined;
  onHousehold: (id: number | undefined) => void;
  evaluations: SubjectEvaluation[] | null;
  checking: boolean;
  blocked: boolean;
  error: Error | null;
}

export function TryOnHousehold({ householdId, onHousehold, evaluations, checking, blocked, error }: Props) {
  const t = useT();
  return (
    <Card title={t('试算')} className="page-section" data-testid="try-on-household">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('选一户，看草稿规则对每位成员的结果和原因。')}</Typography.Text>
        <HouseholdPicker value={householdId} onChange={onHousehold} />
        {error && <Alert type="error" showIcon title={error.message} />}
        {householdId && blocked && <Alert type="warning" showIcon title={t('规则有问题，改正后再试算')} />}
        <Spin spinning={checking && Boolean(householdId)}>
          {householdId && evaluations && <EvaluationList evaluations={evaluations} testId="draft-evaluations" />}
        </Spin>
      </Flex>
    </Card>
  );
}
