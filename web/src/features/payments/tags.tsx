/** The small words of the payment pages: a run's status, a line's kind and status. */
import { Tag, Tooltip } from 'antd';
import {
  PAYMENT_LINE_KIND_LABELS, PAYMENT_LINE_STATUS_LABELS, PAYMENT_RUN_STATUS_LABELS,
  type PaymentLine, type PaymentLineKind, type PaymentLineStatus, type PaymentRunStatus,
} from '@contracts/benefits';
import { useT, type Translate } from '@/lib/i18n';

const RUN_COLORS: Record<PaymentRunStatus, string> = {
  building: 'processing', draft: 'gold', approved: 'blue', released: 'cyan', reconciled: 'success', rejected: 'error',
};
const KIND_COLORS: Record<PaymentLineKind, string> = { regular: 'default', arrears: 'green', recovery: 'red', reversal: 'volcano', reissue: 'purple' };
const LINE_COLORS: Record<PaymentLineStatus, string> = { pending: 'gold', approved: 'blue', exported: 'cyan', paid: 'success', failed: 'error', void: 'default' };

export function RunStatusTag({ status }: { status: PaymentRunStatus }) {
  return <Tag color={RUN_COLORS[status]} data-testid="run-status">{useT()(PAYMENT_RUN_STATUS_LABELS[status])}</Tag>;
}

export function LineKindTag({ kind }: { kind: PaymentLineKind }) {
  return <Tag color={KIND_COLORS[kind]}>{useT()(PAYMENT_LINE_KIND_LABELS[kind])}</Tag>;
}

const REVIEW = { pending: '待审核', accepted: '已同意', declined: '不同意' } as const;

/** The line's status, with the correction's review and the bank's failure reason when there are. */
export function LineStatusTag({ line }: { line: PaymentLine }) {
  const t = useT();
  return (
    <>
      <Tooltip title={line.failureReason}>
        <Tag color={LINE_COLORS[line.status]}>{t(PAYMENT_LINE_STATUS_LABELS[line.status])}</Tag>
      </Tooltip>
      {line.reviewStatus && line.reviewStatus !== 'pending' && <Tag>{t(REVIEW[line.reviewStatus])}</Tag>}
    </>
  );
}

/** 2026-05 → 2026年5月, 2026 → 2026年度, once → 一次性. */
export function periodLabel(period: string, t: Translate): string {
  if (/^\d{4}-\d{2}$/.test(period)) return t('{y}年{m}月', { y: period.slice(0, 4), m: Number(period.slice(5)), mm: period.slice(5) });
  if (/^\d{4}$/.test(period)) return t('{y}年度', { y: period });
  return period === 'once' ? t('一次性') : period;
}
