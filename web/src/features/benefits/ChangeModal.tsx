/** 停发 / 暂停 / 恢复 / 重新测算 an enrollment from a date, with the reason (also used from the candidate lists). */
import type { Enrollment, EnrollmentDetail } from '@contracts/benefits';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { formatAmount } from '@/features/policies/money';
import { changeEnrollment, type Change } from './benefits.api';
import { ReasonModal } from '@/components/ReasonModal';

export const CHANGES: Record<Change, { label: string; dateLabel: string; dateField: string; nextMonth: boolean; placeholder?: string }> = {
  stop: { label: '停发', dateLabel: '停发日期（首个不再发放的日子）', dateField: 'endedOn', nextMonth: true, placeholder: '如：已核实，家庭收入超过标准' },
  suspend: { label: '暂停', dateLabel: '暂停日期', dateField: 'from', nextMonth: true, placeholder: '如：外出务工，待核实' },
  resume: { label: '恢复', dateLabel: '恢复日期', dateField: 'from', nextMonth: false },
  recompute: { label: '重新测算', dateLabel: '起算日期', dateField: 'from', nextMonth: false, placeholder: '如：补登残疾等级变更' },
};

interface Props {
  enrollment: Enrollment;
  change: Change;
  candidateId?: number;
  onClose: () => void;
  onDone: (enrollment: EnrollmentDetail, reason: string) => void;
}

export function ChangeModal({ enrollment, change, candidateId, onClose, onDone }: Props) {
  const t = useT();
  const config = CHANGES[change];
  const start = dayjs().startOf('month');
  const subject = `${enrollment.policyName} · ${enrollment.personName ?? t('{name} 户', { name: enrollment.headName ?? '' })} · ${formatAmount(enrollment.amountFen, enrollment.period, t)}`;
  return (
    <ReasonModal
      title={t(config.label)}
      dateLabel={t(config.dateLabel)}
      dateField={config.dateField}
      defaultDate={(config.nextMonth ? start.add(1, 'month') : start).format('YYYY-MM-DD')}
      placeholder={config.placeholder && t(config.placeholder)}
      subject={subject}
      onClose={onClose}
      onSubmit={async ({ date, reason }) => onDone(await changeEnrollment(enrollment.id, change, date!, reason ?? '', candidateId), reason ?? '')}
    />
  );
}
