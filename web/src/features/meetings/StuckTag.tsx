/** Why a measure is on the agenda. */
import { Tag } from 'antd';
import { useT } from '@/lib/i18n';
import { STUCK_REASONS, type StuckReason } from './meetings.api';

const COLORS: Record<StuckReason, string> = { overdue: 'red', blocked: 'orange', declined: 'magenta' };

export function StuckTag({ reason }: { reason: StuckReason }) {
  const t = useT();
  return <Tag color={COLORS[reason]}>{t(STUCK_REASONS[reason])}</Tag>;
}
