import { defineMessages } from '../i18n.ts';

/** The bell's strings. */
export const useNotificationMessages = defineMessages({
  bell: { 'zh-CN': '通知', en: 'Notifications' },
  bellUnread: { 'zh-CN': '通知（{n} 条未读）', en: 'Notifications ({n} unread)' },
  title: { 'zh-CN': '通知', en: 'Notifications' },
  markAllRead: { 'zh-CN': '全部标为已读', en: 'Mark all read' },
  none: { 'zh-CN': '暂无通知', en: 'No notifications' },
  unreadTag: { 'zh-CN': '未读', en: 'Unread' },
  new: { 'zh-CN': '新待办', en: 'New task' },
  returned: { 'zh-CN': '退回补正', en: 'Returned' },
  deadline: { 'zh-CN': '即将到期', en: 'Due soon' },
  escalation: { 'zh-CN': '已督办', en: 'Escalated' },
  count: { 'zh-CN': '{kind} {n}', en: '{kind} {n}' },
  arrived: { 'zh-CN': '到达 {time}', en: 'Arrived {time}' },
  due: { 'zh-CN': '办结时限 {time}', en: 'Due {time}' },
  escalated: { 'zh-CN': '督办于 {time}', en: 'Escalated {time}' },
  open: { 'zh-CN': '打开办件 {caseNo}', en: 'Open case {caseNo}' },
  polling: { 'zh-CN': '每分钟自动刷新', en: 'Refreshed every minute' },
});
