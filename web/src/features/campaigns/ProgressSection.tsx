/**
 * 摸排进度: coverage by child area of the area shown — districts of a city, streets of a
 * district, communities of a street, grids of a community — as a stacked bar per area and as a
 * table whose area names open the next level down; and the same counts per grid worker.
 */
import { Breadcrumb, Card, Col, Empty, Flex, Row, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { EChart, type EChartOption } from '@/components/EChart';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useT, type Translate } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { CENSUS_STATUSES, getProgress, type CampaignProgress, type ProgressRow, type StatusCounts, type WorkerProgressRow } from './campaigns.api';
import { covered, STATUS_COLORS, STATUS_ORDER } from './tags';

function chartOption(progress: CampaignProgress, t: Translate): EChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: progress.areas.map((a) => a.name), axisLabel: { interval: 0, rotate: progress.areas.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, name: t('户') },
    series: STATUS_ORDER.map((status) => ({
      name: t(CENSUS_STATUSES[status]),
      type: 'bar',
      stack: 'coverage',
      barMaxWidth: 56,
      itemStyle: { color: STATUS_COLORS[status] },
      data: progress.areas.map((a) => a.counts[status]),
    })),
  };
}

const percent = (counts: StatusCounts) => (counts.total ? `${Math.round((covered(counts) / counts.total) * 100)}%` : '—');

function countColumns<T extends { counts: StatusCounts }>(t: Translate) {
  return [
    { key: 'total', title: t('户数'), align: 'right' as const, render: (r: T) => r.counts.total },
    ...STATUS_ORDER.map((status) => ({ key: status, title: t(CENSUS_STATUSES[status]), align: 'right' as const, render: (r: T) => r.counts[status] })),
    { key: 'coverage', title: t('走访覆盖率'), align: 'right' as const, render: (r: T) => percent(r.counts) },
  ];
}

export function ProgressSection({ campaignId, area, onArea, version }: { campaignId: number; area: string | undefined; onArea: (code: string | undefined) => void; version: number }) {
  const t = useT();
  const { data, error, loading, reload } = useRequest((signal) => getProgress(campaignId, area, signal), [campaignId, area, version]);
  const option = useMemo(() => (data ? chartOption(data, t) : null), [data, t]);
  const atTop = !data || data.path.length <= 1;

  const areaColumns = [
    {
      key: 'name', title: t('区域'),
      render: (r: ProgressRow) => (r.code ? <a onClick={() => onArea(r.code!)}>{r.name}</a> : <Typography.Text type="secondary">{r.name}</Typography.Text>),
    },
    ...countColumns<ProgressRow>(t),
  ];
  const workerColumns = [
    { key: 'name', title: t('网格员'), render: (r: WorkerProgressRow) => (r.userId ? r.name : <Typography.Text type="warning">{t(r.name)}</Typography.Text>) },
    ...countColumns<WorkerProgressRow>(t),
  ];

  return (
    <Card title={t('摸排进度')} className="page-section" data-testid="campaign-progress"
      extra={data && (
        <Breadcrumb items={data.path.map((r, i) => ({
          key: r.code,
          title: i === data.path.length - 1 ? r.name : <a onClick={() => onArea(i === 0 ? undefined : r.code)}>{r.name}</a>,
        }))} />
      )}>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {data && data.totals.total === 0 && <Empty description={t('该区域没有您数据范围内的摸排家庭')} />}
      {data && data.totals.total > 0 && option && (
        <Flex vertical gap={16}>
          <EChart option={option} ariaLabel={t('按区域的走访进度')} style={{ height: 300 }} />
          <Table<ProgressRow> rowKey={(r) => r.code ?? 'self'} size="small" loading={loading} pagination={false} dataSource={data.areas} columns={areaColumns}
            data-testid="progress-areas"
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}><strong>{atTop ? t('合计') : t('{name}合计', { name: data.area.name })}</strong></Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right"><strong>{data.totals.total}</strong></Table.Summary.Cell>
                {STATUS_ORDER.map((status, i) => <Table.Summary.Cell key={status} index={2 + i} align="right"><strong>{data.totals[status]}</strong></Table.Summary.Cell>)}
                <Table.Summary.Cell index={7} align="right"><strong>{percent(data.totals)}</strong></Table.Summary.Cell>
              </Table.Summary.Row>
            )} />
          <Row>
            <Col span={24}>
              <Typography.Title level={5}>{t('按网格员')}</Typography.Title>
              <Table<WorkerProgressRow> rowKey={(r) => r.userId ?? 0} size="small" pagination={false} dataSource={data.workers} columns={workerColumns} data-testid="progress-workers" />
            </Col>
          </Row>
        </Flex>
      )}
    </Card>
  );
}
