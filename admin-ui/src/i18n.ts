import { createContext, useContext } from 'react';

export type Locale = 'zh-CN' | 'en';

/** UI strings, zh-CN first. */
const messages = {
  appTitle: { 'zh-CN': '公共就业服务平台', en: 'Public Employment Services' },
  username: { 'zh-CN': '用户名', en: 'Username' },
  password: { 'zh-CN': '密码', en: 'Password' },
  signIn: { 'zh-CN': '登录', en: 'Sign in' },
  signOut: { 'zh-CN': '退出', en: 'Sign out' },
  demoHint: { 'zh-CN': '演示账号：caseworker / reviewer / configurator / evaluator / admin，密码 demo', en: 'Demo accounts: caseworker / reviewer / configurator / evaluator / admin, password demo' },
  tasks: { 'zh-CN': '待办任务', en: 'Tasks' },
  cases: { 'zh-CN': '业务办件', en: 'Cases' },
  caseNo: { 'zh-CN': '业务编号', en: 'Case no.' },
  process: { 'zh-CN': '业务事项', en: 'Process' },
  state: { 'zh-CN': '当前环节', en: 'State' },
  subject: { 'zh-CN': '服务对象', en: 'Subject' },
  idNumber: { 'zh-CN': '证件号码', en: 'ID number' },
  due: { 'zh-CN': '办理时限', en: 'Due' },
  updated: { 'zh-CN': '更新时间', en: 'Updated' },
  overdue: { 'zh-CN': '已超期', en: 'Overdue' },
  onlyOverdue: { 'zh-CN': '只看超期', en: 'Overdue only' },
  status: { 'zh-CN': '状态', en: 'Status' },
  active: { 'zh-CN': '办理中', en: 'Active' },
  final: { 'zh-CN': '已办结', en: 'Closed' },
  loading: { 'zh-CN': '加载中…', en: 'Loading…' },
  empty: { 'zh-CN': '暂无数据', en: 'Nothing here' },
  previous: { 'zh-CN': '上一页', en: 'Previous' },
  next: { 'zh-CN': '下一页', en: 'Next' },
  total: { 'zh-CN': '共 {n} 条', en: '{n} in all' },
  retry: { 'zh-CN': '重试', en: 'Retry' },
} as const;

export type MessageKey = keyof typeof messages;

export const LocaleContext = createContext<Locale>('zh-CN');

/** The translate function for the current locale; `{n}` placeholders are filled from `vars`. */
export function useT() {
  const locale = useContext(LocaleContext);
  return (key: MessageKey, vars: Record<string, string | number> = {}) =>
    messages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/** Picks the locale's text from a `{ 'zh-CN', en }` pair sent by the API. */
export function useLocalized() {
  const locale = useContext(LocaleContext);
  return (text: { 'zh-CN': string; en: string } | null | undefined) => (text ? text[locale] : '');
}
