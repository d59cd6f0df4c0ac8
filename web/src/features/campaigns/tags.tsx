/** A campaign's and a household's census status as tags, and coverage as a bar: the same colours in lists, cards and the chart. */
import { Progress, Tag, Tooltip } from 'antd';
import { useT } from '@/lib/i18n';
import { CAMPAIGN_STATUSES, CENSUS_STATUSES, type CampaignStatus, type CensusStatus, type StatusCounts } from './campaigns.api';

export const STATUS_ORDER: CensusStatus[] = ['visited', 'not_at_home', 'moved', 'not_found', 'pending'];
export const STATUS_COLORS: Record<CensusStatus, string> = { visited: '#52c41a', not_at_home: '#fa8c16', moved: '#722ed1', not_found: '#f5222d', pending: '#d9d9d9' };
const TAG_COLORS: Record<CensusStatus, string> = { visited: 'green', not_at_home: 'orange', moved: 'purple', not_found: 'red', pending: 'default' };

export function CensusStatusTag({ status }: { status: CensusStatus }) {
  const t = useT();
  return <Tag color={TAG_COLORS[status]}>{t(CENSUS_STATUSES[status] ?? status)}</Tag>;
}

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const t = useT();
  return <Tag color={status === 'open' ? 'processing' : 'default'}>{t(CAMPAIGN_STATUSES[status] ?? status)}</Tag>;
}

/** Covered = any outcome recorded; the green part is households met at home. */
export const covered = (counts: StatusCounts) => counts.total - counts.pending;

export function Coverage({ counts }: { counts: StatusCounts }) {
  const t = useT();
  const percent = counts.total ? Math.round((covered(counts) / counts.total) * 100) : 0;
  const visited = counts.total ? Math.round((counts.visited / counts.total) * 100) : 0;
  return (
    <Tooltip title={t('已走访 {done} / {total} 户，其中入户 {visited} 户', { done: covered(counts), total: counts.total, visited: counts.visited })}>
      <Progress percent={percent} success={{ percent: visited }} size="small" style={{ minWidth: 120, margin: 0 }} />
    </Tooltip>
  );
}
