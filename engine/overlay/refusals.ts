import type { LocalizedText } from '../errors/index.ts';

/** Why an overlay operation or value does not fit the level below, beside the error code that says what kind of problem it is. */
export type RefusalReason =
  | 'no-such-form'
  | 'form-without-fields'
  | 'no-such-field'
  | 'field-exists'
  | 'required-below'
  | 'not-enumerated'
  | 'options-not-offered'
  | 'no-such-state'
  | 'state-exists'
  | 'form-exists'
  | 'no-such-event'
  | 'same-approve-reject'
  | 'state-without-task'
  | 'final-state-stays'
  | 'still-reached'
  | 'initial-state'
  | 'no-such-parameter'
  | 'codes-outside-catalogue'
  | 'value-out-of-bounds'
  | 'definition-schema';

/** What a reason names: the same in both languages (an id, a value, bounds) or a title in each. */
export type Subject = string | LocalizedText;

const zh = (subject: Subject | undefined) => (typeof subject === 'object' ? subject['zh-CN'] : (subject ?? ''));
const en = (subject: Subject | undefined) => (typeof subject === 'object' ? subject.en : (subject ?? ''));

const templates: Record<RefusalReason, (...subjects: Subject[]) => LocalizedText> = {
  'no-such-form': () => ({ 'zh-CN': '没有这张表单', en: 'no such form' }),
  'form-without-fields': () => ({ 'zh-CN': '这张表单没有字段', en: 'the form has no properties' }),
  'no-such-field': () => ({ 'zh-CN': '表单中没有这个字段', en: 'no such field' }),
  'field-exists': () => ({ 'zh-CN': '已有同名字段', en: 'a field of that name exists' }),
  'required-below': (field) => ({ 'zh-CN': `上级要求必填字段「${zh(field)}」，不能删除`, en: `“${en(field)}” is required by the level below` }),
  'not-enumerated': () => ({ 'zh-CN': '这个字段不是选项字段', en: 'not an enumerated field' }),
  'options-not-offered': (options) => ({ 'zh-CN': `上级未提供这些选项：${zh(options)}`, en: `options not offered by the level below: ${en(options)}` }),
  'no-such-state': () => ({ 'zh-CN': '没有这个环节', en: 'no such state' }),
  'state-exists': () => ({ 'zh-CN': '已有同名环节', en: 'a state of that name exists' }),
  'form-exists': () => ({ 'zh-CN': '已有同名表单', en: 'a form of that name exists' }),
  'no-such-event': () => ({ 'zh-CN': '这个环节没有这项操作', en: 'no such event' }),
  'same-approve-reject': () => ({ 'zh-CN': '通过与退回须是两项不同的操作', en: 'approve and reject need different events' }),
  'state-without-task': () => ({ 'zh-CN': '这个环节没有待办任务', en: 'the state has no task' }),
  'final-state-stays': () => ({ 'zh-CN': '上级流程的终结环节必须保留', en: 'final states of the level below stay' }),
  'still-reached': (from) => ({ 'zh-CN': `仍有操作进入这个环节：${zh(from)}`, en: `still reached from ${en(from)}` }),
  'initial-state': () => ({ 'zh-CN': '这是流程的初始环节', en: 'still reached from the start' }),
  'no-such-parameter': () => ({ 'zh-CN': '没有这个参数', en: 'no such parameter' }),
  'codes-outside-catalogue': (codes) => ({ 'zh-CN': `代码只能取自：${zh(codes)}`, en: `codes must come from: ${en(codes)}` }),
  'value-out-of-bounds': (value, bounds) => ({ 'zh-CN': `取值 ${zh(value)} 超出范围 ${zh(bounds)}`, en: `${en(value)} is outside ${en(bounds)}` }),
  'definition-schema': (issue) => ({ 'zh-CN': `修改后的流程定义不符合定义格式：${zh(issue)}`, en: `the resulting definition does not fit the definition schema: ${en(issue)}` }),
};

/** The bilingual explanation of a refusal; `subjects` fill in what it names (a field, options, a value and its bounds). */
export function refusalReason(reason: RefusalReason, ...subjects: Subject[]): LocalizedText {
  return templates[reason](...subjects);
}
