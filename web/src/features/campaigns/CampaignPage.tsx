/**
 * One campaign (/campaigns/:id): what it covers and whom it targets (the rule as written and in
 * plain words), the counts by status, progress by area and worker (?area= drills down), and
 * its households with their workers; its owner ends it when the round is done.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Statistic } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { CelEditor } from '@/features/policies/editor/CelEditor';
import { useAuth } from '@/lib/auth';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { useQueryParams } from '@/lib/useQueryParams';
import { useRequest } from '@/lib/useRequest';
import { CENSUS_STATUSES, closeCampaign, getCampaign } from './campaigns.api';
import { HouseholdsSection } from './HouseholdsSection';
import { ProgressSection } from './ProgressSection';
import { CampaignStatusTag, STATUS_COLORS, STATUS_ORDER } from './tags';
import './campaigns.css';

export function CampaignPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const [params, set] = useQueryParams();
  const area = params.get('area') ?? undefined;
  // Bumped after an assignment, so progress and the list show it without a page reload.
  const [version, setVersion] = useState(0);
  const { data: campaign, error, reload } = useRequest((signal) => getCampaign(id, signal), [id, version]);

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!campaign) return <Skeleton active paragraph={{ rows: 10 }} />;
  const open = campaign.status === 'open';

  return (
    <>
      <PageHeader
        title={<Flex align="center" gap={8}>{campaign.name}<CampaignStatusTag status={campaign.status} /></Flex>}
        subtitle={`${campaign.regionName} · ${campaign.startsOn} ~ ${campaign.endsOn} · ${campaign.ownerOrgName}`}
        extra={(
          <>
            {can('plan:write') && open && (
              <Popconfirm title={t('结束后不能再登记摸排走访，确定结束？')} okText={t('结束')} cancelText={t('取消')}
                onConfirm={async () => { await closeCampaign(id); message.success(t('摸排任务已结束')); setVersion((v) => v + 1); }}>
                <Button>{t('结束摸排')}</Button>
              </Popconfirm>
            )}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/campaigns')}>{t('返回')}</Button>
          </>
        )}
      />
      <Flex wrap gap={12} className="page-section campaign-counts" data-testid="campaign-counts">
        <Card size="small"><Statistic title={t('摸排户数')} value={campaign.counts.total} /></Card>
        {STATUS_ORDER.map((status) => (
          <Card key={status} size="small" className="status-card" style={{ borderTopColor: STATUS_COLORS[status] }} data-testid={`count-${status}`}>
            <Statistic title={t(CENSUS_STATUSES[status])} value={campaign.counts[status]} />
          </Card>
        ))}
        <Card size="small">
          <Statistic title={t('待分派')} value={campaign.unassigned} styles={{ content: { color: campaign.unassigned ? '#d48806' : undefined } }} />
        </Card>
      </Flex>
      <Card title={t('目标人群')} className="page-section" size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" items={[
          { key: 'description', label: t('说明'), children: campaign.description ?? '—', span: 2 },
          { key: 'rule', label: t('规则'), span: 2, children: <div style={{ width: '100%' }}><CelEditor value={campaign.rule} readOnly minHeight={24} testId="campaign-rule" /></div> },
          { key: 'count', label: t('创建时选定'), children: t('{n} 户', { n: campaign.targetCount }) },
          { key: 'created', label: t('创建'), children: `${campaign.createdByName} · ${formatDateTime(campaign.createdAt)}` },
        ]} />
      </Card>
      <ProgressSection campaignId={id} area={area} onArea={(code) => set('area', code)} version={version} />
      <HouseholdsSection campaignId={id} area={area} open={open} version={version} onChanged={() => setVersion((v) => v + 1)} />
    </>
  );
}
