/**
 * What the signed-in user can do with an enrollment now: 初审 or 审批 (通过 / 不予通过) while it
 * waits for them, and 停发 / 暂停 / 恢复 / 重新测算 once it is paid. Each opens its dialog; the
 * server's refusal (such as taking two steps of one application) shows in the dialog.
 */
import { Button, Flex } from 'antd';
import { useState } from 'react';
import type { EnrollmentDetail } from '@contracts/benefits';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { decideStep, type Change, type Step } from './benefits.api';
import { ChangeModal, CHANGES } from './ChangeModal';
import { BENEFIT_APPLY, BENEFIT_APPROVE, BENEFIT_REVIEW } from './permissions';
import { ReasonModal } from '@/components/ReasonModal';

type Open = { kind: 'step'; step: Step; approve: boolean } | { kind: 'change'; change: Change } | null;

/** awaiting 'approval' is the first of two approvals; 'final_approval' the only or the second one. */
function stepLabel(e: EnrollmentDetail): string {
  if (e.awaiting === 'review') return '初审通过';
  if (e.awaiting === 'approval') return '一级审批通过';
  return e.approvalLevels === 2 ? '终审通过' : '审批通过';
}

export function EnrollmentActions({ enrollment, onChanged }: { enrollment: EnrollmentDetail; onChanged: (e: EnrollmentDetail) => void }) {
  const t = useT();
  const { can } = useAuth();
  const [open, setOpen] = useState<Open>(null);
  const step: Step | null = enrollment.awaiting === 'review' ? (can(BENEFIT_REVIEW) ? 'review' : null) : enrollment.awaiting && can(BENEFIT_APPROVE) ? 'approve' : null;
  const changes: Change[] = !can(BENEFIT_APPLY) ? [] : enrollment.status === 'active' ? ['stop', 'suspend', 'recompute'] : enrollment.status === 'suspended' ? ['resume', 'stop'] : [];
  const done = (e: EnrollmentDetail) => {
    setOpen(null);
    onChanged(e);
  };
  if (!step && changes.length === 0) return null;

  return (
    <Flex gap={8} wrap data-testid="enrollment-actions">
      {step && enrollment.awaiting && (
        <>
          <Button type="primary" onClick={() => setOpen({ kind: 'step', step, approve: true })}>{t(stepLabel(enrollment))}</Button>
          <Button danger onClick={() => setOpen({ kind: 'step', step, approve: false })}>{t('不予通过')}</Button>
        </>
      )}
      {changes.map((c) => (
        <Button key={c} danger={c === 'stop'} onClick={() => setOpen({ kind: 'change', change: c })}>{t(CHANGES[c].label)}</Button>
      ))}
      {open?.kind === 'step' && enrollment.awaiting && (
        <ReasonModal
          title={open.approve ? t(stepLabel(enrollment)) : t('不予通过')}
          subject={`${enrollment.policyName} · ${enrollment.personName ?? t('{name} 户', { name: enrollment.headName ?? '' })}`}
          reasonRequired={!open.approve}
          reasonLabel={open.approve ? t('审核意见（可不填）') : t('不予通过的原因')}
          onClose={() => setOpen(null)}
          onSubmit={async ({ reason }) => done(await decideStep(enrollment.id, open.step, open.approve, reason))}
        />
      )}
      {open?.kind === 'change' && <ChangeModal enrollment={enrollment} change={open.change} onClose={() => setOpen(null)} onDone={done} />}
    </Flex>
  );
}
