/** A finished run per policy: eligible, to add, to stop, amount changed, undecidable, and the total amount — as a table and a bar chart. */
import { Col, Row, Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { EChart, type EChartOption } from '@/components/EChart';
import { useT, type Translate } from '@/lib/i18n';
import { formatYuan } from '../money';
import type { RunPolicyCounts } from '../policies.api';
import { TargetLabel } from '../tags';

function chart(counts: RunPolicyCounts[], t: Translate): EChartOption {
  const series = [
    { key: 'eligible', name: t('符合条件'), color: '#1d5bbf' },
    { key: 'toAdd', name: t('应纳未纳'), color: '#52c41a' },
    { key: 'toStop', name: t('应退未退'), color: '#ff4d4f' },
  ] as const;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 56 },
    xAxis: { type: 'category', data: counts.map((c) => c.name), axisLabel: { interval: 0, rotate: counts.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ name: s.name, type: 'bar', barMaxWidth: 32, itemStyle: { color: s.color }, data: counts.map((c) => c[s.key]) })),
  };
}

function columns(t: Translate): TableColumnsType<RunPolicyCounts> {
  return [
    { title: t('政策'), dataIndex: 'name' },
    { title: t('享受对象'), dataIndex: 'target', render: (v) => <TargetLabel target={v} /> },
    { title: t('符合条件'), dataIndex: 'eligible', align: 'right' },
    { title: t('应纳未纳'), dataIndex: 'toAdd', align: 'right' },
    { title: t('应退未退'), dataIndex: 'toStop', align: 'right' },
    { title: t('金额变化'), dataIndex: 'amountChanged', align: 'right' },
    { title: t('无法判定'), dataIndex: 'errors', align: 'right' },
    { title: t('每期金额合计'), dataIndex: 'amountFen', align: 'right', render: formatYuan },
  ];
}

export function RunCounts({ counts }: { counts: RunPolicyCounts[] }) {
  const t = useT();
  const option = useMemo(() => chart(counts, t), [counts, t]);
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Table<RunPolicyCounts> rowKey="code" columns={columns(t)} dataSource={counts} pagination={false} size="small" scroll={{ x: 'max-content' }} data-testid="run-counts" />
      </Col>
      <Col span={24}>
        <EChart option={option} ariaLabel={t('各政策符合条件、应纳未纳、应退未退人数')} style={{ height: 300 }} />
      </Col>
    </Row>
  );
}
