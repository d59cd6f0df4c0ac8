/**
 * 诉求列表 (/appeals): the appeals in the user's scope — by status (or all still open), category,
 * overdue only, or a number / words of the description or address; the due time in red once
 * overdue, else the time left. Cards on a phone.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Pagination, Select, Switch, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useCan } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useIsNarrow } from '@/lib/useMedia';
import { usePagedRequest } from '@/lib/usePagedRequest';
import { useQueryParams } from '@/lib/useQueryParams';
import { useRequest } from '@/lib/useRequest';
import { AppealStatusTag, DueTime } from './appeal-tags';
import { AppealCard } from './AppealCard';
import { APPEAL_STATUSES, listAppeals, listCategories, type Appeal, type AppealQuery } from './appeals.api';

export function AppealsPage() {
  const t = useT();
  const can = useCan();
  const narrow = useIsNarrow();
  const navigate = useNavigate();
  const [params, set] = useQueryParams();
  const filter: AppealQuery = {
    status: (params.get('status') ?? undefined) as AppealQuery['status'],
    categoryCode: params.get('category') ?? undefined,
    overdue: params.get('overdue') === '1' || undefined,
    q: params.get('q') ?? undefined,
  };
  const { data: categories } = useRequest((signal) => listCategories(signal), []);
  const { data, error, loading, reload, page, setPage } = usePagedRequest(filter, (p, signal) => listAppeals({ ...filter, page: p.current, pageSize: p.pageSize }, signal), []);

  const columns = [
    { key: 'number', title: t('编号'), render: (a: Appeal) => <Link to={`/appeals/${a.id}`} className="mono">{a.number}</Link> },
    {
      key: 'what', title: t('诉求'), render: (a: Appeal) => (
        <Flex vertical style={{ maxWidth: 360 }}>
          <Typography.Text type="secondary">{a.categoryName}</Typography.Text>
          <Typography.Text ellipsis={{ tooltip: a.description }}>{a.description}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'region', title: t('区划'), render: (a: Appeal) => a.regionName ?? a.regionCode },
    { key: 'org', title: t('承办单位'), render: (a: Appeal) => a.responsibleOrgName ?? <Typography.Text type="secondary">{t('待派单')}</Typography.Text> },
    { key: 'status', title: t('状态'), render: (a: Appeal) => <AppealStatusTag status={a.status} /> },
    { key: 'due', title: t('答复期限'), render: (a: Appeal) => <DueTime appeal={a} compact /> },
  ];
  const pagination = { current: page.current, pageSize: page.pageSize, total: data?.total ?? 0, showTotal: (n: number) => t('共 {n} 件', { n }), onChange: (current: number, pageSize: number) => setPage({ current, pageSize }) };

  return (
    <>
      <PageHeader
        title={t('诉求列表')}
        subtitle={t('数据范围内的全部诉求；超时的期限标红，未超时的显示剩余时间。')}
        extra={can('appeal:intake') && <Link to="/appeals/new"><Button type="primary" icon={<PlusOutlined />}>{t('诉求受理')}</Button></Link>}
      />
      <Card className="page-section">
        <Flex vertical gap={12}>
          <Flex wrap gap={12} className="list-filters" align="center">
            <Input.Search allowClear placeholder={t('编号、诉求内容或地址')} defaultValue={filter.q} onSearch={(v) => set('q', v.trim() || undefined)} aria-label={t('搜索')} />
            <Select allowClear placeholder={t('状态')} aria-label={t('状态')} value={filter.status} onChange={(v?: string) => set('status', v)}
              options={[{ value: 'open', label: t('办理中（全部未办结）') }, ...Object.entries(APPEAL_STATUSES).map(([value, label]) => ({ value, label: t(label) }))]} />
            <Select allowClear placeholder={t('诉求类别')} aria-label={t('诉求类别')} value={filter.categoryCode} onChange={(v?: string) => set('category', v)}
              showSearch={{ optionFilterProp: 'label' }} options={(categories ?? []).map((c) => ({ value: c.code, label: c.name }))} />
            <label><Switch checked={filter.overdue ?? false} onChange={(on) => set('overdue', on ? '1' : undefined)} aria-label={t('只看超时')} /> {t('只看超时')}</label>
          </Flex>
          {error && <ErrorAlert error={error} onRetry={reload} />}
          {narrow ? (
            <Flex vertical gap={8} className="card-list" data-testid="appeals-cards">
              {(data?.items ?? []).map((a) => <AppealCard key={a.id} appeal={a} onOpen={() => navigate(`/appeals/${a.id}`)} />)}
              {(data?.total ?? 0) > page.pageSize && <Pagination simple {...pagination} />}
            </Flex>
          ) : (
            <Table<Appeal> rowKey="id" size="middle" loading={loading} dataSource={data?.items ?? []} columns={columns} data-testid="appeals-table"
              pagination={pagination} />
          )}
        </Flex>
      </Card>
    </>
  );
}
