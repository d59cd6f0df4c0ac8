/**
 * The header bell: the unread count, and the latest reminders with 全部已读 and 查看全部 — in a
 * popover, or on a phone (where a popover would run off the screen) in a drawer.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Flex, List, Popover, Spin } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '@/lib/i18n';
import { useIsMobile } from '@/lib/useMedia';
import { useRequest } from '@/lib/useRequest';
import { NotificationItem } from './NotificationItem';
import { listNotifications, markAllRead, notificationsChanged, openNotification, type Notification } from './notifications.api';
import { useUnread } from './useUnread';

function Latest({ onDone, width }: { onDone: () => void; width: number | string }) {
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
    <Flex vertical style={{ width }} data-testid="notification-popover">
      <Spin spinning={loading}>
        {error ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('消息暂不可用')} />
        ) : (
          <List
            size="small"
            dataSource={data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无消息')} /> }}
            renderItem={(n) => <NotificationItem notification={n} onOpen={open} compact />}
            style={{ maxHeight: typeof width === 'number' ? 420 : undefined, overflow: 'auto' }}
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
  const mobile = useIsMobile();
  const { unread } = useUnread();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const button = (
    <Button type="text" aria-label={t('消息提醒')} style={{ height: 44 }} data-testid="notification-bell" onClick={mobile ? () => setOpen(true) : undefined}>
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );
  if (mobile) {
    return (
      <>
        {button}
        <Drawer open={open} onClose={close} placement="right" size="100%" title={t('消息提醒')} destroyOnHidden styles={{ body: { padding: 12 } }}>
          <Latest onDone={close} width="100%" />
        </Drawer>
      </>
    );
  }
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" title={t('消息提醒')}
      content={open ? <Latest onDone={close} width={340} /> : null} destroyOnHidden>
      {button}
    </Popover>
  );
}
