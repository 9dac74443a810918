import { defineMessages } from '../i18n.ts';

/** The auditor's screen, zh-CN first. */
export const useAuditMessages = defineMessages({
  title: { 'zh-CN': '访问日志', en: 'Access log' },
  intro: {
    'zh-CN': '谁在何时、从何处查阅或导出了哪些个人信息，以及每次登录、失败、锁定和退出。日志只增不改，逐条以哈希链相连。',
    en: 'Who read or exported which personal data, when and from where, and every sign-in, failure, lock and sign-out. The log is append-only, each entry chained to the last by its hash.',
  },
  actor: { 'zh-CN': '操作人（账号或用户名）', en: 'Who (user id or username)' },
  action: { 'zh-CN': '操作', en: 'Action' },
  target: { 'zh-CN': '对象', en: 'Target' },
  targetId: { 'zh-CN': '对象编号', en: 'Target id' },
  when: { 'zh-CN': '时间', en: 'When' },
  purpose: { 'zh-CN': '事由', en: 'Purpose' },
  address: { 'zh-CN': '地址', en: 'Address' },
  search: { 'zh-CN': '查询', en: 'Search' },
  any: { 'zh-CN': '全部', en: 'Any' },
  verify: { 'zh-CN': '校验哈希链', en: 'Verify the chain' },
  intact: { 'zh-CN': '哈希链完整：共 {rows} 条记录', en: 'The chain holds: {rows} entries' },
  broken: { 'zh-CN': '哈希链在第 {id} 条处断开，日志可能被篡改', en: 'The chain breaks at entry {id}: the log may have been tampered with' },
  'person.read': { 'zh-CN': '查阅个人信息', en: 'Read a person' },
  'person.reveal': { 'zh-CN': '查看完整个人信息', en: 'Revealed a person' },
  'case.read': { 'zh-CN': '查阅业务', en: 'Read a case' },
  export: { 'zh-CN': '导出', en: 'Export' },
  'bank-file': { 'zh-CN': '下载银行文件', en: 'Bank file' },
  'auth.login': { 'zh-CN': '登录', en: 'Sign-in' },
  'auth.failure': { 'zh-CN': '登录失败', en: 'Failed sign-in' },
  'auth.lock': { 'zh-CN': '账号锁定', en: 'Account locked' },
  'auth.logout': { 'zh-CN': '退出', en: 'Sign-out' },
  'auth.logout-all': { 'zh-CN': '退出所有设备', en: 'Signed out everywhere' },
  'auth.password': { 'zh-CN': '修改密码', en: 'Password changed' },
  'auth.second-factor': { 'zh-CN': '绑定动态口令', en: 'Second factor set up' },
  'public.login': { 'zh-CN': '公众账号登录', en: 'Public sign-in' },
  'public.failure': { 'zh-CN': '公众账号登录失败', en: 'Failed public sign-in' },
  'public.lock': { 'zh-CN': '公众账号锁定', en: 'Public account locked' },
  'public.logout': { 'zh-CN': '公众账号退出', en: 'Public sign-out' },
  'public.signup': { 'zh-CN': '公众账号注册', en: 'Public sign-up' },
  'audit.search': { 'zh-CN': '查询访问日志', en: 'Searched the log' },
  'audit.verify': { 'zh-CN': '校验访问日志', en: 'Verified the log' },
});

/** The actions the log records, in the order the filter offers them. */
export const ACTIONS = ['person.read', 'person.reveal', 'case.read', 'export', 'bank-file', 'auth.login', 'auth.failure', 'auth.lock', 'auth.logout', 'auth.logout-all', 'auth.password', 'auth.second-factor', 'public.login', 'public.failure', 'public.lock', 'public.logout', 'public.signup', 'audit.search', 'audit.verify'] as const;
