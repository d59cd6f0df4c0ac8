/** What can be done with a candidate, by its kind; once decided, the decision instead. */
import { Button, Space } from 'antd';
import { CANDIDATE_DECISION_LABELS, type Candidate, type CandidateDecision, type CandidateKind } from '@contracts/policies';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { BENEFIT_APPLY } from '@/features/benefits/permissions';
import { POLICY_RUN } from '../permissions';
import { DecisionTag } from '../tags';

/** The server refuses applying on a stop and stopping what was never paid; simulations are not acted on. */
const ALLOWED: Record<CandidateKind, CandidateDecision[]> = {
  add: ['apply', 'dismiss'],
  stop: ['stop', 'dismiss'],
  amount: ['apply', 'stop', 'dismiss'],
  error: ['apply', 'dismiss'],
  gained: [],
  lost: [],
};

export function CandidateActions({ candidate, onDecide }: { candidate: Candidate; onDecide: (c: Candidate, d: CandidateDecision) => void }) {
  const t = useT();
  const { can } = useAuth();
  if (candidate.decision) return <DecisionTag candidate={candidate} />;
  if (!can(POLICY_RUN)) return null;
  return (
    <Space size={0} wrap>
      {/* Applying and stopping go through the benefit flow (CandidateDecisionDialog.tsx), which needs benefit:apply. */}
      {ALLOWED[candidate.kind].filter((d) => d === 'dismiss' || can(BENEFIT_APPLY)).map((decision) => (
        <Button key={decision} type="link" size="small" danger={decision === 'stop'} onClick={() => onDecide(candidate, decision)}>
          {t(CANDIDATE_DECISION_LABELS[decision])}
        </Button>
      ))}
    </Space>
  );
}
