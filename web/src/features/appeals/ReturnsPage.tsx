/**
 * 退单仲裁 (/appeals/returns): the appeals units have returned, each with the unit's reason; the
 * arbiter upholds the return and sends the appeal to another unit, or refuses it and the same
 * unit goes on, with a note either way. Oldest due first.
 */
import { App, Button, Card, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { ReasonModal } from '@/components/ReasonModal';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { UpholdModal } from './appeal-modals';
import { AppealCard } from './AppealCard';
import { arbitrateReturn, listAppeals, type Appeal } from './appeals.api';

/** Returned appeals, due soonest first, each with the unit's reason (`lastReturn`) — one request. */
const loadReturns = (signal: AbortSignal) => listAppeals({ status: 'returned', sort: 'due', pageSize: 200 }, signal).then((page) => page.items);

export function ReturnsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useRequest((signal) => loadReturns(signal), []);
  const [upholding, setUpholding] = useState<Appeal | null>(null);
  const [refusing, setRefusing] = useState<Appeal | null>(null);
  const decided = async (text: string) => {
    setUpholding(null);
    setRefusing(null);
    message.success(text);
    await reload();
  };

  return (
    <>
      <PageHeader title={t('退单仲裁')} subtitle={t('承办单位认为不属于本单位职责而退回的诉求：退单成立则改派其他单位，不成立则退回原单位继续办理。')} />
      <Flex vertical gap={12} className="page-section" data-testid="appeal-returns">
        {error && <ErrorAlert error={error} onRetry={reload} />}
        {!loading && data && data.length === 0 && <Card><Empty description={t('暂无待仲裁的退单')} /></Card>}
        <Flex vertical gap={8} className="card-list">
          {(data ?? []).map((a) => {
            const returned = a.lastReturn;
            return (
              <AppealCard key={a.id} appeal={a} onOpen={() => navigate(`/appeals/${a.id}`)}
                extra={returned && (
                  <Card size="small" type="inner" style={{ background: '#fffbe6' }} data-testid="return-reason">
                    <Typography.Text strong>{t('退单理由')}：</Typography.Text>{returned.note}
                    <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{[returned.orgName, returned.actorName, formatDateTime(returned.at)].filter(Boolean).join(' · ')}</Typography.Text></div>
                  </Card>
                )}
                actions={<>
                  <Button type="primary" size="large" onClick={() => setUpholding(a)}>{t('退单成立，改派')}</Button>
                  <Button size="large" onClick={() => setRefusing(a)}>{t('退单不成立')}</Button>
                </>} />
            );
          })}
        </Flex>
      </Flex>
      {upholding && (
        <UpholdModal appeal={upholding} onClose={() => setUpholding(null)}
          onDone={(a) => void decided(t('已改派给 {org}', { org: a.responsibleOrgName ?? '' }))} />
      )}
      {refusing && (
        <ReasonModal title={t('退单不成立')} okText={t('退回原单位')} reasonLabel={t('仲裁意见')}
          subject={t('{org} 继续办理诉求 {number}', { org: refusing.responsibleOrgName ?? '', number: refusing.number })} onClose={() => setRefusing(null)}
          onSubmit={async (v) => {
            await arbitrateReturn(refusing.id, { upheld: false, note: v.reason ?? '' });
            await decided(t('已退回原单位继续办理'));
          }} />
      )}
    </>
  );
}
