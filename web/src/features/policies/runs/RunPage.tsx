/**
 * 政策找人 (/policy-runs, /policy-runs/:id): start a run over chosen policies and regions,
 * follow it, read its lists and act on them; earlier runs below.
 */
import { Card } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { POLICY_RUN } from '../permissions';
import { listRuns } from '../policies.api';
import '../policies.css';
import { PastRuns } from './PastRuns';
import { RunResult } from './RunResult';
import { RunStartCard } from './RunStartCard';

export function RunPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const runId = Number(useParams().id) || null;
  const [params] = useSearchParams();
  const runs = useRequest((signal) => listRuns(signal), []);

  return (
    <>
      <PageHeader title={t('政策找人')} subtitle={t('按已启用的政策在台账中查找应纳未纳、应退未退的对象，逐条处理。')} />
      {can(POLICY_RUN) && <RunStartCard initialPolicy={params.get('policy') ?? undefined} onStarted={(run) => navigate(`/policy-runs/${run.id}`)} />}
      {runId && <RunResult key={runId} runId={runId} onFinished={() => void runs.reload()} />}
      <Card title={t('运行记录')} className="page-section">
        <PastRuns runs={runs.data ?? []} loading={runs.loading} selected={runId ?? undefined} />
      </Card>
    </>
  );
}
