import type { LocalizedText } from '../../engine/index.ts';
import { ROLES, type Role } from '../db/schema/index.ts';

/** The level of the org unit a user sits at. */
export type Level = 'ministry' | 'province' | 'city' | 'district' | 'street' | 'community' | 'office';

/** Who may do a thing: the roles, the levels they must sit at (any when absent), and what they may reach. */
export interface PermissionRule {
  roles: readonly Role[];
  levels?: readonly Level[];
  /** What the user may reach with it; the service's queries keep to it (a record out of reach answers 404). */
  jurisdiction: 'self' | 'subtree' | 'city' | 'nation';
  description: LocalizedText;
}

const EVERYONE = ROLES;
/** Staff of the service windows and their administrator: casework and master data. */
const SERVICE = ['caseworker', 'reviewer', 'admin'] as const;
/** Everyone who reads figures: performance, the market, processes in force. */
const READERS = ['caseworker', 'reviewer', 'configurator', 'evaluator', 'admin'] as const;
const BELOW_PROVINCE = ['city', 'district', 'street', 'community', 'office'] as const;

/**
 * 权限表: every permission a route may declare, in one place. A route declares exactly one
 * (`secureRoute`), the OpenAPI document shows it (`x-permission`), and a test walks every route.
 * Services keep only the jurisdiction (the user's subtree or city) and rules of the process itself.
 */
