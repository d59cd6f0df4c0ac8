/**
 * The household page's 帮扶计划 tab: the year's plan as a board — measures in columns by
 * status (待办, 办理中, 受阻, 已完成), each card showing who carries it and by when — with
 * the plan's goal, lead caseworker and counts; earlier years one click away.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Form, Input, Row, Segmented, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/components/ErrorAlert';
import { FormModal } from '@/components/FormModal';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { MeasureCard } from './MeasureCard';
import { MeasureDrawer } from './MeasureDrawer';
import { MeasureModal } from './MeasureModal';
import { listPlans, MEASURE_STATUSES, savePlan, type MeasureStatus, type Plan } from './plans.api';

const COLUMNS: MeasureStatus[] = ['planned', 'in_progress', 'blocked', 'done'];

function PlanBoard({ plan, onOpen }: { plan: Plan; onOpen: (id: number) => void }) {
  const t = useT();
  const cancelled = plan.measures.filter((m) => m.status === 'cancelled');
  return (
    <>
      <Row gutter={[12, 12]} data-testid="plan-board">
        {COLUMNS.map((status) => {
          const measures = plan.measures.filter((m) => m.status === status);
          return (
            <Col key={status} xs={24} sm={12} xl={6}>
              <Card size="small" title={`${t(MEASURE_STATUSES[status])}（${measures.length}）`} data-testid={`plan-column-${status}`} styles={{ body: { padding: 8 } }}>
                <Flex vertical gap={8}>
                  {measures.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : measures.map((m) => <MeasureCard key={m.id} measure={m} onOpen={onOpen} />)}
                </Flex>
              </Card>
            </Col>
          );
        })}
      </Row>
      {cancelled.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('已取消')}：{cancelled.map((m) => <a key={m.id} onClick={() => onOpen(m.id)} style={{ marginRight: 8 }}>{m.title}</a>)}
        </Typography.Paragraph>
      )}
    </>
  );
}

export function PlanTab({ householdId, members }: { householdId: number; members: Array<{ id: number; name: string }> }) {
  const t = useT();
  const { can } = useAuth();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [dialog, setDialog] = useState<'plan' | 'measure' | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const { data, error, loading, reload } = useRequest((signal) => listPlans(householdId, signal), [householdId]);
  const plan = data?.find((p) => p.year === year) ?? null;
  const years = [...new Set([thisYear, ...(data ?? []).map((p) => p.year)])].sort((a, b) => b - a);
  const writable = can('plan:write');

  return (
    <Flex vertical gap={16} data-testid="household-plan">
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {years.length > 1 && <Segmented value={year} onChange={(v) => setYear(Number(v))} options={years.map((y) => ({ value: y, label: `${y}` }))} />}
      <Card loading={loading && !data} title={t('{year} 年度帮扶计划', { year })}
        extra={writable && (
          <Flex gap={8}>
            <Button onClick={() => setDialog('plan')}>{plan ? t('修改目标') : t('制定计划')}</Button>
            {plan && plan.status === 'open' && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('measure')}>{t('添加措施')}</Button>}
          </Flex>
        )}>
        {!plan ? <Empty description={t('{year} 年度尚未制定帮扶计划', { year })} /> : (
          <Flex vertical gap={16}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Typography.Paragraph><Typography.Text type="secondary">{t('帮扶目标')}：</Typography.Text>{plan.goal ?? '—'}</Typography.Paragraph>
                <Typography.Paragraph><Typography.Text type="secondary">{t('责任单位')}：</Typography.Text>{plan.ownerOrgName}
                  <Typography.Text type="secondary"> · {t('责任帮扶干部')}：</Typography.Text>{plan.leadUserName ?? '—'}</Typography.Paragraph>
              </Col>
              <Col xs={8} md={4}><Statistic title={t('措施')} value={plan.counts.total} /></Col>
              <Col xs={8} md={4}><Statistic title={t('已完成')} value={plan.counts.done} /></Col>
              <Col xs={8} md={4}><Statistic title={t('逾期')} value={plan.counts.overdue} styles={{ content: { color: plan.counts.overdue ? '#cf1322' : undefined } }} /></Col>
            </Row>
            <PlanBoard plan={plan} onOpen={setOpen} />
          </Flex>
        )}
      </Card>
      {dialog === 'plan' && (
        <FormModal<{ goal?: string }> title={plan ? t('修改帮扶目标') : t('制定 {year} 年度帮扶计划', { year })} okText={t('保存')} onClose={() => setDialog(null)}
          initialValues={{ goal: plan?.goal ?? undefined }}
          onSubmit={async (v) => { await savePlan(householdId, year, { goal: v.goal?.trim() || null, leadUserId: plan?.leadUserId ?? null }); setDialog(null); void reload(); }}>
          <Form.Item name="goal" label={t('帮扶目标')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </FormModal>
      )}
      {dialog === 'measure' && plan && (
        <MeasureModal planId={plan.id} ownerOrgId={plan.ownerOrgId} members={members} onClose={() => setDialog(null)} onSaved={() => { setDialog(null); void reload(); }} />
      )}
      {open !== null && <MeasureDrawer measureId={open} ownerOrgId={plan?.ownerOrgId} onClose={() => setOpen(null)} onChanged={() => void reload()} />}
    </Flex>
  );
}
