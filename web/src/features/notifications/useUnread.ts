/**
 * The unread count for the bell: asked every 30 s (not while the tab is hidden), on every
 * navigation, and whenever a reminder is read somewhere in the app. A failure keeps the last count.
 */
import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { onNotificationsChanged, unreadCount } from './notifications.api';

const POLL_MS = 30_000;

export function useUnread(): { unread: number; refresh: () => void } {
  const [unread, setUnread] = useState(0);
  const { pathname } = useLocation();
  const refresh = useCallback(() => {
    unreadCount().then((r) => setUnread(r.unread)).catch(() => undefined);
  }, []);

  useEffect(refresh, [pathname, refresh]);
  useEffect(() => {
    const timer = setInterval(() => !document.hidden && refresh(), POLL_MS);
    const off = onNotificationsChanged(refresh);
    return () => {
      clearInterval(timer);
      off();
    };
  }, [refresh]);

  return { unread, refresh };
}
