/** The draft against the version in force: people who qualify, cost per month and per year, and who is gained or lost. */
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { SimulationSummary } from '@contracts/policies';
import { useT } from '@/lib/i18n';
import { formatYuan } from '../money';

function Delta({ current, draft, money }: { current: number; draft: number; money?: boolean }) {
  const diff = draft - current;
  if (diff === 0) return <Typography.Text type="secondary">±0</Typography.Text>;
  const text = money ? formatYuan(Math.abs(diff)) : Math.abs(diff);
  return (
    <Typography.Text type={diff > 0 ? 'danger' : 'success'}>
      {diff > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {text}
    </Typography.Text>
  );
}

function Compare({ title, current, draft, money, testId }: { title: string; current: number; draft: number; money?: boolean; testId: string }) {
  const t = useT();
  const shown = (n: number) => (money ? formatYuan(n) : n);
  return (
    <Card size="small" data-testid={testId}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <Row gutter={8} style={{ marginTop: 8 }}>
        <Col span={12}><Statistic title={t('现行')} value={shown(current)} /></Col>
        <Col span={12}><Statistic title={t('草稿')} value={shown(draft)} /></Col>
      </Row>
      <Delta current={current} draft={draft} money={money} />
    </Card>
  );
}

export function SimulationFigures({ summary }: { summary: SimulationSummary }) {
  const t = useT();
  const { current, draft } = summary;
  return (
    <Row gutter={[16, 16]} className="page-section">
      <Col xs={24} md={12} xl={6}><Compare title={t('受益人数')} current={current.eligible} draft={draft.eligible} testId="sim-eligible" /></Col>
      <Col xs={24} md={12} xl={6}><Compare title={t('月度资金')} current={current.monthlyFen} draft={draft.monthlyFen} money testId="sim-monthly" /></Col>
      <Col xs={24} md={12} xl={6}><Compare title={t('年度资金')} current={current.yearlyFen} draft={draft.yearlyFen} money testId="sim-yearly" /></Col>
      <Col xs={24} md={12} xl={6}>
        <Card size="small" data-testid="sim-changes">
          <Typography.Text type="secondary">{t('人员变化')}</Typography.Text>
          <Row gutter={8} style={{ marginTop: 8 }}>
            <Col span={12}><Statistic title={t('新增受益')} value={summary.gained} styles={{ content: { color: '#389e0d' } }} /></Col>
            <Col span={12}><Statistic title={t('不再受益')} value={summary.lost} styles={{ content: { color: '#cf1322' } }} /></Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
