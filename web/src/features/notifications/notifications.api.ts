/**
 * Reminders for the signed-in user (eligibility changed, a public-welfare post ending, a fact
 * changed). The bell and the page share one "changed" signal, so reading on one updates the other.
 */
import { api } from '@/lib/api';
import type { Notification } from '@contracts/policies';
import './i18n-en';

export type { Notification } from '@contracts/policies';

export interface NotificationPage {
  items: Notification[];
  total: number;
  unread: number;
}

export const KIND_LABELS: Record<Notification['kind'], { label: string; color: string }> = {
  eligibility_changed: { label: '资格变化', color: 'blue' },
  post_ending: { label: '岗位到期', color: 'orange' },
  fact_changed: { label: '信息变更', color: 'default' },
  measure_referred: { label: '转介待办', color: 'purple' },
  measure_answered: { label: '措施反馈', color: 'cyan' },
  measure_overdue: { label: '措施逾期', color: 'red' },
  fast_channel: { label: '大病快速通道', color: 'magenta' },
  appeal_overdue: { label: '诉求超时', color: 'red' },
};

export const listNotifications = (query: { unreadOnly?: boolean; page?: number; pageSize?: number }, signal?: AbortSignal) =>
  api.get<NotificationPage>('/api/notifications', { unreadOnly: query.unreadOnly, page: query.page, pageSize: query.pageSize }, signal);
export const unreadCount = () => api.get<{ unread: number }>('/api/notifications/unread-count');
export const markRead = (id: number) => api.post<Notification>(`/api/notifications/${id}/read`);
export const markAllRead = () => api.post<{ updated: number }>('/api/notifications/read-all');

const listeners = new Set<() => void>();

export function onNotificationsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export const notificationsChanged = () => listeners.forEach((listener) => listener());

/** Marks a notification read (once) and returns the in-app path it points to, if any. */
export async function openNotification(notification: Notification): Promise<string | null> {
  if (!notification.readAt) {
    await markRead(notification.id).catch(() => undefined);
    notificationsChanged();
  }
  // Only paths inside the app: a link is data, and data never sends the user elsewhere.
  const link = notification.link ?? (notification.householdId ? `/households/${notification.householdId}` : null);
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}
