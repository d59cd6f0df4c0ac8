/** 发放管理 (/payments): payment runs with their status, a new run, and the ledger's own checks. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { PAYMENT_RUN } from '@/features/benefits/permissions';
import { LedgerChecklist } from './LedgerChecklist';
import { NewRunModal } from './NewRunModal';
import { listRuns } from './payments.api';
import { RunList } from './RunList';
import { periodLabel } from './tags';

export function PaymentsPage() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const runs = useRequest((signal) => listRuns(signal), []);

  return (
    <>
      <PageHeader title={t('发放管理')} subtitle={t('按期生成发放批次，经审核后发送银行代发，导入回盘对账。')}
        extra={can(PAYMENT_RUN) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('新建发放批次')}</Button>} />
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card title={t('发放批次')} className="page-section">
            {runs.error && <ErrorAlert error={runs.error} onRetry={runs.reload} />}
            <RunList runs={runs.data ?? []} loading={runs.loading} />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <LedgerChecklist />
        </Col>
      </Row>
      {creating && (
        <NewRunModal
          onClose={() => setCreating(false)}
          onCreated={(run, created) => {
            setCreating(false);
            if (created) message.success(t('已生成{period}发放批次', { period: periodLabel(run.period, t) }));
            else message.info(t('{period}的发放批次此前已生成（第 {id} 号），已为您打开', { period: periodLabel(run.period, t), id: run.id }));
            navigate(`/payments/${run.id}${created ? '' : '?existing=1'}`);
          }}
        />
      )}
    </>
  );
}
