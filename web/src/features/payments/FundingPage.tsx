/**
 * 资金与预算 (/funding): the funding sources, and each source's budget for a year and region
 * with what runs have committed and what the bank has paid against it (red when over).
 */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Progress, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { FUNDING_SOURCE_KIND_LABELS } from '@contracts/benefits';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useAuth } from '@/lib/auth';
import { dayjs } from '@/lib/dayjs';
import { useT, type Translate } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { formatYuan } from '@/features/policies/money';
import { PAYMENT_RUN } from '@/features/benefits/permissions';
import { BudgetModal, SourceModal } from './FundingModals';
import { budgetUse, listFundingSources, type BudgetUse, type FundingSource } from './payments.api';

function Usage({ fen, budget, t }: { fen: number; budget: number; t: Translate }) {
  const over = fen > budget;
  const percent = budget > 0 ? Math.round((fen / budget) * 1000) / 10 : fen > 0 ? 100 : 0;
  return (
    <Tooltip title={t('{used} / 预算 {budget}', { used: formatYuan(fen), budget: formatYuan(budget) })}>
      <div style={{ minWidth: 180 }}>
        <Progress percent={Math.min(100, percent)} status={over ? 'exception' : 'normal'} strokeColor={over ? '#ff4d4f' : undefined} format={() => `${percent}%`} size="small" />
        <Typography.Text type={over ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{formatYuan(fen)}{over && ` · ${t('超出 {amount}', { amount: formatYuan(fen - budget) })}`}</Typography.Text>
      </div>
    </Tooltip>
  );
}

export function FundingPage() {
  const t = useT();
  const { can } = useAuth();
  const [year, setYear] = useState(dayjs().year());
  const [modal, setModal] = useState<{ kind: 'source' } | { kind: 'budget'; budget?: BudgetUse } | null>(null);
  const sources = useRequest((signal) => listFundingSources(signal), []);
  const budgets = useRequest((signal) => budgetUse(year, signal), [year]);
  const writer = can(PAYMENT_RUN);

  const sourceColumns: TableColumnsType<FundingSource> = [
    { title: t('名称'), dataIndex: 'name' },
    { title: t('类别'), dataIndex: 'kind', render: (k: FundingSource['kind']) => <Tag>{t(FUNDING_SOURCE_KIND_LABELS[k])}</Tag> },
    { title: t('管理单位'), dataIndex: 'orgName', render: (v: string | null, s) => v ?? (s.id === null ? <Typography.Text type="secondary">{t('（政策中使用，尚未登记）')}</Typography.Text> : '—') },
  ];
  const budgetColumns: TableColumnsType<BudgetUse> = [
    { title: t('资金来源'), dataIndex: 'source' },
    { title: t('区划'), key: 'region', render: (_, b) => b.regionName ?? b.regionCode },
    { title: t('年度预算'), dataIndex: 'budgetFen', align: 'right', render: formatYuan },
    { title: t('已安排'), key: 'used', render: (_, b) => <Usage fen={b.usedFen} budget={b.budgetFen} t={t} /> },
    { title: t('已到账'), key: 'paid', render: (_, b) => <Usage fen={b.paidFen} budget={b.budgetFen} t={t} /> },
    ...(writer ? [{ title: t('操作'), key: 'edit', render: (_: unknown, b: BudgetUse) => <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setModal({ kind: 'budget', budget: b })}>{t('修改')}</Button> }] : []),
  ];

  return (
    <>
      <PageHeader title={t('资金与预算')} subtitle={t('资金来源及各年度预算；已安排为未驳回批次中的金额，已到账为银行回盘成功的金额。')} />
      <Card title={t('年度预算')} className="page-section" extra={
        <Flex gap={8} wrap>
          <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} aria-label={t('年度')} />
          {writer && <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'budget' })}>{t('设置预算')}</Button>}
        </Flex>
      }>
        {budgets.error && <ErrorAlert error={budgets.error} onRetry={budgets.reload} />}
        <Table<BudgetUse> rowKey="budgetId" size="middle" columns={budgetColumns} dataSource={budgets.data ?? []} loading={budgets.loading}
          scroll={{ x: 'max-content' }} pagination={false} data-testid="budgets" />
      </Card>
      <Card title={t('资金来源')} className="page-section"
        extra={writer && <Button icon={<PlusOutlined />} onClick={() => setModal({ kind: 'source' })}>{t('新增资金来源')}</Button>}>
        {sources.error && <ErrorAlert error={sources.error} onRetry={sources.reload} />}
        <Table<FundingSource> rowKey="name" size="middle" columns={sourceColumns} dataSource={sources.data ?? []} loading={sources.loading}
          scroll={{ x: 'max-content' }} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="funding-sources" />
      </Card>
      {modal?.kind === 'source' && <SourceModal onClose={() => setModal(null)} onSaved={() => { setModal(null); void sources.reload(); }} />}
      {modal?.kind === 'budget' && (
        <BudgetModal sources={sources.data ?? []} year={year} budget={modal.budget} onClose={() => setModal(null)}
          onSaved={() => { setModal(null); void budgets.reload(); void sources.reload(); }} />
      )}
    </>
  );
}
