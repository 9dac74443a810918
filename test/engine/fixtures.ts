import type { Actor } from '../../engine/index.ts';

/** A small, sound definition that tests mutate to provoke one finding at a time. */
export function tinyDefinition() {
  return {
    id: 'tiny',
    version: '1.0.0',
    title: { 'zh-CN': '测试', en: 'Test' },
    subject: 'person',
    initial: 'open',
    states: {
      open: {
        title: { 'zh-CN': '办理', en: 'Open' },
        task: { role: 'caseworker', slaWorkingDays: 2 },
        on: {
          close: {
            target: 'closed',
            title: { 'zh-CN': '办结', en: 'Close' },
            roles: ['caseworker'],
            form: 'note',
            rules: [{ id: 'positive', cel: 'form.amount > 0', message: { 'zh-CN': '金额须大于零', en: 'Amount must be positive' } }],
            actions: [{ type: 'emit', params: { event: 'tiny.closed', fields: ['amount'] } }],
          },
        },
      },
      closed: { title: { 'zh-CN': '已办结', en: 'Closed' }, type: 'final' },
    },
    forms: {
      note: {
        title: { 'zh-CN': '表', en: 'Form' },
        schema: { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' } }, additionalProperties: false },
      },
    },
  };
}

export const caseworker: Actor = { id: 'u-1', name: '张三', role: 'caseworker', post: 'unemployment-window', orgUnit: 'o-1' };
export const otherCaseworker: Actor = { ...caseworker, id: 'u-3', name: '王五' };
export const reviewer: Actor = { id: 'u-2', name: '李四', role: 'reviewer', post: 'unemployment-review', orgUnit: 'o-1' };