export const permissions = {
  'session.own': { roles: EVERYONE, jurisdiction: 'self', description: { 'zh-CN': '本人会话与账号', en: 'One’s own session and account' } },
  'processes.read': { roles: READERS, jurisdiction: 'subtree', description: { 'zh-CN': '查阅在用流程、岗位和代码表', en: 'Read processes in force, posts and code tables' } },
  'cases.read': { roles: SERVICE, jurisdiction: 'subtree', description: { 'zh-CN': '查阅业务办件和待办', en: 'Read cases and tasks' } },
  'cases.act': { roles: SERVICE, levels: BELOW_PROVINCE, jurisdiction: 'subtree', description: { 'zh-CN': '受理和办理业务（环节角色由流程定义）', en: 'Open and act on cases (each step’s roles are set by its process)' } },
  'documents.revoke': { roles: ['reviewer'], levels: BELOW_PROVINCE, jurisdiction: 'subtree', description: { 'zh-CN': '作废已出具的文书（公开核验页显示已作废）', en: 'Revoke an issued document (its public verification page says so)' } },
  'persons.read': { roles: SERVICE, levels: BELOW_PROVINCE, jurisdiction: 'city', description: { 'zh-CN': '查询服务对象（证件号码、手机号按经办关系显示或遮蔽）', en: 'Look up persons and employers (ID numbers and phones shown or masked by who handles them)' } },
  'persons.register': { roles: SERVICE, levels: BELOW_PROVINCE, jurisdiction: 'city', description: { 'zh-CN': '实名登记服务对象和用人单位', en: 'Register persons and employers under real name' } },
  'persons.reveal': { roles: SERVICE, levels: BELOW_PROVINCE, jurisdiction: 'city', description: { 'zh-CN': '说明事由后查看完整证件号码和手机号（留痕）', en: 'See a full ID number and phone for a stated purpose (recorded)' } },
  'persons.merge': { roles: ['reviewer', 'admin'], levels: BELOW_PROVINCE, jurisdiction: 'city', description: { 'zh-CN': '合并同一人的重复记录（留痕）', en: 'Merge duplicate records of one person (recorded)' } },
  'employers.override': { roles: ['reviewer', 'admin'], levels: BELOW_PROVINCE, jurisdiction: 'city', description: { 'zh-CN': '登记未通过校验的早期试点信用代码（留痕）', en: 'Register an early pilot credit code failing its check (recorded)' } },
  'institutions.read': { roles: SERVICE, levels: BELOW_PROVINCE, jurisdiction: 'city', description: { 'zh-CN': '查阅培训、鉴定、职业中介和创业孵化机构名录', en: 'Read the register of training, assessment, employment agency and incubator institutions' } },
  'institutions.manage': { roles: ['reviewer', 'admin'], levels: BELOW_PROVINCE, jurisdiction: 'city', description: { 'zh-CN': '登记、更正、暂停、恢复和撤销本市机构资质（留痕）', en: 'Register, correct, suspend, reinstate and revoke the city’s institutions (recorded)' } },
  'imports.upload': { roles: SERVICE, levels: BELOW_PROVINCE, jurisdiction: 'city', description: { 'zh-CN': '批量导入：上传文件、试导入报告、列名模板、导入记录', en: 'Bulk import: upload files, dry-run reports, column templates, the import history' } },
  'imports.approve': { roles: ['reviewer', 'admin'], levels: BELOW_PROVINCE, jurisdiction: 'city', description: { 'zh-CN': '审核批量导入（非上传人）并入库', en: 'Approve a bulk import (not its uploader) and commit it' } },
  'ledger.read': { roles: ['caseworker', 'reviewer'], levels: BELOW_PROVINCE, jurisdiction: 'city', description: { 'zh-CN': '查阅待发放款项和拨付批次', en: 'Read payable items and payment batches' } },
  'payments.prepare': { roles: ['caseworker', 'reviewer'], levels: BELOW_PROVINCE, jurisdiction: 'city', description: { 'zh-CN': '生成拨付批次、下载银行文件、导入对账', en: 'Issue payment batches, download the bank file, import reconciliation' } },
  'payments.approve': { roles: ['reviewer'], levels: BELOW_PROVINCE, jurisdiction: 'city', description: { 'zh-CN': '审批发送拨付批次（非经办人）', en: 'Approve sending a payment batch (not its issuer)' } },
  'funds.read': { roles: ['evaluator', 'admin'], levels: ['ministry', 'province', 'city'], jurisdiction: 'subtree', description: { 'zh-CN': '查阅和导出经费统计（汇总数据，不含个人信息）', en: 'Read and export fund statistics (aggregates, no personal data)' } },
  'localisation.edit': { roles: ['configurator'], levels: ['province', 'city'], jurisdiction: 'subtree', description: { 'zh-CN': '编辑、校验、发布本级流程调整并迁移在办业务', en: 'Edit, verify and publish the level’s overlay, and migrate running cases' } },
  'indicators.read': { roles: READERS, jurisdiction: 'subtree', description: { 'zh-CN': '查阅绩效指标、明细记录和市场监测', en: 'Read indicators, their records and market monitoring' } },
  'review.read': { roles: READERS, jurisdiction: 'subtree', description: { 'zh-CN': '查阅考核期审批状态与导出', en: 'Read period reviews and export them' } },
  'review.approve': { roles: ['configurator'], levels: ['city'], jurisdiction: 'subtree', description: { 'zh-CN': '市级审批考核期数据', en: 'Approve a period’s figures (city)' } },
  'review.accept': { roles: ['configurator', 'evaluator'], levels: ['province'], jurisdiction: 'subtree', description: { 'zh-CN': '省级验收考核期数据', en: 'Accept a period’s figures (province)' } },
  'review.comment': { roles: ['evaluator'], levels: ['province', 'ministry'], jurisdiction: 'subtree', description: { 'zh-CN': '评议打分', en: 'Comment on and score a period' } },
  'monitoring.configure': { roles: ['configurator'], jurisdiction: 'subtree', description: { 'zh-CN': '设置预警阈值', en: 'Set warning thresholds' } },
  'monitoring.evaluate': { roles: ['evaluator', 'configurator'], jurisdiction: 'subtree', description: { 'zh-CN': '运行失业预警', en: 'Run the early warning' } },
  'monitoring.alerts': { roles: ['evaluator', 'configurator', 'reviewer'], jurisdiction: 'subtree', description: { 'zh-CN': '确认和解除预警', en: 'Acknowledge and resolve alerts' } },
  'calendar.read': { roles: EVERYONE, jurisdiction: 'nation', description: { 'zh-CN': '查阅节假日安排', en: 'Read the holiday calendar' } },
  'packages.read': { roles: ['configurator', 'admin'], jurisdiction: 'nation', description: { 'zh-CN': '查阅已安装的业务插件包', en: 'Read the installed process packages' } },
  'national.query': { roles: ['evaluator', 'admin'], levels: ['ministry'], jurisdiction: 'nation', description: { 'zh-CN': '全国查询：跨省查询人员就业失业状态、用人单位和岗位（留痕，省级同时记录）', en: 'National query: a person’s employment status, employers and vacancies across provinces (recorded here and in the province)' } },
  'national.claims': { roles: ['admin'], levels: ['ministry'], jurisdiction: 'nation', description: { 'zh-CN': '核对全国失业登记认领：向各省核实并释放其已不再持有的认领（留痕）', en: 'Reconcile the national claims: check them with each province and give up those it no longer holds (recorded)' } },
  'packages.install': { roles: ['admin'], levels: ['ministry'], jurisdiction: 'nation', description: { 'zh-CN': '校验并安装业务插件包的新版本', en: 'Check and install a new version of a process package' } },
  'calendar.national': { roles: ['admin'], levels: ['ministry'], jurisdiction: 'nation', description: { 'zh-CN': '录入国务院节假日安排', en: 'Enter the State Council’s holiday schedules' } },
  'calendar.provincial': { roles: ['admin'], levels: ['province'], jurisdiction: 'subtree', description: { 'zh-CN': '设置本省节假日', en: 'Set the province’s own holidays' } },
  'users.manage': { roles: ['admin'], levels: ['ministry', 'province', 'city', 'district'], jurisdiction: 'subtree', description: { 'zh-CN': '管理本级及下级机构的用户账号、角色和岗位（留痕）', en: 'Manage the user accounts, roles and posts of one’s subtree (recorded)' } },
  'org.manage': { roles: ['admin'], levels: ['ministry', 'province', 'city', 'district'], jurisdiction: 'subtree', description: { 'zh-CN': '管理本级及下级的服务机构和岗位（留痕）', en: 'Manage the offices and posts of one’s subtree (recorded)' } },
  'org.cities': { roles: ['admin'], levels: ['ministry', 'province'], jurisdiction: 'subtree', description: { 'zh-CN': '按行政区划新增本省的城市（部级：任一城市）及其首位管理员', en: 'Add a city of one’s province (the ministry: any city) from the divisions, with its first administrator' } },
  'exchange.manage': { roles: ['admin'], levels: ['city'], jurisdiction: 'city', description: { 'zh-CN': '配置本市数据交换：登记对方机构及其公钥、生成和轮换本市密钥、指定各项服务的对接机构和银行（留痕）', en: "Wire the city to other organisations: register peers and their public keys, make and rotate the city's keys, route each service and the bank (recorded)" } },
  'national.download': { roles: ['admin'], levels: ['city'], jurisdiction: 'city', description: { 'zh-CN': '立即下载本市在全国人社政务服务平台的申请信息', en: 'Download now the city’s applications on the national platform' } },
  'audit.read': { roles: ['auditor'], jurisdiction: 'subtree', description: { 'zh-CN': '检索访问日志并校验其哈希链', en: 'Search the access log and verify its hash chain' } },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof permissions;

/** Every permission a user with `role` at an org unit of `level` holds. */
export function permissionsOf(role: string, level: string): Permission[] {
  return (Object.keys(permissions) as Permission[]).filter((permission) => holds(permission, role, level));
}

/** Whether a user with `role` at an org unit of `level` holds the permission (jurisdiction aside). */
export function holds(permission: Permission, role: string, level: string): boolean {
  const rule: PermissionRule = permissions[permission];
  return (rule.roles as readonly string[]).includes(role) && (rule.levels === undefined || (rule.levels as readonly string[]).includes(level));
}
