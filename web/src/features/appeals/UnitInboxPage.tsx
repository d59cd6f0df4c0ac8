/**
 * 本单位诉求 (/appeals/inbox): the open appeals sent to the user's unit or one under it, the one due soonest (or
 * most overdue) first, as cards that work on a phone — accept or return (with the reason) right
 * on the card; a card opens the appeal to report progress, transfer or reply.
 */
import { App, Button, Card, Empty, Flex, Segmented, Space, Badge, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { ReasonModal } from '@/components/ReasonModal';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useQueryParams } from '@/lib/useQueryParams';
import { useRequest } from '@/lib/useRequest';
import { AppealCard } from './AppealCard';
import { acceptAppeal, listAppeals, returnAppeal, type Appeal, type AppealStatus } from './appeals.api';

type Shown = 'todo' | 'active' | 'waiting' | 'all';
const SHOWN: Array<{ value: Shown; label: string; statuses: AppealStatus[] }> = [
  { value: 'todo', label: '待签收', statuses: ['dispatched'] },
  { value: 'active', label: '办理中', statuses: ['accepted', 'in_progress'] },
  { value: 'waiting', label: '待审核/仲裁', statuses: ['reply_drafted', 'returned'] },
  { value: 'all', label: '全部未办结', statuses: ['dispatched', 'accepted', 'in_progress', 'reply_drafted', 'returned'] },
];

export function UnitInboxPage() {
  const t = useT();
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, set] = useQueryParams();
  const shown = (params.get('shown') ?? 'all') as Shown;
  const [returning, setReturning] = useState<Appeal | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  // The unit's and its sub-units' open appeals, due soonest first (a reply awaiting approval, with no due time, last).
  const { data, error, loading, reload } = useRequest(
    (signal) => listAppeals({ status: 'open', handledByMe: true, sort: 'due', pageSize: 200 }, signal),
    [me?.orgId],
  );
  const all = data?.items ?? [];
  const statuses = SHOWN.find((s) => s.value === shown)?.statuses ?? SHOWN[3].statuses;
  const items = all.filter((a) => statuses.includes(a.status));
  const count = (s: (typeof SHOWN)[number]) => all.filter((a) => s.statuses.includes(a.status)).length;

  const accept = async (appeal: Appeal) => {
    setBusy(appeal.id);
    try {
      await acceptAppeal(appeal.id);
      message.success(t('已签收诉求 {number}', { number: appeal.number }));
      await reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title={t('本单位诉求')} subtitle={t('派给本单位的诉求，临近期限和已超时的排在前面：先签收，不属于本单位职责的说明理由退单。')} />
      <Flex vertical gap={12} className="page-section" data-testid="appeal-inbox">
        {/* Four choices are wider than a phone: they scroll sideways instead of widening the page. */}
        <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
          <Segmented<Shown> value={shown} onChange={(v) => set('shown', v === 'all' ? undefined : v)}
            options={SHOWN.map((s) => ({ value: s.value, label: <Space size={4}>{t(s.label)}<Badge count={count(s)} showZero={false} color={s.value === 'todo' ? 'purple' : 'gray'} /></Space> }))} />
        </div>
        {error && <ErrorAlert error={error} onRetry={reload} />}
        {!loading && data && items.length === 0 && <Card><Empty description={t('暂无待办诉求')} /></Card>}
        <Flex vertical gap={8} className="card-list">
          {items.map((a) => (
            <AppealCard key={a.id} appeal={a} onOpen={() => navigate(`/appeals/${a.id}`)}
              extra={a.status === 'returned' ? <Typography.Text type="warning">{t('已退单，等待 12345 仲裁')}</Typography.Text>
                : a.status === 'reply_drafted' ? <Typography.Text type="secondary">{t('答复已提交，等待 12345 审核')}</Typography.Text> : undefined}
              actions={<>
                {a.status === 'dispatched' && <Button type="primary" size="large" loading={busy === a.id} onClick={() => void accept(a)}>{t('签收')}</Button>}
                {(a.status === 'dispatched' || a.status === 'accepted') && <Button size="large" danger onClick={() => setReturning(a)}>{t('退单')}</Button>}
                {(a.status === 'accepted' || a.status === 'in_progress') && <Button size="large" type={a.status === 'accepted' ? 'default' : 'primary'} onClick={() => navigate(`/appeals/${a.id}`)}>{t('办理')}</Button>}
              </>} />
          ))}
        </Flex>
      </Flex>
      {returning && (
        <ReasonModal title={t('退单')} okText={t('退单')} reasonLabel={t('退单理由')} subject={t('诉求 {number}', { number: returning.number })}
          placeholder={t('说明为何不属于本单位职责，建议由哪个单位办理')} onClose={() => setReturning(null)}
          onSubmit={async (v) => {
            await returnAppeal(returning.id, v.reason ?? '');
            setReturning(null);
            message.success(t('已退单，等待 12345 仲裁'));
            await reload();
          }} />
      )}
    </>
  );
}
