/**
 * 措施清单 (/measures): every measure of every plan in the user's scope — filter by responsible
 * unit, status, type, overdue, or a name — overdue ones first; a row opens the measure. Cards
 * on a phone.
 */
import { Card, Flex, Input, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { OrganisationTreeSelect } from '@/components/OrganisationTreeSelect';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';
import { useIsNarrow } from '@/lib/useMedia';
import { usePagedRequest } from '@/lib/usePagedRequest';
import { useQueryParams } from '@/lib/useQueryParams';
import { Deadline, MeasureStatusTag, MeasureTypeTag, ReferralTag } from './measure-tags';
import { MeasureCard } from './MeasureCard';
import { MeasureDrawer } from './MeasureDrawer';
import { listMeasures, MEASURE_STATUSES, MEASURE_TYPES, type MeasureListItem, type MeasureQuery } from './plans.api';

export function MeasuresPage() {
  const t = useT();
  const narrow = useIsNarrow();
  const [params, set] = useQueryParams();
  const [openId, setOpenId] = useState<number | null>(null);
  const filter: MeasureQuery = {
    responsibleOrgId: params.get('org') ? Number(params.get('org')) : undefined,
    status: (params.get('status') ?? undefined) as MeasureQuery['status'],
    type: (params.get('type') ?? undefined) as MeasureQuery['type'],
    overdue: params.get('overdue') === '1' || undefined,
    q: params.get('q') ?? undefined,
  };
  const { data, error, loading, reload, page, setPage } = usePagedRequest(filter, (p, signal) => listMeasures({ ...filter, page: p.current, pageSize: p.pageSize }, signal), []);

  const columns = [
    { key: 'head', title: t('家庭'), render: (m: MeasureListItem) => <Link to={`/households/${m.householdId}?tab=plan`}>{t('{name} 户', { name: m.headName })}</Link> },
    { key: 'title', title: t('措施'), render: (m: MeasureListItem) => <Flex vertical><a onClick={() => setOpenId(m.id)}>{m.title}</a><span><MeasureTypeTag type={m.type} /></span></Flex> },
    { key: 'person', title: t('对象'), render: (m: MeasureListItem) => m.personName ?? t('全户') },
    { key: 'org', title: t('责任单位'), render: (m: MeasureListItem) => m.responsibleOrgName },
    { key: 'deadline', title: t('完成期限'), render: (m: MeasureListItem) => <Deadline deadline={m.deadline} overdue={m.overdue} /> },
    { key: 'status', title: t('状态'), render: (m: MeasureListItem) => <><MeasureStatusTag status={m.status} /><ReferralTag referral={m.referral} /></> },
    { key: 'owner', title: t('计划单位'), render: (m: MeasureListItem) => <Typography.Text type="secondary">{m.ownerOrgName} · {m.planYear}</Typography.Text> },
  ];

  return (
    <>
      <PageHeader title={t('措施清单')} subtitle={t('各家庭帮扶计划中的全部措施，逾期的排在前面；按责任单位、状态、类型筛选。')} />
      <Card className="page-section">
        <Flex vertical gap={12}>
          <Flex wrap gap={12} className="list-filters">
            <Input.Search allowClear placeholder={t('户主、对象或措施')} defaultValue={filter.q} onSearch={(v) => set('q', v.trim() || undefined)} style={{ maxWidth: 240 }} />
            <OrganisationTreeSelect value={filter.responsibleOrgId} onChange={(id) => set('org', id ? String(id) : undefined)} placeholder={t('责任单位')} style={{ width: 220 }} />
            <Select allowClear placeholder={t('状态')} aria-label={t('状态')} value={filter.status} onChange={(v?: string) => set('status', v)} style={{ width: 140 }}
              options={[{ value: 'open', label: t('未办结') }, ...Object.entries(MEASURE_STATUSES).map(([value, label]) => ({ value, label: t(label) }))]} />
            <Select allowClear placeholder={t('措施类型')} aria-label={t('措施类型')} value={filter.type} onChange={(v?: string) => set('type', v)} style={{ width: 180 }}
              options={Object.entries(MEASURE_TYPES).map(([value, m]) => ({ value, label: t(m.label) }))} />
            <label><Switch checked={filter.overdue ?? false} onChange={(on) => set('overdue', on ? '1' : undefined)} aria-label={t('只看逾期')} /> {t('只看逾期')}</label>
          </Flex>
          {error && <ErrorAlert error={error} onRetry={reload} />}
          {narrow ? (
            <Flex vertical gap={8}>{(data?.items ?? []).map((m) => <MeasureCard key={m.id} measure={m} onOpen={setOpenId} />)}</Flex>
          ) : (
            <Table<MeasureListItem> rowKey="id" size="middle" loading={loading} dataSource={data?.items ?? []} columns={columns} data-testid="measures-table"
              pagination={{ current: page.current, pageSize: page.pageSize, total: data?.total ?? 0, showTotal: (n) => t('共 {n} 项', { n }), onChange: (current, pageSize) => setPage({ current, pageSize }) }} />
          )}
        </Flex>
      </Card>
      {openId !== null && <MeasureDrawer measureId={openId} onClose={() => setOpenId(null)} onChanged={() => void reload()} />}
    </>
  );
}
