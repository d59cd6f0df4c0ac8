/** 台账检查: the server's invariants over every run and line (totals agree, nobody paid twice …), each ticked or flagged. */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Flex, List, Typography } from 'antd';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { ledgerCheck } from './payments.api';


export function LedgerChecklist() {
  const t = useT();
  const { data, loading, error, reload } = useRequest((signal) => ledgerCheck(signal), []);
  const ok = data?.every((c) => c.ok);
  return (
    <Card title={t('台账检查')} className="page-section" loading={loading && !data} data-testid="ledger-check"
      extra={data && (ok ? <Typography.Text type="success">{t('全部通过')}</Typography.Text> : <Typography.Text type="danger">{t('有异常')}</Typography.Text>)}>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <List size="small" dataSource={data ?? []} renderItem={(c) => (
        <List.Item>
          <Flex gap={8} align="start">
            {c.ok ? <CheckCircleFilled style={{ color: '#52c41a', marginTop: 4 }} /> : <CloseCircleFilled style={{ color: '#ff4d4f', marginTop: 4 }} />}
            <div>
              <div>{t(c.title)}</div>
              {!c.ok && <Typography.Text type="danger">{c.detail}</Typography.Text>}
            </div>
          </Flex>
        </List.Item>
      )} />
    </Card>
  );
}
