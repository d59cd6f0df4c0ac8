/**
 * 模拟测算 (/policies/:code/simulations/:runId): a draft run against the population beside the
 * version in force — while it runs, its progress; then the figures, charts and the people
 * gained and lost.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { getPolicy, getSimulation } from '../policies.api';
import '../policies.css';
import { CandidateList } from '../runs/CandidateList';
import { RunProgress } from '../runs/RunProgress';
import { usePolledRun } from '../runs/usePolledRun';
import { SimulationCharts } from './SimulationCharts';
import { SimulationFigures } from './SimulationFigures';

export function SimulationPage() {
  const t = useT();
  const navigate = useNavigate();
  const code = useParams().code!;
  const runId = Number(useParams().runId);
  const { run, error: runError, setRun } = usePolledRun(runId);
  const completed = run?.status === 'completed';
  const { data: policy } = useRequest((signal) => getPolicy(code, signal), [code]);
  const { data: summary, error } = useRequest((signal) => getSimulation(runId, signal), [runId, completed], completed);
  const draft = policy?.versions.find((v) => v.id === summary?.draftVersionId);

  return (
    <>
      <PageHeader
        title={t('模拟测算')}
        subtitle={policy && `${policy.nameZh}${draft ? ` · ${t('第 {n} 版', { n: draft.version })}` : ''}`}
        extra={<Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/policies/${code}`)}>{t('返回政策')}</Button>}
      />
      {(runError || error) && <ErrorAlert error={(runError ?? error)!} />}
      {run?.status === 'running' && <Card className="page-section"><RunProgress run={run} onCancelled={setRun} /></Card>}
      {run?.status === 'failed' && <Alert type="error" showIcon title={run.error ?? t('运行失败')} />}
      {run?.status === 'cancelled' && <Alert type="info" showIcon title={t('已取消')} />}
      {completed && !summary && <Skeleton active />}
      {summary && (
        <div data-testid="simulation-summary">
          {!summary.currentVersionId && <Alert type="info" showIcon title={t('该政策尚无现行版本，现行数据均为 0。')} style={{ marginBottom: 16 }} />}
          <SimulationFigures summary={summary} />
          <SimulationCharts summary={summary} />
          <Card title={t('人员变化名单')} className="page-section">
            <CandidateList runId={runId} kinds={['gained', 'lost']} counts={{ gained: summary.gained, lost: summary.lost }} />
          </Card>
        </div>
      )}
    </>
  );
}
