import { definePlugin } from '../../engine/index.ts';

const steps = ['intake', 'check', 'review', 'approve', 'archive'] as const;

function state(name: string, next: string) {
  return {
    title: { 'zh-CN': name, en: name },
    task: { role: 'caseworker', slaWorkingDays: 2 },
    on: {
      next: {
        target: next,
        title: { 'zh-CN': '下一步', en: 'Next' },
        roles: ['caseworker'],
        form: 'note',
        rules: [{ id: 'note-given', cel: 'size(form.note) > 0', message: { 'zh-CN': '须填写说明', en: 'A note is required' } }],
      },
    },
  };
}

/** A linear five-step process, the same shape the bpmn-engine peer runs: five human tasks in a row. */
export const fiveStepPlugin = definePlugin({
  id: 'bench-five-step',
  version: '1.0.0',
  title: { 'zh-CN': '五步基准流程', en: 'Five-step benchmark process' },
  definitions: [
    {
      id: 'bench-five-step',
      version: '1.0.0',
      title: { 'zh-CN': '五步基准流程', en: 'Five-step benchmark process' },
      subject: 'person',
      initial: steps[0],
      states: {
        ...Object.fromEntries(steps.map((name, i) => [name, state(name, steps[i + 1] ?? 'done')])),
        done: { title: { 'zh-CN': '完成', en: 'Done' }, type: 'final', outcome: 'completed' },
      },
      forms: {
        note: {
          title: { 'zh-CN': '说明', en: 'Note' },
          schema: { type: 'object', required: ['note'], additionalProperties: false, properties: { note: { type: 'string', maxLength: 200 } } },
        },
      },
    },
  ],
  implementations: { guards: {}, actions: {} },
  parameters: [],
  locks: [],
  indicators: [],
  subscriptions: [],
});

/** The same process as BPMN 2.0 XML for bpmn-engine. */
export const fiveStepBpmn = (() => {
  const nodes = ['start', ...steps, 'end'];
  const tasks = steps.map((s) => `<userTask id="${s}" />`).join('');
  const flows = nodes.slice(0, -1).map((from, i) => `<sequenceFlow id="f${i}" sourceRef="${from}" targetRef="${nodes[i + 1]}" />`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="bench"><process id="five" isExecutable="true"><startEvent id="start" />${tasks}<endEvent id="end" />${flows}</process></definitions>`;
})();

export const stepsPerCase = steps.length;
