/** A completed comparison: its counts as figures and a bar chart, then its lists by kind. */
import { Card, Col, Row, Statistic, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { EChart, type EChartOption } from '@/components/EChart';
import { useT } from '@/lib/i18n';
import { ITEM_KIND_LABELS, ITEM_KINDS, type ComparisonCounts, type ComparisonRun, type ItemKind } from './comparisons.api';
import { ItemList } from './ItemList';

const COUNT_OF: Record<ItemKind, keyof ComparisonCounts> = { to_add: 'toAdd', to_change: 'toChange', to_stop: 'toStop', unmatched: 'unmatched', conflict: 'conflict' };
const COLORS: Record<ItemKind, string> = { to_add: '#52c41a', to_change: '#fa8c16', to_stop: '#ff4d4f', unmatched: '#8c8c8c', conflict: '#722ed1' };

export function ComparisonResult({ run, onDecided }: { run: ComparisonRun; onDecided: () => void }) {
  const t = useT();
  const counts = run.counts!;
  const firstWithItems = ITEM_KINDS.find((k) => counts[COUNT_OF[k]] > 0) ?? 'to_add';
  const [kind, setKind] = useState<ItemKind>(firstWithItems);
  const option = useMemo<EChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'category', data: ITEM_KINDS.map((k) => t(ITEM_KIND_LABELS[k])) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', barMaxWidth: 40, data: ITEM_KINDS.map((k) => ({ value: counts[COUNT_OF[k]], itemStyle: { color: COLORS[k] } })) }],
  }), [counts, t]);

  return (
    <>
      <Card title={t('比对结果')} className="page-section">
        <Row gutter={[16, 16]} data-testid="comparison-counts">
          <Col xs={12} sm={8} md={6} lg={3}><Statistic title={t('名册行数')} value={counts.rows} /></Col>
          <Col xs={12} sm={8} md={6} lg={3}><Statistic title={t('已匹配')} value={counts.matched} /></Col>
          {ITEM_KINDS.map((k) => (
            <Col key={k} xs={12} sm={8} md={6} lg={3}>
              <Statistic title={t(ITEM_KIND_LABELS[k])} value={counts[COUNT_OF[k]]} styles={{ content: { color: COLORS[k] } }} />
            </Col>
          ))}
          {run.decided && (
            <Col xs={24} md={12} lg={6}>
              <Statistic title={t('已处理 / 待处理')} value={`${run.decided.accepted + run.decided.dismissed} / ${run.decided.pending}`} />
            </Col>
          )}
        </Row>
        <EChart option={option} ariaLabel={t('各名单人数')} style={{ height: 220, marginTop: 16 }} />
      </Card>
      <Card className="page-section">
        <Tabs activeKey={kind} onChange={(key) => setKind(key as ItemKind)} data-testid="comparison-tabs"
          items={ITEM_KINDS.map((k) => ({
            key: k,
            label: `${t(ITEM_KIND_LABELS[k])}（${counts[COUNT_OF[k]]}）`,
            children: k === kind ? <ItemList run={run} kind={k} onDecided={onDecided} /> : null,
          }))} />
      </Card>
    </>
  );
}
