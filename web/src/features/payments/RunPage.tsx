/**
 * One payment run (/payments/:id): its figures and charts, budget warnings, the lines (all,
 * corrections to review, failed) and the actions its status allows.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Select, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PAYMENT_LINE_KIND_LABELS, PAYMENT_LINE_STATUS_LABELS, type PaymentLineKind, type PaymentLineStatus } from '@contracts/benefits';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { formatYuan } from '@/features/policies/money';
import { BudgetWarnings } from './ApproveModal';
import { CorrectionsTab } from './CorrectionsTab';
import { LinesTable } from './LinesTable';
import { getRun, type LineFilter, type PaymentRun } from './payments.api';
import { RunActions } from './RunActions';
import { RunFigures } from './RunFigures';
import { periodLabel, RunStatusTag } from './tags';

function AllLines({ run, version }: { run: PaymentRun; version: number }) {
  const t = useT();
  const [filter, setFilter] = useState<LineFilter>({});
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} className="list-filters">
        {run.byPolicy.length > 1 && (
          <Select allowClear placeholder={t('政策')} aria-label={t('政策')} value={filter.policyCode} onChange={(v?: string) => setFilter((f) => ({ ...f, policyCode: v }))}
            options={run.byPolicy.map((p) => ({ value: p.code, label: p.name }))} />
        )}
        <Select allowClear placeholder={t('类型')} aria-label={t('类型')} value={filter.kind} onChange={(v?: PaymentLineKind) => setFilter((f) => ({ ...f, kind: v }))}
          options={Object.entries(PAYMENT_LINE_KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
        <Select allowClear placeholder={t('状态')} aria-label={t('状态')} value={filter.status} onChange={(v?: PaymentLineStatus) => setFilter((f) => ({ ...f, status: v }))}
          options={Object.entries(PAYMENT_LINE_STATUS_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
      </Flex>
      <LinesTable runId={run.id} filter={filter} version={version} testId="run-lines-table" />
    </Flex>
  );
}

export function RunPage() {
  const id = Number(useParams().id);
  // A new run (a reissue opened from this page) starts afresh: first tab, no filters.
  return <RunView key={id} id={id} />;
}

function RunView({ id }: { id: number }) {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [version, setVersion] = useState(0);
  const { data: fetched, error, reload } = useRequest((signal) => getRun(id, signal), [id]);
  const [updated, setUpdated] = useState<PaymentRun | null>(null);
  const run = updated ?? fetched;

  const changed = (next?: PaymentRun) => {
    setVersion((v) => v + 1);
    if (next) setUpdated(next);
    else void reload().then(() => setUpdated(null));
  };

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!run) return <Skeleton active paragraph={{ rows: 10 }} />;
  const corrections = run.corrections.arrears + run.corrections.recovery;

  return (
    <>
      <PageHeader
        title={<Flex align="center" gap={8} wrap>{t('发放批次 第 {id} 号', { id: run.id })} · {periodLabel(run.period, t)}<RunStatusTag status={run.status} /></Flex>}
        subtitle={run.policyCodes.length ? run.byPolicy.map((p) => p.name).join('、') : t('全部政策')}
        extra={<Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/payments')}>{t('返回')}</Button>}
      />
      {params.get('existing') && <Alert type="info" showIcon closable className="page-section" title={t('该期间的发放批次此前已生成，以下为已有批次，未重复生成。')} />}
      <Card className="page-section">
        <Flex vertical gap={12}>
          <RunActions run={run} onChanged={changed} />
          <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
            { key: 'by', label: t('生成人'), children: `${run.createdByName ?? '—'} · ${formatDateTime(run.createdAt)}` },
            { key: 'approved', label: t('审核人'), children: run.approvedByName ? `${run.approvedByName} · ${formatDateTime(run.approvedAt)}` : '—' },
            { key: 'released', label: t('发送时间'), children: run.releasedAt ? formatDateTime(run.releasedAt) : '—' },
            ...(run.declaredLines !== null ? [{ key: 'declared', label: t('批次声明'), children: t('{n} 笔，{amount}', { n: run.declaredLines, amount: formatYuan(run.declaredFen) }) }] : []),
            ...(run.reconciledAt ? [{ key: 'reconciled', label: t('对账完成'), children: formatDateTime(run.reconciledAt) }] : []),
            ...(run.note ? [{ key: 'note', label: t('备注'), children: run.note }] : []),
          ]} />
        </Flex>
      </Card>
      {run.status === 'rejected' && <Alert type="error" showIcon className="page-section" title={t('已驳回：{reason}', { reason: run.rejectedReason ?? '' })} />}
      {run.warnings.length > 0 && run.status === 'draft' && (
        <Alert type="warning" showIcon className="page-section" title={t('本批次将超出预算，审核时须确认')} description={<BudgetWarnings warnings={run.warnings} />} data-testid="budget-warning" />
      )}
      {run.missingAccounts > 0 && (run.status === 'draft' || run.status === 'approved') && (
        <Alert type="warning" showIcon className="page-section" data-testid="missing-accounts"
          title={t('有 {n} 笔明细的收款人尚未登记银行账户，发送后银行将退回；请先在家庭的“待遇”页登记收款账户。', { n: run.missingAccounts })} />
      )}
      {run.pendingReview > 0 && run.status === 'draft' && (
        <Alert type="info" showIcon className="page-section" title={t('还有 {n} 条补发或追回待帮扶干部审核，审核完才能审核通过批次。', { n: run.pendingReview })} />
      )}
      <RunFigures run={run} />
      <Card className="page-section">
        <Tabs items={[
          { key: 'lines', label: t('明细（{n}）', { n: run.lineCount }), children: <AllLines run={run} version={version} /> },
          { key: 'corrections', label: t('补发追回（{n}）', { n: corrections }), children: <CorrectionsTab run={run} onChanged={changed} /> },
          { key: 'failed', label: t('失败（{n}）', { n: run.settled.failed }), children: <LinesTable runId={run.id} filter={{ status: 'failed' }} version={version} testId="failed-lines" /> },
        ]} />
      </Card>
    </>
  );
}
