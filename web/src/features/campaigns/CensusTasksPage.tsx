/**
 * 我的摸排任务 — the grid worker's phone page: the households she is to visit in open
 * campaigns, as cards — those not yet visited first, then those where nobody was home — each
 * with a large 入户登记 that opens the visit form set for the campaign.
 */
import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { listCensusTasks, type CensusTask } from './campaigns.api';
import { CensusStatusTag } from './tags';
import './campaigns.css';

function TaskCard({ task }: { task: CensusTask }) {
  const t = useT();
  const navigate = useNavigate();
  const toDo = task.status === 'pending' || task.status === 'not_at_home';
  return (
    <Card size="small" className="census-card" data-testid="census-task"
      title={t('{name} 户', { name: task.headName ?? t('（未指定户主）') })} extra={<CensusStatusTag status={task.status} />}>
      <Flex vertical gap={8}>
        {task.address && <Typography.Text><EnvironmentOutlined /> {task.address}</Typography.Text>}
        <Typography.Text type="secondary">
          {[task.regionName, t('{n} 人', { n: task.memberCount }), task.lastVisitedOn ? t('最近走访 {date}', { date: task.lastVisitedOn }) : null].filter(Boolean).join(' · ')}
        </Typography.Text>
        <Typography.Text type="secondary" ellipsis>{task.campaignName} · {t('{date} 前完成', { date: task.campaignEndsOn })}</Typography.Text>
        {task.targetDescription && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{task.targetDescription}</Typography.Paragraph>}
        <Button type={toDo ? 'primary' : 'default'} size="large" block className="touch-button"
          onClick={() => navigate(`/visits/new?householdId=${task.householdId}&campaignId=${task.campaignId}`)}>
          {toDo ? t('入户登记') : t('再次登记')}
        </Button>
      </Flex>
    </Card>
  );
}

export function CensusTasksPage() {
  const t = useT();
  const { data, error, loading, reload } = useRequest((signal) => listCensusTasks(signal), []);
  const pending = data?.filter((task) => task.status === 'pending').length ?? 0;
  const revisit = data?.filter((task) => task.status === 'not_at_home').length ?? 0;
  return (
    <div className="census-tasks">
      <PageHeader title={t('我的摸排任务')} subtitle={data ? t('待走访 {pending} 户 · 家中无人待回访 {revisit} 户 · 共 {n} 户', { pending, revisit, n: data.length }) : undefined} />
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active />}
      {data && data.length === 0 && <Empty description={t('目前没有分派给您的摸排家庭')} />}
      {data && data.length > 0 && <div className="census-grid" data-testid="census-tasks">{data.map((task) => <TaskCard key={`${task.campaignId}:${task.householdId}`} task={task} />)}</div>}
    </div>
  );
}
