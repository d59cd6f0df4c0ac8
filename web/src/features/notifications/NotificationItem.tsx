/** One reminder in a list: unread dot, kind, title, text and how long ago; clicking opens what it is about. */
import { Badge, Flex, List, Tag, Typography } from 'antd';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { KIND_LABELS, type Notification } from './notifications.api';

export function NotificationItem({ notification, onOpen, compact }: { notification: Notification; onOpen: (n: Notification) => void; compact?: boolean }) {
  const t = useT();
  const kind = KIND_LABELS[notification.kind] ?? { label: notification.kind, color: 'default' };
  const unread = !notification.readAt;
  return (
    <List.Item onClick={() => onOpen(notification)} style={{ cursor: 'pointer' }} data-testid="notification-item">
      <Flex vertical gap={2} style={{ width: '100%' }}>
        <Flex gap={6} align="center" wrap>
          {unread && <Badge status="processing" />}
          <Tag color={kind.color}>{t(kind.label)}</Tag>
          <Typography.Text strong={unread} ellipsis={compact} style={{ flex: 1, minWidth: 0 }}>{notification.title}</Typography.Text>
        </Flex>
        <Typography.Paragraph type="secondary" ellipsis={compact ? { rows: 2 } : false} style={{ margin: 0 }}>
          {notification.body}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} title={dayjs(notification.createdAt).format('YYYY-MM-DD HH:mm')}>
          {dayjs(notification.createdAt).fromNow()}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}
