/** 发放批次: every run, newest first, with its status, size and who made and approved it; a row opens it. */
import { Table, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '@/lib/dayjs';
import { useT, type Translate } from '@/lib/i18n';
import { formatYuan } from '@/features/policies/money';
import type { PaymentRun } from './payments.api';
import { periodLabel, RunStatusTag } from './tags';

function columns(t: Translate): TableColumnsType<PaymentRun> {
  return [
    { title: t('编号'), dataIndex: 'id' },
    { title: t('期间'), dataIndex: 'period', render: (p: string) => periodLabel(p, t) },
    { title: t('政策'), dataIndex: 'byPolicy', render: (_, r) => (r.policyCodes.length ? r.byPolicy.map((p) => p.name).join('、') || r.policyCodes.join('、') : t('全部')) },
    { title: t('状态'), dataIndex: 'status', render: (s: PaymentRun['status']) => <RunStatusTag status={s} /> },
    { title: t('笔数'), dataIndex: 'lineCount', align: 'right' },
    { title: t('金额'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
    { title: t('生成人'), dataIndex: 'createdByName' },
    { title: t('生成时间'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('审核人'), dataIndex: 'approvedByName', render: (v: string | null) => v ?? '—' },
  ];
}

export function RunList({ runs, loading }: { runs: PaymentRun[]; loading: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Table<PaymentRun>
      rowKey="id" size="middle" columns={columns(t)} dataSource={runs} loading={loading} scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="payment-runs"
      onRow={(r) => ({ onClick: () => navigate(`/payments/${r.id}`), style: { cursor: 'pointer' } })}
    />
  );
}
