/** How a measure's status, referral and deadline look wherever measures are listed. */
import { Tag, Typography } from 'antd';
import { useT } from '@/lib/i18n';
import { MEASURE_STATUSES, MEASURE_TYPES, REFERRAL_STATES, type MeasureStatus, type MeasureType, type ReferralState } from './plans.api';

const STATUS_COLORS: Record<MeasureStatus, string> = { planned: 'default', in_progress: 'processing', done: 'success', blocked: 'warning', cancelled: 'default' };
const REFERRAL_COLORS: Record<ReferralState, string> = { pending: 'purple', accepted: 'cyan', declined: 'error' };

export function MeasureStatusTag({ status }: { status: MeasureStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLORS[status]}>{t(MEASURE_STATUSES[status])}</Tag>;
}

export function ReferralTag({ referral }: { referral: ReferralState | null }) {
  const t = useT();
  return referral ? <Tag color={REFERRAL_COLORS[referral]}>{t(REFERRAL_STATES[referral])}</Tag> : null;
}

export function MeasureTypeTag({ type }: { type: MeasureType }) {
  const t = useT();
  return <Tag color={type === 'serious_illness' ? 'magenta' : 'blue'}>{t(MEASURE_TYPES[type].label)}</Tag>;
}

/** The deadline, in red with "逾期" once it has passed and the measure is still open. */
export function Deadline({ deadline, overdue }: { deadline: string; overdue: boolean }) {
  const t = useT();
  return overdue
    ? <Typography.Text type="danger" strong>{deadline} <Tag color="red">{t('逾期')}</Tag></Typography.Text>
    : <Typography.Text>{deadline}</Typography.Text>;
}
