/** The small words of the benefit pages: an enrollment's status, its subject and amount per period. */
import { Tag } from 'antd';
import { ENROLLMENT_STATUS_LABELS, type Enrollment, type EnrollmentStatus } from '@contracts/benefits';
import { useT } from '@/lib/i18n';
import { formatAmount } from '@/features/policies/money';

const STATUS_COLORS: Record<EnrollmentStatus, string> = {
  applied: 'processing', reviewed: 'cyan', first_approved: 'geekblue', active: 'success', suspended: 'warning', stopped: 'default', rejected: 'error',
};

export function EnrollmentStatusTag({ status }: { status: EnrollmentStatus }) {
  return <Tag color={STATUS_COLORS[status]} data-testid="enrollment-status">{useT()(ENROLLMENT_STATUS_LABELS[status])}</Tag>;
}

/** The person, or 本户 for a household benefit. */
export function SubjectName({ enrollment }: { enrollment: Pick<Enrollment, 'personName'> }) {
  const t = useT();
  return <>{enrollment.personName ?? t('本户')}</>;
}

/** ¥200.00/月, or the one-off amount with what is given in kind. */
export function PeriodAmount({ enrollment }: { enrollment: Pick<Enrollment, 'amountFen' | 'period' | 'inKind'> }) {
  const t = useT();
  const amount = formatAmount(enrollment.amountFen, enrollment.period, t);
  return <span style={{ whiteSpace: 'nowrap' }}>{enrollment.inKind ? `${amount} + ${enrollment.inKind}` : amount}</span>;
}
