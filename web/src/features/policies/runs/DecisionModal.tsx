/** Records a decision on a candidate; stopping or setting aside needs a reason, which goes to the audit log. */
import { Alert, Form, Input } from 'antd';
import { CANDIDATE_DECISION_LABELS, type Candidate, type CandidateDecision } from '@contracts/policies';
import { FormModal } from '@/components/FormModal';
import { useT } from '@/lib/i18n';
import { decideCandidate } from '../policies.api';

interface Props {
  candidate: Candidate;
  decision: CandidateDecision;
  onClose: () => void;
  onDecided: (candidate: Candidate) => void;
}

export function DecisionModal({ candidate, decision, onClose, onDecided }: Props) {
  const t = useT();
  const required = decision !== 'apply';
  const subject = candidate.personName ?? t('{name} 户', { name: candidate.headName ?? '' });
  return (
    <FormModal<{ reason?: string }>
      title={t(CANDIDATE_DECISION_LABELS[decision])}
      okText={t('确定')}
      onClose={onClose}
      submitOnEnter
      onSubmit={async ({ reason }) => onDecided(await decideCandidate(candidate.id, decision, reason?.trim() || null))}
      notice={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${candidate.policyName} · ${subject}`} description={candidate.reason} />}
    >
      <Form.Item
        name="reason"
        label={required ? t('原因') : t('备注（可不填）')}
        rules={required ? [{ required: true, whitespace: true, message: t('请填写原因') }] : []}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={required ? t('如：已核实，家庭收入超标') : undefined} />
      </Form.Item>
    </FormModal>
  );
}
