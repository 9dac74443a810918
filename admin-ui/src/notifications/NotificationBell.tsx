import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../api.ts';
import { useLocale, useLocalized } from '../i18n.ts';
import { navigate } from '../router.ts';
import { useNotificationMessages } from './messages.ts';
import { useNotifications, type NotificationItem, type NotificationKind } from './useNotifications.ts';
import './notifications.css';

/** A time as China reads it (as the inbox shows deadlines); kept here, as `shell` mounts the bell and `components` imports `shell`. */
const chinaTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

const KINDS: readonly NotificationKind[] = ['new', 'returned', 'deadline', 'escalation'];
const COLOURS: Record<NotificationKind, string> = { new: 'blue', returned: 'orange', deadline: 'gold', escalation: 'red' };

/**
 * The header's bell: unread notifications of the user's posts (new tasks, returned applications,
 * deadlines within a working day, escalations) counted on a badge; a drawer lists them, opening
 * one marks it read and goes to its case.
 */
export function NotificationBell() {
  const t = useNotificationMessages();
  const l = useLocalized();
  const locale = useLocale();
  const { message } = App.useApp();
  const { data, markRead } = useNotifications();
  const [open, setOpen] = useState(false);
  const unread = data?.counts.unread ?? 0;
  const run = async (request: { ids: string[] } | { all: true }) => {
    try {
      await markRead(request);
    } catch (error) {
      message.error(errorText(error, locale));
    }
  };
  const when = (item: NotificationItem) =>
    item.kind === 'deadline' ? t('due', { time: chinaTime(item.dueAt) }) : t(item.kind === 'escalation' ? 'escalated' : 'arrived', { time: chinaTime(item.at) });
  const go = (item: NotificationItem) => {
    setOpen(false);
    if (!item.read) void run({ ids: [item.id] });
    navigate(`/cases/${item.caseId}`);
  };
  return (
    <>
      <Badge count={unread} size="small" offset={[-6, 10]} className="notification-badge">
        <Button type="link" className="header-link notification-bell" icon={<BellOutlined />} aria-label={unread ? t('bellUnread', { n: unread }) : t('bell')} onClick={() => setOpen(true)} />
      </Badge>
      <Drawer open={open} size={Math.min(420, window.innerWidth)} title={t('title')} onClose={() => setOpen(false)} className="notification-drawer" extra={<Button size="small" disabled={!unread} onClick={() => void run({ all: true })}>{t('markAllRead')}</Button>}>
        <Space wrap size={[4, 4]} className="notification-counts" aria-label={t('title')}>
          {KINDS.map((kind) => (
            <Tag key={kind} color={data?.counts[kind] ? COLOURS[kind] : 'default'}>
              {t('count', { kind: t(kind), n: data?.counts[kind] ?? 0 })}
            </Tag>
          ))}
        </Space>
        <List
          aria-label={t('title')}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('none') }}
          renderItem={(item) => (
            <List.Item className={item.read ? 'notification read' : 'notification unread'}>
              <Button type="text" block className="notification-open" aria-label={t('open', { caseNo: item.caseNo })} onClick={() => go(item)}>
                <span className="notification-line">
                  <Tag color={COLOURS[item.kind]}>{t(item.kind)}</Tag>
                  <Typography.Text strong={!item.read}>{item.caseNo}</Typography.Text>
                  {!item.read && <Badge status="processing" text={t('unreadTag')} />}
                </span>
                <span className="notification-line">
                  {l(item.processTitle)} · {l(item.stateTitle)}
                </span>
                <Typography.Text type="secondary" className="notification-line">
                  {when(item)}
                </Typography.Text>
              </Button>
            </List.Item>
          )}
        />
        <Typography.Text type="secondary">{t('polling')}</Typography.Text>
      </Drawer>
    </>
  );
}
