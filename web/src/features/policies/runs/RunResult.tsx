/** One run: its progress while running, then its counts, chart and candidate lists. */
import { Alert, Card, Descriptions, Skeleton } from 'antd';
import { useEffect } from 'react';
import type { CandidateKind } from '@contracts/policies';
import { ErrorAlert } from '@/components/ErrorAlert';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import type { PolicyRun } from '../policies.api';
import { RegionNames } from '../RegionNames';
import { RunStatusTag } from '../tags';
import { CandidateList } from './CandidateList';
import { RunCounts } from './RunCounts';
import { RunProgress } from './RunProgress';
import { usePolledRun } from './usePolledRun';

const KINDS: CandidateKind[] = ['add', 'stop', 'amount', 'error'];

function kindCounts(run: PolicyRun): Record<CandidateKind, number> {
  const sum = (key: 'toAdd' | 'toStop' | 'amountChanged' | 'errors') => run.counts.reduce((n, c) => n + c[key], 0);
  return { add: sum('toAdd'), stop: sum('toStop'), amount: sum('amountChanged'), error: sum('errors'), gained: 0, lost: 0 };
}

export function RunResult({ runId, onFinished }: { runId: number; onFinished: () => void }) {
  const t = useT();
  const { run, error, setRun } = usePolledRun(runId);
  const status = run?.status;
  useEffect(() => {
    if (status && status !== 'running') onFinished();
    // onFinished refreshes the list of runs once the status settles.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status]);

  if (error) return <ErrorAlert error={error} />;
  if (!run) return <Skeleton active />;
  return (
    <>
      <Card title={t('运行结果（第 {id} 次）', { id: run.id })} extra={<RunStatusTag status={run.status} />} className="page-section" data-testid="run-result">
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }} items={[
          { key: 'by', label: t('发起人'), children: run.requestedByName ?? '—' },
          { key: 'at', label: t('开始时间'), children: formatDateTime(run.startedAt) },
          { key: 'regions', label: t('区划'), children: <RegionNames codes={run.regionCodes} empty={t('全部')} /> },
        ]} />
        {run.status === 'running' && <RunProgress run={run} onCancelled={setRun} />}
        {run.status === 'failed' && <Alert type="error" showIcon title={run.error ?? t('运行失败')} />}
        {run.status === 'cancelled' && <Alert type="info" showIcon title={t('已取消，未保留名单')} />}
        {run.status === 'completed' && <RunCounts counts={run.counts} />}
      </Card>
      {run.status === 'completed' && (
        <Card title={t('名单')} className="page-section">
          <CandidateList runId={run.id} kinds={KINDS} counts={kindCounts(run)} policies={run.counts.map((c) => ({ code: c.code, name: c.name }))} actionable />
        </Card>
      )}
    </>
  );
}
