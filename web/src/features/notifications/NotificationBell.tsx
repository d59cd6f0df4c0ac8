/** The header bell: the unread count, and the latest reminders in a popover with 全部已读 and 查看全部. */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Spin } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { NotificationItem } from './NotificationItem';
import { listNotifications, markAllRead, notificationsChanged, openNotification, type Notification } from './notifications.api';
import { useUnread } from './useUnread';

function Latest({ onDone }: { onDone: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { data, loading, error, reload } = useRequest((signal) => listNotifications({ page: 1, pageSize: 6 }, signal), []);

  const open = async (n: Notification) => {
    const link = await openNotification(n);
    onDone();
    if (link) navigate(link);
  };
  const readAll = async () => {
    await markAllRead().catch(() => undefined);
    notificationsChanged();
    void reload();
  };

  return (
    <Flex vertical style={{ width: 340, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-popover">
      <Spin spinning={loading}>
        {error ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('消息暂不可用')} />
        ) : (
          <List
            size="small"
            dataSource={data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无消息')} /> }}
            renderItem={(n) => <NotificationItem notification={n} onOpen={open} compact />}
            style={{ maxHeight: 420, overflow: 'auto' }}
          />
        )}
      </Spin>
      <Flex justify="space-between" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
        <Button type="link" size="small" onClick={readAll} disabled={!data?.unread}>{t('全部已读')}</Button>
        <Link to="/notifications" onClick={onDone}><Button type="link" size="small">{t('查看全部')}</Button></Link>
      </Flex>
    </Flex>
  );
}

export function NotificationBell() {
  const t = useT();
  const { unread } = useUnread();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('消息提醒')}
      content={open ? <Latest onDone={() => setOpen(false)} /> : null}
      destroyOnHidden
    >
      <Button type="text" aria-label={t('消息提醒')} style={{ height: 44 }} data-testid="notification-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
