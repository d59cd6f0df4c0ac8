/**
 * Policy outcomes for the subjects of one household: eligible or not, the amount, whether the
 * subject already receives it; each opens to the explanation of eligibility and amount.
 */
import { Alert, Collapse, Empty, Flex, Tag, Typography } from 'antd';
import type { SubjectEvaluation } from '@contracts/policies';
import { useT } from '@/lib/i18n';
import { ExplanationTree } from './ExplanationTree';
import { formatAmount } from './money';
import { EligibilityTag } from './tags';

const ORDER = (e: SubjectEvaluation) => (e.eligible === true ? 0 : e.eligible === null ? 1 : 2);

function Header({ evaluation, showPolicy }: { evaluation: SubjectEvaluation; showPolicy: boolean }) {
  const t = useT();
  const subject = evaluation.target === 'household' ? t('本户') : (evaluation.personName ?? '');
  return (
    <Flex wrap gap={8} align="center">
      <Typography.Text strong>{showPolicy ? `${evaluation.policyName} · ${subject}` : subject}</Typography.Text>
      <EligibilityTag eligible={evaluation.eligible} error={evaluation.error} />
      {evaluation.eligible && <Typography.Text>{formatAmount(evaluation.amountFen, evaluation.period, t)}</Typography.Text>}
      {evaluation.enrolled && <Tag color="blue">{t('已享受')}</Tag>}
    </Flex>
  );
}

function Body({ evaluation }: { evaluation: SubjectEvaluation }) {
  const t = useT();
  return (
    <Flex vertical gap={12}>
      {evaluation.error && <Alert type="warning" showIcon title={evaluation.error} />}
      <div>
        <Typography.Text type="secondary">{t('资格条件')}</Typography.Text>
        <ExplanationTree node={evaluation.explanation} testId="explanation" />
      </div>
      {evaluation.amountExplanation && (
        <div>
          <Typography.Text type="secondary">{t('金额计算（单位：分）')}</Typography.Text>
          <ExplanationTree node={evaluation.amountExplanation} />
        </div>
      )}
    </Flex>
  );
}

export function EvaluationList({ evaluations, showPolicy = false, testId }: { evaluations: SubjectEvaluation[]; showPolicy?: boolean; testId?: string }) {
  const t = useT();
  if (evaluations.length === 0) return <Empty description={t('没有可评估的对象')} />;
  const sorted = [...evaluations].sort((a, b) => ORDER(a) - ORDER(b));
  return (
    <Collapse
      data-testid={testId}
      items={sorted.map((e) => ({
        key: `${e.policyCode}:${e.personId ?? 0}`,
        label: <Header evaluation={e} showPolicy={showPolicy} />,
        children: <Body evaluation={e} />,
      }))}
    />
  );
}
