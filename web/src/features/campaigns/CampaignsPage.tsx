/**
 * 摸排任务 (/campaigns): the campaigns the user runs or follows — open ones first — with their
 * region, period, coverage so far and households still waiting for a worker; 新建摸排 for
 * those who manage them. Cards on a phone.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useIsNarrow } from '@/lib/useMedia';
import { useQueryParams } from '@/lib/useQueryParams';
import { useRequest } from '@/lib/useRequest';
import { listCampaigns, type Campaign, type CampaignStatus } from './campaigns.api';
import { CampaignStatusTag, Coverage } from './tags';
import './campaigns.css';

function CampaignCard({ campaign }: { campaign: Campaign }) {
  const t = useT();
  return (
    <Card size="small" title={<Link to={`/campaigns/${campaign.id}`}>{campaign.name}</Link>} extra={<CampaignStatusTag status={campaign.status} />} data-testid="campaign-card">
      <Flex vertical gap={6}>
        <Typography.Text type="secondary">{campaign.regionName} · {campaign.startsOn} ~ {campaign.endsOn}</Typography.Text>
        <Coverage counts={campaign.counts} />
        {campaign.unassigned > 0 && <Typography.Text type="warning">{t('{n} 户待分派', { n: campaign.unassigned })}</Typography.Text>}
      </Flex>
    </Card>
  );
}

export function CampaignsPage() {
  const t = useT();
  const navigate = useNavigate();
  const narrow = useIsNarrow();
  const { can } = useAuth();
  const [params, set] = useQueryParams();
  const status = (params.get('status') ?? undefined) as CampaignStatus | undefined;
  const { data, error, loading, reload } = useRequest((signal) => listCampaigns(status, signal), [status]);

  const columns = [
    { key: 'name', title: t('摸排任务'), render: (c: Campaign) => <Flex vertical><Link to={`/campaigns/${c.id}`}>{c.name}</Link>
      {c.description && <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>{c.description}</Typography.Text>}</Flex> },
    { key: 'region', title: t('摸排区域'), render: (c: Campaign) => c.regionName },
    { key: 'period', title: t('摸排时间'), render: (c: Campaign) => <span className="mono">{c.startsOn} ~ {c.endsOn}</span> },
    { key: 'households', title: t('户数'), align: 'right' as const, render: (c: Campaign) => c.counts.total },
    { key: 'coverage', title: t('走访进度'), render: (c: Campaign) => <Coverage counts={c.counts} /> },
    { key: 'unassigned', title: t('待分派'), align: 'right' as const, render: (c: Campaign) => (c.unassigned ? <Typography.Text type="warning">{c.unassigned}</Typography.Text> : 0) },
    { key: 'status', title: t('状态'), render: (c: Campaign) => <CampaignStatusTag status={c.status} /> },
    { key: 'owner', title: t('负责单位'), render: (c: Campaign) => <Typography.Text type="secondary">{c.ownerOrgName}</Typography.Text> },
  ];

  return (
    <>
      <PageHeader
        title={t('摸排任务')}
        subtitle={t('再梳理、再摸排：按区域和目标人群逐户走访，覆盖情况按区域、网格员统计。')}
        extra={can('plan:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/campaigns/new')}>{t('新建摸排')}</Button>}
      />
      <Card className="page-section">
        <Flex vertical gap={12}>
          <Segmented value={status ?? 'all'} onChange={(v) => set('status', v === 'all' ? undefined : String(v))}
            options={[{ value: 'all', label: t('全部') }, { value: 'open', label: t('进行中') }, { value: 'closed', label: t('已结束') }]} />
          {error && <ErrorAlert error={error} onRetry={reload} />}
          {data && data.length === 0 && <Empty description={t('还没有摸排任务')} />}
          {narrow ? (
            <Flex vertical gap={8}>{(data ?? []).map((c) => <CampaignCard key={c.id} campaign={c} />)}</Flex>
          ) : (
            (data?.length ?? 0) > 0 && <Table<Campaign> rowKey="id" size="middle" loading={loading} dataSource={data} columns={columns} pagination={false} data-testid="campaigns-table" />
          )}
        </Flex>
      </Card>
    </>
  );
}
