/** The eligibility rule's problems under the editor, each with its line and column; or a quiet "passed". */
import { CheckCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Flex, Typography } from 'antd';
import type { RuleProblem } from '@contracts/policies';
import { useT } from '@/lib/i18n';

export function RuleProblems({ problems, checking, checked }: { problems: RuleProblem[]; checking: boolean; checked: boolean }) {
  const t = useT();
  if (problems.length > 0) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="rule-problems"
        title={t('规则有 {n} 处问题', { n: problems.length })}
        description={
          <Flex vertical gap={4}>
            {problems.map((p) => (
              <span key={`${p.offset}:${p.message}`}>
                <Typography.Text strong>{t('第 {line} 行第 {column} 列', { line: p.line, column: p.column })}</Typography.Text>
                {'：'}
                {p.message}
              </span>
            ))}
          </Flex>
        }
      />
    );
  }
  if (checking) {
    return <Typography.Text type="secondary"><LoadingOutlined /> {t('正在检查…')}</Typography.Text>;
  }
  if (!checked) return null;
  return (
    <Typography.Text type="success" data-testid="rule-ok">
      <CheckCircleOutlined /> {t('规则检查通过')}
    </Typography.Text>
  );
}
