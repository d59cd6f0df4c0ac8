/** The small coloured words of the policy pages: version and run status, eligibility, decisions. */
import { CheckOutlined, CloseOutlined, QuestionOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import {
  CANDIDATE_DECISION_LABELS, CANDIDATE_KIND_LABELS, POLICY_PERIOD_LABELS, POLICY_TARGET_LABELS,
  type Candidate, type CandidateKind, type PolicyPeriod, type PolicyTarget, type PolicyVersion, type RunStatus,
} from '@contracts/policies';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';

const VERSION_STATUS: Record<PolicyVersion['status'], { label: string; color: string }> = {
  draft: { label: '草稿', color: 'gold' },
  active: { label: '启用中', color: 'green' },
  superseded: { label: '已停用', color: 'default' },
};

const RUN_STATUS: Record<RunStatus, { label: string; color: string }> = {
  running: { label: '运行中', color: 'processing' },
  completed: { label: '已完成', color: 'success' },
  failed: { label: '失败', color: 'error' },
  cancelled: { label: '已取消', color: 'default' },
};

export const KIND_COLORS: Record<CandidateKind, string> = { add: 'blue', stop: 'red', amount: 'orange', error: 'volcano', gained: 'green', lost: 'red' };

export function VersionStatusTag({ status }: { status: PolicyVersion['status'] }) {
  const t = useT();
  return <Tag color={VERSION_STATUS[status].color}>{t(VERSION_STATUS[status].label)}</Tag>;
}

export function RunStatusTag({ status }: { status: RunStatus }) {
  const t = useT();
  return <Tag color={RUN_STATUS[status].color}>{t(RUN_STATUS[status].label)}</Tag>;
}

export function TargetLabel({ target }: { target: PolicyTarget }) {
  return <>{useT()(POLICY_TARGET_LABELS[target])}</>;
}

export function PeriodLabel({ period }: { period: PolicyPeriod }) {
  return <>{useT()(POLICY_PERIOD_LABELS[period])}</>;
}

export function KindTag({ kind }: { kind: CandidateKind }) {
  return <Tag color={KIND_COLORS[kind]}>{useT()(CANDIDATE_KIND_LABELS[kind])}</Tag>;
}

/** 符合 / 不符合 / 无法判定 for an evaluation's outcome. */
export function EligibilityTag({ eligible, error }: { eligible: boolean | null; error?: string | null }) {
  const t = useT();
  if (eligible === true) return <Tag color="success" icon={<CheckOutlined />}>{t('符合')}</Tag>;
  if (eligible === false) return <Tag color="error" icon={<CloseOutlined />}>{t('不符合')}</Tag>;
  return (
    <Tooltip title={error}>
      <Tag color="warning" icon={<QuestionOutlined />}>{t('无法判定')}</Tag>
    </Tooltip>
  );
}

/** What was decided on a candidate, by whom and why. */
export function DecisionTag({ candidate }: { candidate: Candidate }) {
  const t = useT();
  if (!candidate.decision) return null;
  const color = candidate.decision === 'apply' ? 'blue' : candidate.decision === 'stop' ? 'red' : 'default';
  const detail = [candidate.decidedByName, formatDateTime(candidate.decidedAt), candidate.decisionReason].filter(Boolean).join(' · ');
  return (
    <Tooltip title={detail}>
      <Tag color={color} data-testid="candidate-decision">{t(CANDIDATE_DECISION_LABELS[candidate.decision])}</Tag>
    </Tooltip>
  );
}
