/** Where the draft changes things: current vs draft by county (yearly cost or people), and the cost by funding source. */
import { Card, Col, Row, Segmented, Table } from 'antd';
import { useMemo, useState } from 'react';
import type { SimulationSummary } from '@contracts/policies';
import { EChart, type EChartOption } from '@/components/EChart';
import { useT, type Translate } from '@/lib/i18n';
import { fenToYuan, formatYuan } from '../money';

type Measure = 'yearly' | 'eligible';

function regionChart(summary: SimulationSummary, measure: Measure, t: Translate): EChartOption {
  const rows = summary.byRegion;
  const pick = (r: SimulationSummary['byRegion'][number], which: 'current' | 'draft') =>
    measure === 'eligible' ? r[`${which}Eligible`] : fenToYuan(r[`${which}YearlyFen`]);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 64, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: rows.map((r) => r.regionName ?? r.regionCode), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: measure === 'eligible' ? t('人') : t('元'), minInterval: measure === 'eligible' ? 1 : undefined },
    series: [
      { name: t('现行'), type: 'bar', barMaxWidth: 32, itemStyle: { color: '#8c8c8c' }, data: rows.map((r) => pick(r, 'current')) },
      { name: t('草稿'), type: 'bar', barMaxWidth: 32, itemStyle: { color: '#1d5bbf' }, data: rows.map((r) => pick(r, 'draft')) },
    ],
  };
}

function fundingChart(summary: SimulationSummary, t: Translate): EChartOption {
  return {
    tooltip: { trigger: 'item', valueFormatter: (v: number) => `¥${v.toFixed(2)}` },
    legend: { bottom: 0 },
    series: [{
      name: t('草稿年度资金'),
      type: 'pie',
      radius: ['35%', '65%'],
      data: summary.byFunding.filter((f) => f.draftYearlyFen > 0).map((f) => ({ name: f.source, value: fenToYuan(f.draftYearlyFen) })),
    }],
  };
}

export function SimulationCharts({ summary }: { summary: SimulationSummary }) {
  const t = useT();
  const [measure, setMeasure] = useState<Measure>('yearly');
  const byRegion = useMemo(() => regionChart(summary, measure, t), [summary, measure, t]);
  const byFunding = useMemo(() => fundingChart(summary, t), [summary, t]);
  return (
    <Row gutter={[16, 16]} className="page-section">
      <Col xs={24} xl={14}>
        <Card title={t('分区县对比')} extra={
          <Segmented<Measure> size="small" value={measure} onChange={setMeasure}
            options={[{ value: 'yearly', label: t('年度资金') }, { value: 'eligible', label: t('受益人数') }]} />
        }>
          <EChart option={byRegion} ariaLabel={t('分区县对比')} style={{ height: 300 }} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('按资金来源')}>
          <EChart option={byFunding} ariaLabel={t('按资金来源')} style={{ height: 200 }} />
          <Table
            rowKey="source"
            size="small"
            pagination={false}
            dataSource={summary.byFunding}
            data-testid="sim-funding"
            columns={[
              { title: t('资金来源'), dataIndex: 'source' },
              { title: t('现行（年）'), dataIndex: 'currentYearlyFen', align: 'right', render: formatYuan },
              { title: t('草稿（年）'), dataIndex: 'draftYearlyFen', align: 'right', render: formatYuan },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
