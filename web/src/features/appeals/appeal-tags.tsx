/** How an appeal's status and time limit look wherever appeals are shown. */
import { Tag, Typography } from 'antd';
import { dayjs, formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { APPEAL_STATUSES, LIMIT_UNITS, type Appeal, type AppealStatus } from './appeals.api';

const STATUS_COLORS: Record<AppealStatus, string> = {
  received: 'default', dispatched: 'purple', accepted: 'cyan', in_progress: 'processing', returned: 'warning',
  reply_drafted: 'gold', replied: 'blue', closed: 'success', merged: 'default',
};

export function AppealStatusTag({ status }: { status: AppealStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLORS[status]} data-testid="appeal-status">{t(APPEAL_STATUSES[status])}</Tag>;
}

/** "3 天 4 小时" — the time between now and a moment, in days and hours (minutes when under an hour). */
function span(ms: number, t: ReturnType<typeof useT>): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours > 0 ? t('{d} 天 {h} 小时', { d: days, h: hours }) : t('{d} 天', { d: days });
  if (hours > 0) return t('{h} 小时', { h: hours });
  return t('{m} 分钟', { m: minutes });
}

/**
 * The due time: red with how long it is overdue; otherwise with the time left while the appeal is
 * open; "暂停计时" while a reply waits for approval (no due time then).
 */
export function DueTime({ appeal, compact }: { appeal: Pick<Appeal, 'dueAt' | 'overdue' | 'status'>; compact?: boolean }) {
  const t = useT();
  if (appeal.status === 'reply_drafted' && !appeal.dueAt) return <Tag color="gold">{t('答复审核中，暂停计时')}</Tag>;
  if (!appeal.dueAt) return <Typography.Text type="secondary">—</Typography.Text>;
  const due = formatDateTime(appeal.dueAt);
  const ms = dayjs(appeal.dueAt).diff(dayjs());
  if (appeal.overdue) {
    return (
      <Typography.Text type="danger" strong data-testid="appeal-due">
        {due} <Tag color="red">{t('超时 {span}', { span: span(ms, t) })}</Tag>
      </Typography.Text>
    );
  }
  const open = ['dispatched', 'accepted', 'in_progress', 'returned'].includes(appeal.status);
  return (
    <Typography.Text data-testid="appeal-due">
      {due}
      {open && ms > 0 && (compact ? <Typography.Text type={ms < 86_400_000 ? 'warning' : 'secondary'}> · {t('剩 {span}', { span: span(ms, t) })}</Typography.Text>
        : <Tag color={ms < 86_400_000 ? 'orange' : 'default'} style={{ marginInlineStart: 8 }}>{t('剩 {span}', { span: span(ms, t) })}</Tag>)}
    </Typography.Text>
  );
}

export function LimitText({ appeal }: { appeal: Pick<Appeal, 'limitAmount' | 'limitUnit'> }) {
  const t = useT();
  if (!appeal.limitAmount || !appeal.limitUnit) return <>—</>;
  return <>{appeal.limitAmount} {t(LIMIT_UNITS[appeal.limitUnit])}</>;
}
