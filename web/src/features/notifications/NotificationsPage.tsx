/** 消息提醒: every reminder, or only the unread; a click marks it read and opens the household or list it is about. */
import { Button, Card, Flex, List, Segmented } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';
import { useIsNarrow } from '@/lib/useMedia';
import { useRequest } from '@/lib/useRequest';
import { NotificationItem } from './NotificationItem';
import { listNotifications, markAllRead, notificationsChanged, onNotificationsChanged, openNotification, type Notification } from './notifications.api';

type Shown = 'all' | 'unread';

export function NotificationsPage() {
  const t = useT();
  const navigate = useNavigate();
  const narrow = useIsNarrow();
  const [shown, setShown] = useState<Shown>('all');
  const [page, setPage] = useState(1);
  const { data, loading, error, reload } = useRequest(
    (signal) => listNotifications({ unreadOnly: shown === 'unread', page, pageSize: 20 }, signal),
    [shown, page],
  );
  useEffect(() => onNotificationsChanged(() => void reload()), [reload]);

  const open = async (n: Notification) => {
    const link = await openNotification(n);
    if (link) navigate(link);
  };
  const readAll = async () => {
    await markAllRead();
    notificationsChanged();
  };

  return (
    <>
      <PageHeader
        title={t('消息提醒')}
        extra={<Button onClick={() => void readAll().catch(() => undefined)} disabled={!data?.unread}>{t('全部标为已读')}</Button>}
      />
      <Card>
        <Flex vertical gap={12}>
          <Segmented<Shown>
            value={shown}
            onChange={(v) => { setShown(v); setPage(1); }}
            options={[{ value: 'all', label: t('全部') }, { value: 'unread', label: data ? t('未读（{n}）', { n: data.unread }) : t('未读') }]}
          />
          {error && <ErrorAlert error={error} onRetry={reload} />}
          <List
            loading={loading}
            dataSource={data?.items ?? []}
            renderItem={(n) => <NotificationItem notification={n} onOpen={open} />}
            locale={{ emptyText: t('暂无消息') }}
            pagination={data && data.total > 20 ? { current: page, pageSize: 20, total: data.total, simple: narrow, onChange: setPage } : false}
            data-testid="notifications-list"
          />
        </Flex>
      </Card>
    </>
  );
}
