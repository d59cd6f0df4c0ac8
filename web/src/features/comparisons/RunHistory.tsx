/** 比对记录: earlier comparisons, newest first, with their counts; a row opens it. */
import { Tag, type TableColumnsType } from 'antd';
import { RunHistoryTable } from '@/components/RunHistoryTable';
import { formatDateTime } from '@/lib/dayjs';
import { useT, type Translate } from '@/lib/i18n';
import { COMPARISON_STATUS_LABELS, ROLL_KIND_LABELS, type ComparisonCounts, type ComparisonRun, type ComparisonStatus } from './comparisons.api';

const STATUS_COLORS: Record<ComparisonStatus, string> = { uploaded: 'gold', running: 'processing', completed: 'success', rejected: 'error', failed: 'error' };

export function StatusTag({ status }: { status: ComparisonStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLORS[status]}>{t(COMPARISON_STATUS_LABELS[status])}</Tag>;
}

function columns(t: Translate): TableColumnsType<ComparisonRun> {
  const count = (key: keyof ComparisonCounts) => (_: unknown, r: ComparisonRun) => r.counts?.[key] ?? '—';
  return [
    { title: t('编号'), dataIndex: 'id' },
    { title: t('名册类型'), dataIndex: 'kind', render: (k: ComparisonRun['kind']) => t(ROLL_KIND_LABELS[k]) },
    { title: t('文件'), dataIndex: 'fileName', ellipsis: true },
    { title: t('状态'), dataIndex: 'status', render: (s: ComparisonStatus) => <StatusTag status={s} /> },
    { title: t('名册行数'), key: 'rows', align: 'right', render: count('rows') },
    { title: t('应纳入'), key: 'toAdd', align: 'right', render: count('toAdd') },
    { title: t('应变更'), key: 'toChange', align: 'right', render: count('toChange') },
    { title: t('应退出'), key: 'toStop', align: 'right', render: count('toStop') },
    { title: t('未匹配'), key: 'unmatched', align: 'right', render: count('unmatched') },
    { title: t('信息不一致'), key: 'conflict', align: 'right', render: count('conflict') },
    { title: t('上传人'), dataIndex: 'createdByName' },
    { title: t('上传时间'), dataIndex: 'createdAt', render: formatDateTime },
  ];
}

export function RunHistory({ runs, loading, selected }: { runs: ComparisonRun[]; loading: boolean; selected?: number }) {
  const t = useT();
  return <RunHistoryTable runs={runs} loading={loading} selected={selected} columns={columns(t)} linkTo={(r) => `/comparisons/${r.id}`} testId="comparison-history" />;
}
