/** A run in figures: lines and amount, corrections, what the bank paid and failed; a bar by policy and a pie by funding source. */
import { Card, Col, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { EChart } from '@/components/EChart';
import { useT } from '@/lib/i18n';
import { formatYuan } from '@/features/policies/money';
import { amountBars, sourcePie } from './charts';
import type { PaymentRun } from './payments.api';

function Figure({ title, value, sub, color, testId }: { title: string; value: string | number; sub?: string; color?: string; testId?: string }) {
  return (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={value} styles={{ content: { color, fontSize: 20 } }} />
        {sub && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{sub}</div>}
      </Card>
    </Col>
  );
}

export function RunFigures({ run }: { run: PaymentRun }) {
  const t = useT();
  const bars = useMemo(() => amountBars(run.byPolicy, t), [run.byPolicy, t]);
  const pie = useMemo(() => sourcePie(run.bySource), [run.bySource]);
  const { corrections: c, settled: s } = run;
  return (
    <>
      <Row gutter={[12, 12]} className="page-section">
        <Figure title={t('笔数')} value={run.lineCount} testId="run-lines" />
        <Figure title={t('金额')} value={formatYuan(run.amountFen)} testId="run-amount" />
        <Figure title={t('补发')} value={c.arrears} sub={formatYuan(c.arrearsFen)} />
        <Figure title={t('追回')} value={c.recovery} sub={formatYuan(c.recoveryFen)} color={c.recovery ? '#cf1322' : undefined} />
        <Figure title={t('已到账')} value={s.paid} sub={formatYuan(s.paidFen)} color={s.paid ? '#389e0d' : undefined} />
        <Figure title={t('失败')} value={s.failed} sub={formatYuan(s.failedFen)} color={s.failed ? '#cf1322' : undefined} />
      </Row>
      {run.lineCount > 0 && (
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('按政策')} className="page-section">
              <EChart option={bars} ariaLabel={t('各政策发放金额')} style={{ height: 280 }} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('按资金来源')} className="page-section">
              <EChart option={pie} ariaLabel={t('各资金来源金额')} style={{ height: 280 }} />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
