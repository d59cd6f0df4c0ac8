/**
 * 诉求分析: the appeals of a period (last 30 days by default) within the reader's data scope —
 * counts, by category, by area one level down, by day, the on-time rate and the satisfaction
 * calls — and the oldest appeals still open, each linking to its page. The filters live in the
 * address, so a view can be bookmarked and shared.
 */
import { Card, Col, DatePicker, Flex, Row, Select, Skeleton, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { APPEAL_STATUSES } from '@contracts/appeals';
import { EChart } from '@/components/EChart';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { dayjs, formatDateTime } from '@/lib/dayjs';
import { useT, type Translate } from '@/lib/i18n';
import { useQueryParams } from '@/lib/useQueryParams';
import { useRequest } from '@/lib/useRequest';
import { loadAppealCategories, loadAppealDashboard, type AppealDashboard, type AppealDashboardOpenItem } from './appeal-dashboard.api';
import { countBars, dayLine, onTimeGauge, satisfactionPie } from './charts';
import './i18n-en';

const DAY = 'YYYY-MM-DD';
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function oldestColumns(t: Translate): TableColumnsType<AppealDashboardOpenItem> {
  return [
    { title: t('诉求编号'), dataIndex: 'number', render: (number: string, a) => <Link to={`/appeals/${a.id}`}>{number}</Link> },
    { title: t('类别'), dataIndex: 'categoryName', render: (name: string) => t(name) },
    { title: t('承办单位'), dataIndex: 'unitName', render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('待派单')}</Typography.Text> },
    { title: t('状态'), dataIndex: 'status', render: (s: AppealDashboardOpenItem['status']) => <Tag>{t(APPEAL_STATUSES[s])}</Tag> },
    { title: t('受理时间'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: t('办理时限'),
      dataIndex: 'dueAt',
      render: (due: string | null, a) => (
        <Flex gap={8} align="center" wrap>
          {due ? formatDateTime(due) : '—'}
          {a.overdue && <Tag color="red">{t('超期')}</Tag>}
        </Flex>
      ),
    },
  ];
}

function Figures({ data }: { data: AppealDashboard }) {
  const t = useT();
  const cards: Array<{ key: string; title: string; value: string | number; hint?: string; danger?: boolean }> = [
    { key: 'received', title: t('受理量'), value: data.totals.received },
    { key: 'open', title: t('在办'), value: data.totals.open },
    { key: 'overdue', title: t('超期'), value: data.totals.overdue, danger: data.totals.overdue > 0 },
    { key: 'closed', title: t('已办结'), value: data.totals.closed, hint: t('另有 {n} 件待回访', { n: data.totals.replied }) },
    { key: 'onTime', title: t('按时答复率'), value: percent(data.onTime.rate), hint: t('{n} 件答复中 {late} 件超时', { n: data.onTime.replied, late: data.onTime.late }) },
    { key: 'satisfaction', title: t('满意率'), value: percent(data.satisfaction.rate), hint: t('未接通 {n} 件不计入', { n: data.satisfaction.unreachable }) },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="appeal-figures">
      {cards.map((c) => (
        <Col xs={12} md={8} xl={4} key={c.key}>
          <Card data-testid={`figure-${c.key}`}>
            <Statistic title={c.title} value={c.value} styles={c.danger ? { content: { color: '#cf1322' } } : undefined} />
            {c.hint && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.hint}</Typography.Text>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Charts({ data }: { data: AppealDashboard }) {
  const t = useT();
  const options = useMemo(() => {
    const regions = data.regionUnplaced > 0 ? [...data.byRegion, { code: data.region?.code ?? '', name: t('{name}本级', { name: data.region?.name ?? '' }), count: data.regionUnplaced }] : data.byRegion;
    return {
      category: countBars(data.byCategory, t('受理量'), t),
      region: countBars(regions, t('受理量'), t),
      day: dayLine(data, t),
      satisfaction: satisfactionPie(data, t),
      onTime: onTimeGauge(data, t),
    };
  }, [data, t]);
  const byRegionTitle = data.region ? t('{name}各区域', { name: data.region.name }) : t('各区域');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('按类别')}><EChart option={options.category} ariaLabel={t('按类别')} /></Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={byRegionTitle}><EChart option={options.region} ariaLabel={t('按区域')} /></Card>
      </Col>
      <Col xs={24}>
        <Card title={t('每日受理量')}><EChart option={options.day} ariaLabel={t('每日受理量')} style={{ height: 280 }} /></Card>
      </Col>
      <Col xs={24} md={12}>
        <Card title={t('满意度回访')}><EChart option={options.satisfaction} ariaLabel={t('满意度回访')} style={{ height: 280 }} /></Card>
      </Col>
      <Col xs={24} md={12}>
        <Card title={t('按时答复率')}><EChart option={options.onTime} ariaLabel={t('按时答复率')} style={{ height: 280 }} /></Card>
      </Col>
    </Row>
  );
}

export function AppealDashboardPage() {
  const t = useT();
  const [params, setParam] = useQueryParams();
  const to = params.get('to') ?? dayjs().format(DAY);
  const from = params.get('from') ?? dayjs(to).subtract(29, 'day').format(DAY);
  const regionCode = params.get('regionCode') ?? undefined;
  const categoryCode = params.get('categoryCode') ?? undefined;
  const { data, loading, error, reload } = useRequest((signal) => loadAppealDashboard({ from, to, regionCode, categoryCode }, signal), [from, to, regionCode, categoryCode]);
  const categories = useRequest((signal) => loadAppealCategories(signal), []);

  return (
    <>
      <PageHeader
        title={t('诉求分析')}
        subtitle={<>
          {t('期间内受理的诉求（北京时间，含首尾两天），仅统计您数据范围内的诉求。')}
          {data && <Typography.Text type="secondary" data-testid="dashboard-as-of"> {t('数据更新于 {time}', { time: formatDateTime(data.asOf) })}</Typography.Text>}
        </>}
        extra={
          <>
            <DatePicker.RangePicker
              allowClear={false}
              value={[dayjs(from), dayjs(to)]}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              onChange={(range) => {
                if (!range?.[0] || !range[1]) return;
                setParam('from', range[0].format(DAY));
                setParam('to', range[1].format(DAY));
              }}
              aria-label={t('统计期间')}
              data-testid="dashboard-period"
            />
            <RegionTreeSelect value={regionCode} onChange={(code) => setParam('regionCode', code)} placeholder={t('全部区域')} style={{ width: 220 }} />
            <Select
              allowClear
              value={categoryCode}
              onChange={(code?: string) => setParam('categoryCode', code)}
              placeholder={t('全部类别')}
              style={{ width: 160 }}
              options={(categories.data ?? []).map((c) => ({ value: c.code, label: t(c.name) }))}
              aria-label={t('诉求类别')}
            />
          </>
        }
      />
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {!data ? (
        loading && <Skeleton active />
      ) : (
        <Flex vertical gap={16} style={{ opacity: loading ? 0.6 : 1 }}>
          <Figures data={data} />
          <Charts data={data} />
          <Card
            title={t('最久未办结的诉求')}
            extra={<Typography.Text type="secondary">{t('在办 {open} 件，其中超期 {overdue} 件（不限期间）', { open: data.backlog.open, overdue: data.backlog.overdue })}</Typography.Text>}
          >
            <Table<AppealDashboardOpenItem>
              rowKey="id"
              columns={oldestColumns(t)}
              dataSource={data.oldestOpen}
              pagination={false}
              size="small"
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('没有在办的诉求') }}
              data-testid="oldest-open"
            />
          </Card>
        </Flex>
      )}
    </>
  );
}
