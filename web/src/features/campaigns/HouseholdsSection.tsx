/**
 * 摸排家庭: the campaign's households in the reader's scope with their status and grid worker,
 * filtered by status, worker (or nobody yet) and the area chosen above; managers select rows
 * and hand them to a worker who covers them, or take them back.
 */
import { Button, Card, Flex, Form, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { FormModal } from '@/components/FormModal';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { usePagedRequest } from '@/lib/usePagedRequest';
import { useRequest } from '@/lib/useRequest';
import { assignHouseholds, CENSUS_STATUSES, listCampaignHouseholds, listWorkers, type CampaignHousehold, type CensusStatus, type HouseholdQuery } from './campaigns.api';
import { CensusStatusTag } from './tags';

const NOBODY = 0;

function AssignModal({ campaignId, householdIds, onClose, onDone }: { campaignId: number; householdIds: number[]; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { data: workers, loading } = useRequest((signal) => listWorkers(campaignId, signal), [campaignId]);
  const options = [
    { value: NOBODY, label: t('（取消分派）') },
    ...(workers ?? []).map((w) => ({ value: w.id, label: `${w.name}${w.regionName ? ` · ${w.regionName}` : ''}` })),
  ];
  return (
    <FormModal<{ userId: number }> title={t('分派 {n} 户', { n: householdIds.length })} okText={t('确定')} onClose={onClose}
      onSubmit={async ({ userId }) => {
        await assignHouseholds(campaignId, { householdIds, userId: userId === NOBODY ? null : userId });
        onDone();
      }}>
      <Form.Item name="userId" label={t('走访人员')} rules={[{ required: true, message: t('请选择走访人员') }]}
        extra={t('只能分派给管辖区域或所在单位包含这些家庭的人员')}>
        <Select showSearch={{ optionFilterProp: 'label' }} loading={loading} options={options} aria-label={t('走访人员')} />
      </Form.Item>
    </FormModal>
  );
}

export function HouseholdsSection({ campaignId, area, open, onChanged, version }: { campaignId: number; area: string | undefined; open: boolean; onChanged: () => void; version: number }) {
  const t = useT();
  const { can } = useAuth();
  const [status, setStatus] = useState<CensusStatus>();
  const [assignee, setAssignee] = useState<number>();
  const [selected, setSelected] = useState<number[]>([]);
  const [assigning, setAssigning] = useState(false);
  const filter: HouseholdQuery = { status, assignedUserId: assignee, area };
  const { data, error, loading, reload, page, setPage } = usePagedRequest({ ...filter, version }, (p, signal) =>
    listCampaignHouseholds(campaignId, { ...filter, page: p.current, pageSize: p.pageSize }, signal), [campaignId]);
  const { data: workers } = useRequest((signal) => listWorkers(campaignId, signal), [campaignId], can('plan:write'));
  const manages = can('plan:write') && open;

  const columns = [
    { key: 'head', title: t('家庭'), render: (h: CampaignHousehold) => <Link to={`/households/${h.householdId}?tab=visits`}>{t('{name} 户', { name: h.headName ?? t('（未指定户主）') })}</Link> },
    { key: 'address', title: t('地址'), render: (h: CampaignHousehold) => <Typography.Text type="secondary">{h.address}</Typography.Text> },
    { key: 'region', title: t('所在区域'), render: (h: CampaignHousehold) => h.regionName },
    { key: 'status', title: t('摸排状态'), render: (h: CampaignHousehold) => <CensusStatusTag status={h.status} /> },
    { key: 'visited', title: t('最近走访'), render: (h: CampaignHousehold) => <span className="mono">{h.lastVisitedOn ?? '—'}</span> },
    { key: 'assignee', title: t('网格员'), render: (h: CampaignHousehold) => h.assignedUserName ?? <Typography.Text type="warning">{t('待分派')}</Typography.Text> },
  ];

  return (
    <Card title={t('摸排家庭')} className="page-section" data-testid="campaign-households">
      <Flex vertical gap={12}>
        <Flex wrap gap={12} className="list-filters">
          <Select allowClear placeholder={t('摸排状态')} aria-label={t('摸排状态')} value={status} onChange={(v?: CensusStatus) => setStatus(v)} style={{ width: 140 }}
            options={Object.entries(CENSUS_STATUSES).map(([value, label]) => ({ value, label: t(label) }))} />
          <Select allowClear placeholder={t('网格员')} aria-label={t('网格员')} value={assignee} onChange={(v?: number) => setAssignee(v)} style={{ width: 240 }}
            options={[{ value: NOBODY, label: t('待分派') }, ...(workers ?? []).map((w) => ({ value: w.id, label: w.name }))]} />
          {manages && (
            <Button type="primary" disabled={selected.length === 0} onClick={() => setAssigning(true)}>
              {selected.length ? t('分派所选 {n} 户', { n: selected.length }) : t('分派')}
            </Button>
          )}
        </Flex>
        {error && <ErrorAlert error={error} onRetry={reload} />}
        <Table<CampaignHousehold> rowKey="householdId" size="middle" loading={loading} dataSource={data?.items ?? []} columns={columns}
          rowSelection={manages ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page.current, pageSize: page.pageSize, total: data?.total ?? 0, showTotal: (n) => t('共 {n} 户', { n }), onChange: (current, pageSize) => setPage({ current, pageSize }) }} />
      </Flex>
      {assigning && (
        <AssignModal campaignId={campaignId} householdIds={selected} onClose={() => setAssigning(false)}
          onDone={() => { setAssigning(false); setSelected([]); void reload(); onChanged(); }} />
      )}
    </Card>
  );
}
