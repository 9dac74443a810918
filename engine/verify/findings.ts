import type { LocalizedText } from '../errors/index.ts';

/** What verification can find wrong with a definition. */
export type FindingCode =
  | 'unknown-initial'
  | 'unknown-target'
  | 'unreachable-state'
  | 'no-exit'
  | 'final-state-with-exit'
  | 'task-without-role'
  | 'task-without-sla'
  | 'task-without-form'
  | 'unknown-form'
  | 'invalid-form-schema'
  | 'unknown-role'
  | 'unknown-separate-from'
  | 'unknown-guard'
  | 'unknown-action'
  | 'invalid-action-params'
  | 'invalid-cel'
  | 'unknown-cel-function'
  | 'undeclared-fact'
  | 'timer-event-not-system'
  | 'duplicate-material'
  | 'material-on-system-event'
  | 'notice-end-not-timer'
  | 'notice-objection-not-system';

/** One problem, located by a dotted path into the definition, e.g. `states.draft.on.submit.target`. */
export interface Finding {
  code: FindingCode;
  path: string;
  message: LocalizedText;
}

const templates: Record<FindingCode, (subject: string) => LocalizedText> = {
  'unknown-initial': (s) => ({ 'zh-CN': `初始环节 ${s} 不存在`, en: `Initial state ${s} does not exist` }),
  'unknown-target': (s) => ({ 'zh-CN': `目标环节 ${s} 不存在`, en: `Target state ${s} does not exist` }),
  'unreachable-state': (s) => ({ 'zh-CN': `环节 ${s} 无法到达`, en: `State ${s} cannot be reached` }),
  'no-exit': (s) => ({ 'zh-CN': `非终结环节 ${s} 没有出口`, en: `Non-final state ${s} has no way out` }),
  'final-state-with-exit': (s) => ({ 'zh-CN': `终结环节 ${s} 不能有出口`, en: `Final state ${s} must not have transitions` }),
  'task-without-role': (s) => ({ 'zh-CN': `环节 ${s} 的待办没有指定角色`, en: `The task of state ${s} has no role` }),
  'task-without-sla': (s) => ({ 'zh-CN': `环节 ${s} 的待办没有办理时限`, en: `The task of state ${s} has no SLA` }),
  'task-without-form': (s) => ({ 'zh-CN': `环节 ${s} 的待办没有表单`, en: `The task of state ${s} has no form to fill` }),
  'unknown-form': (s) => ({ 'zh-CN': `表单 ${s} 不存在`, en: `Form ${s} does not exist` }),
  'invalid-form-schema': (s) => ({ 'zh-CN': `表单结构不合法：${s}`, en: `The form's JSON Schema is invalid: ${s}` }),
  'unknown-role': (s) => ({ 'zh-CN': `角色 ${s} 不存在`, en: `Role ${s} does not exist` }),
  'unknown-separate-from': (s) => ({ 'zh-CN': `审核分离引用的事件 ${s} 不存在`, en: `Maker-checker refers to unknown event ${s}` }),
  'unknown-guard': (s) => ({ 'zh-CN': `规则实现 ${s} 未注册`, en: `Guard ${s} is not implemented` }),
  'unknown-action': (s) => ({ 'zh-CN': `动作实现 ${s} 未注册`, en: `Action ${s} is not implemented` }),
  'invalid-action-params': (s) => ({ 'zh-CN': `内置动作参数不合法：${s}`, en: `A built-in action's params are invalid: ${s}` }),
  'timer-event-not-system': (s) => ({ 'zh-CN': `定时事件 ${s} 不是本环节可由系统发送的事件`, en: `Timer event ${s} is not an event of this state the system may send` }),
  'duplicate-material': (s) => ({ 'zh-CN': `材料代码 ${s} 在同一环节中重复`, en: `Material ${s} is declared twice on the same step` }),
  'material-on-system-event': (s) => ({ 'zh-CN': `系统事件 ${s} 不能要求上传材料`, en: `System event ${s} cannot ask for attached materials: nobody uploads them` }),
  'notice-end-not-timer': (s) => ({ 'zh-CN': `公示结束事件 ${s} 不是本环节按工作日计时的定时事件`, en: `Notice end event ${s} is not an event of a working-day timer of this state` }),
  'notice-objection-not-system': (s) => ({ 'zh-CN': `公示异议事件 ${s} 不是本环节可由系统发送、以 objection 字段记录异议的事件`, en: `Objection event ${s} is not an event of this state the system may send with an \`objection\` form field` }),
  'undeclared-fact': (s) => ({ 'zh-CN': `条件引用的事实 ${s} 未在 facts 中声明`, en: `The condition reads fact ${s}, which \`facts\` does not declare` }),
  'invalid-cel': (s) => ({ 'zh-CN': `条件表达式不合法：${s}`, en: `The CEL condition is not valid: ${s}` }),
  'unknown-cel-function': (s) => ({ 'zh-CN': `条件调用的函数 ${s} 不存在：既非 CEL 内置函数，也不在本平台的 CEL 函数库中`, en: `The condition calls ${s}, which is neither a CEL function nor one of the platform's CEL library` }),
};

/** Builds a finding with its bilingual message. */
export function finding(code: FindingCode, path: string, subject: string): Finding {
  return { code, path, message: templates[code](subject) };
}
