import { definePlugin } from '../../engine/index.ts';
import flow from './employment-registration.flow.json' with { type: 'json' };

/** 就业登记: registration of a hire and of its termination. */
export const employmentRegistration = definePlugin({
  id: 'employment-registration',
  version: '1.0.0',
  title: { 'zh-CN': '就业登记', en: 'Employment registration' },
  definitions: [flow],
  implementations: { guards: {}, actions: {} },
  parameters: [
    { id: 'hireReportDays', title: { 'zh-CN': '招用登记期限（日）', en: 'Days to register a hire' }, unit: 'days', default: 30, min: 30, max: 30 },
    { id: 'terminationReportDays', title: { 'zh-CN': '终止登记期限（日）', en: 'Days to register a termination' }, unit: 'days', default: 15, min: 15, max: 15 },
  ],
  locks: [
    { process: 'employment-registration', element: 'states.pending.on.register.actions', reason: { 'zh-CN': '就业登记须通知失业登记等协同业务', en: 'Employment registration must notify the linked processes' } },
    { process: 'employment-registration', element: 'states.employed.on.terminate.actions', reason: { 'zh-CN': '就业登记注销须通知失业保险等协同业务', en: 'Termination must notify the linked processes' } },
    { process: 'employment-registration', element: 'forms.termination.schema.required', reason: { 'zh-CN': '是否非自愿中断就业决定失业保险金资格', en: 'Involuntary separation decides benefit eligibility' } },
  ],
  indicators: [
    {
      id: 'employment-registration-on-time-rate',
      title: { 'zh-CN': '就业登记按时办结率', en: 'Employment registration on-time rate' },
      numerator: { process: 'employment-registration', withDeadline: true, onTime: true },
      denominator: { process: 'employment-registration', withDeadline: true },
      factor: 100,
    },
  ],
  subscriptions: [],
});
