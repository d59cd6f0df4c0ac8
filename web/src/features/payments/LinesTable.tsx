/**
 * Payment lines, paged from the server: of a run, or of the whole ledger (a figure's lines).
 * Each shows the payee and household, policy, region, period, kind, amount, status and how it
 * is split across funding sources; rows can be selected for review.
 */
import { Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { Key } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useT, type Translate } from '@/lib/i18n';
import { usePagedRequest } from '@/lib/usePagedRequest';
import { formatYuan } from '@/features/policies/money';
import { listLines, type LineFilter, type PaymentLine } from './payments.api';
import { LineKindTag, LineStatusTag, periodLabel } from './tags';

function columns(t: Translate): TableColumnsType<PaymentLine> {
  return [
    { title: t('编号'), dataIndex: 'id', width: 80 },
    { title: t('收款人'), key: 'payee', render: (_, l) => <Link to={`/households/${l.householdId}?tab=benefits`}>{l.payeeName ?? t('（未指定）')}</Link> },
    { title: t('政策'), dataIndex: 'policyName' },
    { title: t('区划'), key: 'region', render: (_, l) => l.regionName ?? l.regionCode },
    { title: t('期间'), dataIndex: 'period', render: (p: string) => periodLabel(p, t) },
    { title: t('类型'), dataIndex: 'kind', render: (k: PaymentLine['kind']) => <LineKindTag kind={k} /> },
    { title: t('金额'), dataIndex: 'amountFen', align: 'right', render: (v: number) => <span className={v < 0 ? 'negative-amount' : undefined}>{formatYuan(v)}</span> },
    { title: t('状态'), key: 'status', render: (_, l) => <LineStatusTag line={l} /> },
    { title: t('资金来源'), key: 'funds', render: (_, l) => l.funds.map((f) => `${f.source} ${formatYuan(f.amountFen)}`).join('；') },
    { title: t('说明'), key: 'reason', width: 220, render: (_, l) => l.failureReason ?? l.reason ?? '—' },
  ];
}

interface Props {
  runId: number | null;
  filter: LineFilter;
  /** Bumped by the page after a change, to read the lines again. */
  version?: number;
  selection?: { keys: Key[]; onChange: (keys: Key[]) => void };
  testId?: string;
}

export function LinesTable({ runId, filter, version = 0, selection, testId }: Props) {
  const t = useT();
  const { data, loading, error, reload, page, setPage } = usePagedRequest(filter, (p, signal) => listLines(runId, filter, p.current, p.pageSize, signal), [runId, version]);
  const sum = (data?.items ?? []).reduce((n, l) => n + l.amountFen, 0);
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <Table<PaymentLine>
        rowKey="id" size="small" columns={columns(t)} dataSource={data?.items ?? []} loading={loading} scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('没有符合条件的记录')} /> }}
        rowSelection={selection && { selectedRowKeys: selection.keys, onChange: selection.onChange, getCheckboxProps: (l) => ({ disabled: l.reviewStatus !== 'pending' }) }}
        pagination={{ ...page, total: data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('共 {n} 条', { n }), onChange: (current, pageSize) => setPage({ current, pageSize }) }}
        footer={data && data.items.length > 0 ? () => <Typography.Text type="secondary">{t('本页合计 {amount}', { amount: formatYuan(sum) })}</Typography.Text> : undefined}
      />
    </Flex>
  );
}
