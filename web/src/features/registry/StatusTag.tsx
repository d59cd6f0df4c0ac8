/** A household's current 低保 / 特困 / 低保边缘 status as a coloured tag. */
import { Tag } from 'antd';
import { useT } from '@/lib/i18n';
import { ASSISTANCE_STATUSES, STATUS_COLORS } from './labels';

export function StatusTag({ status }: { status: string | null }) {
  const t = useT();
  if (!status) return null;
  const label = ASSISTANCE_STATUSES[status as keyof typeof ASSISTANCE_STATUSES] ?? status;
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(label)}</Tag>;
}
