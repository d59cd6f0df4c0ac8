/**
 * Acting on a candidate goes through the benefit flow: 发起申请 on someone who should receive
 * the policy opens the application form (POST /api/enrollments with the candidate); 停发 on
 * someone who should no longer receive it, or 发起申请 on a changed amount, finds the
 * enrollment in force and stops or recomputes it. 暂不处理 only records the decision.
 */
import { App, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { Candidate, CandidateDecision as Decision } from '@contracts/policies';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { ApplicationModal } from '@/features/benefits/ApplicationModal';
import { findActiveEnrollment, type Enrollment } from '@/features/benefits/benefits.api';
import { ChangeModal } from '@/features/benefits/ChangeModal';
import { formatYuan } from '../money';
import { DecisionModal } from './DecisionModal';

interface Props {
  candidate: Candidate;
  decision: Decision;
  onClose: () => void;
  onDecided: (candidate: Candidate) => void;
}

/** Stopping, or applying a new amount, acts on the enrollment in force. */
const onEnrollment = (c: Candidate, d: Decision) => d === 'stop' || (d === 'apply' && c.kind === 'amount');

export function CandidateDecisionDialog({ candidate, decision, onClose, onDecided }: Props) {
  const t = useT();
  const { me } = useAuth();
  const { message } = App.useApp();
  const needsEnrollment = onEnrollment(candidate, decision);
  const [enrollment, setEnrollment] = useState<Enrollment | null | undefined>(needsEnrollment ? undefined : null);

  useEffect(() => {
    if (!needsEnrollment) return;
    let live = true;
    findActiveEnrollment(candidate.householdId, candidate.policyCode, candidate.personId)
      .then((found) => {
        if (!live) return;
        if (!found) message.warning(t('未找到该对象正在享受的此项待遇，只记录处理意见'));
        setEnrollment(found);
      })
      .catch((error) => {
        if (live) message.error((error as Error).message);
        onClose();
      });
    return () => void (live = false);
    // the candidate and decision are fixed for the dialog's life
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const decided = (reason: string | null) =>
    onDecided({ ...candidate, decision, decisionReason: reason, decidedByName: me?.displayName ?? null, decidedAt: new Date().toISOString() });
  const subject = candidate.personName ?? t('{name} 户', { name: candidate.headName ?? '' });

  if (decision === 'dismiss' || (needsEnrollment && enrollment === null)) {
    return <DecisionModal candidate={candidate} decision={decision} onClose={onClose} onDecided={onDecided} />;
  }
  if (enrollment === undefined) {
    return (
      <Modal open footer={null} closable={false} centered width={240}>
        <Spin style={{ display: 'block', padding: 24 }} />
      </Modal>
    );
  }
  if (enrollment) {
    return <ChangeModal enrollment={enrollment} change={decision === 'stop' ? 'stop' : 'recompute'} candidateId={candidate.id} onClose={onClose} onDone={(_, reason) => decided(reason)} />;
  }
  return (
    <ApplicationModal
      householdId={candidate.householdId}
      preset={{
        policyCode: candidate.policyCode, policyName: candidate.policyName, personId: candidate.personId, subject, candidateId: candidate.id,
        eligible: candidate.kind !== 'error', detail: [candidate.reason, candidate.amountFen !== null ? formatYuan(candidate.amountFen) : null].filter(Boolean).join(' · '),
      }}
      onClose={onClose}
      onApplied={(e) => decided(e.applicationReason)}
    />
  );
}
