import type { Localized } from '../api.ts';
import { defineMessages, useLocalized, type Text } from '../i18n.ts';
import { pathSegments, type PathSegment } from './paths.ts';
import type { Definition } from './types.ts';

/** Property names of a definition, as a configurator calls them. */
const keyNames: Record<string, Text> = {
  task: { 'zh-CN': '办理任务', en: 'Task' },
  slaWorkingDays: { 'zh-CN': '办理时限（工作日）', en: 'Time limit (working days)' },
  post: { 'zh-CN': '岗位', en: 'Post' },
  role: { 'zh-CN': '角色', en: 'Role' },
  title: { 'zh-CN': '名称', en: 'Title' },
  'x-i18n': { 'zh-CN': '英文名称', en: 'English title' },
  'zh-CN': { 'zh-CN': '中文', en: 'Chinese' },
  en: { 'zh-CN': '英文', en: 'English' },
  required: { 'zh-CN': '必填字段', en: 'Required fields' },
  rules: { 'zh-CN': '规则', en: 'Rules' },
  separateFrom: { 'zh-CN': '分离要求', en: 'Separation of duties' },
  actions: { 'zh-CN': '动作', en: 'Actions' },
  roles: { 'zh-CN': '可操作角色', en: 'Roles' },
  target: { 'zh-CN': '去向', en: 'Leads to' },
  form: { 'zh-CN': '表单', en: 'Form' },
  count: { 'zh-CN': '计数', en: 'Counters' },
  timers: { 'zh-CN': '定时事件', en: 'Timers' },
  type: { 'zh-CN': '类型', en: 'Type' },
  outcome: { 'zh-CN': '办结结果', en: 'Outcome' },
  ui: { 'zh-CN': '界面设置', en: 'Layout' },
  'ui:order': { 'zh-CN': '字段顺序', en: 'Field order' },
  'ui:widget': { 'zh-CN': '控件', en: 'Widget' },
  enum: { 'zh-CN': '选项', en: 'Options' },
  oneOf: { 'zh-CN': '选项', en: 'Options' },
  maxLength: { 'zh-CN': '最大长度', en: 'Maximum length' },
  minLength: { 'zh-CN': '最小长度', en: 'Minimum length' },
  pattern: { 'zh-CN': '格式规则', en: 'Pattern' },
  format: { 'zh-CN': '格式', en: 'Format' },
  minimum: { 'zh-CN': '最小值', en: 'Minimum' },
  maximum: { 'zh-CN': '最大值', en: 'Maximum' },
  initial: { 'zh-CN': '起始环节', en: 'Initial state' },
  description: { 'zh-CN': '说明', en: 'Description' },
  params: { 'zh-CN': '参数', en: 'Parameters' },
  on: { 'zh-CN': '可办事项', en: 'Events' },
  schema: { 'zh-CN': '数据结构', en: 'Schema' },
  properties: { 'zh-CN': '字段', en: 'Fields' },
  additionalProperties: { 'zh-CN': '允许其他字段', en: 'Other fields allowed' },
  fields: { 'zh-CN': '字段', en: 'Fields' },
  event: { 'zh-CN': '事件', en: 'Event' },
  field: { 'zh-CN': '字段', en: 'Field' },
  value: { 'zh-CN': '值', en: 'Value' },
  from: { 'zh-CN': '生效日期', en: 'Effective from' },
  const: { 'zh-CN': '代码', en: 'Code' },
  cel: { 'zh-CN': '条件表达式（CEL）', en: 'Condition (CEL)' },
  guard: { 'zh-CN': '校验程序', en: 'Check' },
  id: { 'zh-CN': '标识', en: 'Id' },
  message: { 'zh-CN': '提示', en: 'Message' },
  basis: { 'zh-CN': '依据', en: 'Basis' },
  certificate: { 'zh-CN': '证照', en: 'Certificate' },
};

const useKindNames = defineMessages({
  state: { 'zh-CN': '环节', en: 'State' },
  event: { 'zh-CN': '事项', en: 'Event' },
  form: { 'zh-CN': '表单', en: 'Form' },
  field: { 'zh-CN': '字段', en: 'Field' },
  parameter: { 'zh-CN': '参数', en: 'Parameter' },
  named: { 'zh-CN': '{kind}「{name}」', en: '{kind} “{name}”' },
});

/** A property name in the reader's language, or the name itself when it has none. */
export function useKeyName() {
  const l = useLocalized();
  return (key: string) => (keyNames[key] ? l(keyNames[key]) : key);
}

/** A path segment as text: `环节「审核」` (`State “Review”` in English), `办理时限（工作日）`. */
export function useSegmentText() {
  const l = useLocalized();
  const kinds = useKindNames();
  const keyName = useKeyName();
  return (segment: PathSegment) => (segment.kind === 'key' ? keyName(segment.key) : kinds('named', { kind: kinds(segment.kind), name: segment.title ? l(segment.title) : segment.id }));
}

/**
 * An element path as a person reads it, e.g. 环节「审核」 › 办理任务 › 办理时限（工作日）, with the
 * dotted path beneath for whoever needs the exact element.
 */
export function ElementPath({ path, definitions, parameters, showPath = true }: { path: string; definitions: readonly Definition[]; parameters?: readonly { id: string; title: Localized }[]; showPath?: boolean }) {
  const text = useSegmentText();
  const segments = pathSegments(path, definitions, parameters);
  return (
    <span className="config-path">
      <span>{segments.length > 0 ? segments.map(text).join(' › ') : path}</span>
      {showPath && <code className="config-path-code">{path}</code>}
    </span>
  );
}
