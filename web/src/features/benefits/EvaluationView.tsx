/** The evaluation a decision was made on: eligible or not, the amount, and the rule explained clause by clause. */
import { Alert, Empty, Flex, Typography } from 'antd';
import type { SubjectEvaluation } from '@contracts/policies';
import { useT } from '@/lib/i18n';
import { ExplanationTree } from '@/features/policies/ExplanationTree';
import { formatAmount } from '@/features/policies/money';
import { EligibilityTag } from '@/features/policies/tags';
import '@/features/policies/policies.css';

const isEvaluation = (value: unknown): value is SubjectEvaluation =>
  !!value && typeof value === 'object' && 'explanation' in value && !!(value as SubjectEvaluation).explanation;

export function EvaluationView({ evaluation }: { evaluation: unknown }) {
  const t = useT();
  if (!isEvaluation(evaluation)) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('没有测算记录（导入的待遇）')} />;
  return (
    <Flex vertical gap={8} data-testid="enrollment-evaluation">
      <Flex gap={8} align="center" wrap>
        <EligibilityTag eligible={evaluation.eligible} error={evaluation.error} />
        {evaluation.eligible && <Typography.Text>{formatAmount(evaluation.amountFen, evaluation.period, t)}</Typography.Text>}
        <Typography.Text type="secondary">{t('第 {n} 版', { n: evaluation.version })}</Typography.Text>
      </Flex>
      {evaluation.error && <Alert type="warning" showIcon title={evaluation.error} />}
      <ExplanationTree node={evaluation.explanation} testId="explanation" />
      {evaluation.amountExplanation && (
        <>
          <Typography.Text type="secondary">{t('金额计算（单位：分）')}</Typography.Text>
          <ExplanationTree node={evaluation.amountExplanation} />
        </>
      )}
    </Flex>
  );
}
