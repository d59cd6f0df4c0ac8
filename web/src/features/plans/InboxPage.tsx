/**
 * 本单位待办 (/inbox): the measures referred or copied to the user's unit — to accept, in hand,
 * closed — as cards that work on a phone; overdue ones first. A card opens the measure.
 */
import { Badge, Card, Empty, Flex, Segmented, Space, Switch, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';
import { usePagedRequest } from '@/lib/usePagedRequest';
import { useQueryParams } from '@/lib/useQueryParams';
import { Deadline, MeasureStatusTag, MeasureTypeTag, ReferralTag } from './measure-tags';
import { listInbox, type InboxItem, type InboxState } from './plans.api';

const STATES: Array<{ value: InboxState; label: string }> = [
  { value: 'todo', label: '待接收' }, { value: 'active', label: '办理中' }, { value: 'closed', label: '已办结' }, { value: 'all', label: '全部' },
];

export function InboxCard({ item, onOpen }: { item: InboxItem; onOpen: () => void }) {
  const t = useT();
  return (
    <Card size="small" hoverable onClick={onOpen} role="button" aria-label={item.title} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && onOpen()} data-testid={`inbox-${item.id}`}>
      <Flex vertical gap={4}>
        <Space size={4} wrap>
          <MeasureTypeTag type={item.type} /><MeasureStatusTag status={item.status} /><ReferralTag referral={item.referral} />
          {item.copiedOnly && <Tag>{t('抄送')}</Tag>}
        </Space>
        <Typography.Text strong>{item.title}</Typography.Text>
        <Typography.Text type="secondary">{item.person.name}{item.person.age !== null ? ` · ${t('{n} 岁', { n: item.person.age })}` : ''}{item.regionName ? ` · ${item.regionName}` : ''}</Typography.Text>
        <Typography.Text type="secondary">{t('转介单位')}：{item.ownerOrgName}</Typography.Text>
        <span>{t('期限')}：<Deadline deadline={item.deadline} overdue={item.overdue} /></span>
      </Flex>
    </Card>
  );
}

export function InboxPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, set] = useQueryParams();
  const state = (params.get('state') ?? 'todo') as InboxState;
  const overdue = params.get('overdue') === '1';
  const { data, error, loading, reload } = usePagedRequest({ state, overdue }, (p, signal) => listInbox({ state, overdue, page: p.current, pageSize: 50 }, signal), []);
  return (
    <>
      <PageHeader title={t('本单位待办')} subtitle={t('转介到本单位的帮扶措施：接收或说明理由退回，办理中及时反馈进展和佐证。只显示办理所需的信息。')} />
      <Flex vertical gap={12} className="page-section" data-testid="inbox">
        <Flex wrap gap={12} align="center">
          <Segmented value={state} onChange={(v) => set('state', v === 'todo' ? undefined : String(v))} size="large"
            options={STATES.map((s) => ({ value: s.value, label: <Space size={4}>{t(s.label)}<Badge count={data?.counts[s.value] ?? 0} showZero={false} color={s.value === 'todo' ? 'purple' : 'gray'} /></Space> }))} />
          <label><Switch checked={overdue} onChange={(on) => set('overdue', on ? '1' : undefined)} aria-label={t('只看逾期')} /> {t('只看逾期')}</label>
        </Flex>
        {error && <ErrorAlert error={error} onRetry={reload} />}
        {!loading && data && data.items.length === 0 && <Card><Empty description={t('暂无待办')} /></Card>}
        <Flex vertical gap={8} className="card-list">
          {(data?.items ?? []).map((item) => <InboxCard key={item.id} item={item} onOpen={() => navigate(`/inbox/measures/${item.id}`)} />)}
        </Flex>
      </Flex>
    </>
  );
}
