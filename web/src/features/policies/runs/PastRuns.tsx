/** 运行记录: earlier runs, newest first; a row opens its results. */
import type { TableColumnsType } from 'antd';
import { RunHistoryTable } from '@/components/RunHistoryTable';
import { formatDateTime } from '@/lib/dayjs';
import { useT, type Translate } from '@/lib/i18n';
import type { PolicyRun } from '../policies.api';
import { RegionNames } from '../RegionNames';
import { RunStatusTag } from '../tags';

function columns(t: Translate): TableColumnsType<PolicyRun> {
  const total = (run: PolicyRun, key: 'eligible' | 'toAdd' | 'toStop') => run.counts.reduce((n, c) => n + c[key], 0);
  return [
    { title: t('编号'), dataIndex: 'id' },
    { title: t('开始时间'), dataIndex: 'startedAt', render: formatDateTime },
    { title: t('发起人'), dataIndex: 'requestedByName' },
    { title: t('政策数'), key: 'policies', align: 'right', render: (_, r) => r.policyCodes.length },
    { title: t('区划'), dataIndex: 'regionCodes', render: (codes: string[]) => <RegionNames codes={codes} empty={t('全部')} /> },
    { title: t('状态'), dataIndex: 'status', render: (s: PolicyRun['status']) => <RunStatusTag status={s} /> },
    { title: t('符合条件'), key: 'eligible', align: 'right', render: (_, r) => total(r, 'eligible') },
    { title: t('应纳未纳'), key: 'toAdd', align: 'right', render: (_, r) => total(r, 'toAdd') },
    { title: t('应退未退'), key: 'toStop', align: 'right', render: (_, r) => total(r, 'toStop') },
  ];
}

export function PastRuns({ runs, loading, selected }: { runs: PolicyRun[]; loading: boolean; selected?: number }) {
  const t = useT();
  return <RunHistoryTable runs={runs} loading={loading} selected={selected} columns={columns(t)} linkTo={(r) => `/policy-runs/${r.id}`} testId="past-runs" />;
}
