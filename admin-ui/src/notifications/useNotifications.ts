import type { Answer } from '../../../client/index.ts';
import { useCallback, useEffect, useState } from 'react';
import { call, client } from '../api.ts';

/** What a notification is about, as the server names it. */
export type NotificationKind = NotificationItem['kind'];

/** One notification, as `GET /api/notifications` lists it. */
export type NotificationItem = Answer<'/api/notifications', 'get'>['items'][number];

/** Unread notifications by kind, and in all. */
export type NotificationCounts = Answer<'/api/notifications', 'get'>['counts'];

/** The bell is polled: one query on the server per poll, none while the tab is hidden. */
export const POLL_MS = 60_000;

/**
 * The user's notifications, polled every minute while the page is visible and at once when it comes
 * back into view. Polling rather than server-sent events: the notifications are derived from the
 * tasks in the database, which other runtime processes change too, so a stream would have to poll
 * the database for each user anyway; a poll holds no connection open and survives proxies.
 */
export function useNotifications() {
  const [data, setData] = useState<{ counts: NotificationCounts; items: NotificationItem[] } | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await call(client.GET('/api/notifications')));
    } catch {
      // A failed poll keeps what was shown; the screen itself tells of a lost session or network.
    }
  }, []);
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);
  const markRead = useCallback(
    async (request: { ids: string[] } | { all: true }) => {
      await call(client.POST('/api/notifications/read', { body: request }));
      await load();
    },
    [load],
  );
  return { data, reload: load, markRead };
}
