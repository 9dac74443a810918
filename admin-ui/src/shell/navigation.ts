import type { SessionUser } from '../api.ts';
import type { Text } from '../i18n.ts';

export interface NavItem {
  path: string;
  title: Text;
  roles: readonly SessionUser['role'][];
  /** The permission the screen's API needs, where the role alone does not give it at every level (a provincial administrator keeps no city register). */
  permission?: string;
}

/** The screens in the side menu, and who sees each. The first one a role sees is its start screen. */
export const navigation: readonly NavItem[] = [
  { path: '/tasks', title: { 'zh-CN': '待办任务', en: 'Tasks' }, roles: ['caseworker', 'reviewer', 'admin'] },
  { path: '/cases', title: { 'zh-CN': '业务办件', en: 'Cases' }, roles: ['caseworker', 'reviewer', 'admin'] },
  { path: '/cases/new', title: { 'zh-CN': '新办业务', en: 'Start a case' }, roles: ['caseworker', 'reviewer', 'admin'] },
  { path: '/imports', title: { 'zh-CN': '批量导入', en: 'Bulk import' }, roles: ['caseworker', 'reviewer', 'admin'], permission: 'imports.upload' },
  { path: '/payments', title: { 'zh-CN': '资金发放', en: 'Payments' }, roles: ['caseworker', 'reviewer'], permission: 'ledger.read' },
  { path: '/institutions', title: { 'zh-CN': '机构名录', en: 'Institutions' }, roles: ['caseworker', 'reviewer', 'admin'], permission: 'institutions.read' },
  { path: '/config', title: { 'zh-CN': '流程配置', en: 'Processes' }, roles: ['configurator', 'admin'] },
  { path: '/dashboard', title: { 'zh-CN': '绩效看板', en: 'Performance' }, roles: ['evaluator', 'configurator', 'admin'] },
  { path: '/review', title: { 'zh-CN': '考核期审定', en: 'Period review' }, roles: ['evaluator', 'configurator'], permission: 'review.read' },
  { path: '/funds', title: { 'zh-CN': '经费统计', en: 'Fund statistics' }, roles: ['evaluator', 'admin'], permission: 'funds.read' },
  { path: '/national', title: { 'zh-CN': '全国查询', en: 'National query' }, roles: ['evaluator', 'admin'], permission: 'national.query' },
  { path: '/informatisation', title: { 'zh-CN': '信息化考核', en: 'IT assessment' }, roles: ['evaluator', 'configurator', 'admin'] },
  { path: '/packages', title: { 'zh-CN': '业务插件包', en: 'Process packages' }, roles: ['admin', 'configurator'] },
  { path: '/admin/users', title: { 'zh-CN': '用户管理', en: 'Users' }, roles: ['admin'], permission: 'users.manage' },
  { path: '/admin/org', title: { 'zh-CN': '机构与岗位', en: 'Org units and posts' }, roles: ['admin'], permission: 'org.manage' },
  { path: '/admin/exchange', title: { 'zh-CN': '数据交换', en: 'Data exchange' }, roles: ['admin'], permission: 'exchange.manage' },
  { path: '/calendar', title: { 'zh-CN': '节假日安排', en: 'Holiday calendar' }, roles: ['admin', 'configurator'] },
  { path: '/audit', title: { 'zh-CN': '访问日志', en: 'Access log' }, roles: ['auditor'] },
];

/** The menu of a role; given the user's permissions, without the screens whose API the user's level does not reach. */
export function navigationFor(role: SessionUser['role'], permissions?: readonly string[]): NavItem[] {
  return navigation.filter((item) => item.roles.includes(role) && (!permissions || !item.permission || permissions.includes(item.permission)));
}

/**
 * Screens reached from others, without a menu entry of their own: their title in the browser tab,
 * and for one outside its section's path the section it belongs to (a person's or employer's page
 * is opened from the case search, 业务办件, and lists their cases).
 */
const subScreens: readonly { pattern: RegExp; title: Text; section?: string }[] = [
  { pattern: /^\/cases\/[^/]+$/, title: { 'zh-CN': '办件详情', en: 'Case' } },
  { pattern: /^\/config\/[^/]+$/, title: { 'zh-CN': '流程详情', en: 'Process' } },
  { pattern: /^\/review\/[^/]+\/[^/]+$/, title: { 'zh-CN': '审定详情', en: 'Review of a period' } },
  { pattern: /^\/persons\/[^/]+$/, title: { 'zh-CN': '人员档案', en: 'Person' }, section: '/cases' },
  { pattern: /^\/employers\/[^/]+$/, title: { 'zh-CN': '单位档案', en: 'Employer' }, section: '/cases' },
];

/**
 * The menu entry a path belongs to: its own, else the longest entry it lies under (a case page
 * under 业务办件, not 新办业务), else the section a screen reached from another belongs to.
 */
export function activeItem(items: readonly NavItem[], path: string): NavItem | undefined {
  const under = (target: string) => [...items].sort((a, b) => b.path.length - a.path.length).find((item) => target === item.path || target.startsWith(`${item.path}/`));
  const section = subScreens.find((screen) => screen.section !== undefined && screen.pattern.test(path))?.section;
  return under(path) ?? (section === undefined ? undefined : under(section));
}

/**
 * What a screen is called in the browser tab and history: its own name where it has one (a case
 * page is 办件详情, not 业务办件), else its menu entry's; undefined for a path no screen answers.
 */
export function screenTitle(items: readonly NavItem[], path: string): Text | undefined {
  const exact = items.find((item) => item.path === path);
  if (exact) return exact.title;
  return subScreens.find((screen) => screen.pattern.test(path) && activeItem(items, path))?.title ?? activeItem(items, path)?.title;
}
