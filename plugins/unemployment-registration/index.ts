import { definePlugin } from '../../engine/index.ts';
import flow from './unemployment-registration.flow.json' with { type: 'json' };
import { withinWorkingAge } from '../common/index.ts';

/** 失业登记: the ministry's standard unemployment registration. */
export const unemploymentRegistration = definePlugin({
  id: 'unemployment-registration',
  version: '1.0.0',
  title: { 'zh-CN': '失业登记', en: 'Unemployment registration' },
  definitions: [flow],
  implementations: { guards: { withinWorkingAge }, actions: {} },
  parameters: [
    { id: 'minimumAge', title: { 'zh-CN': '最低登记年龄', en: 'Minimum age' }, unit: 'years', default: 16, min: 16, max: 16 },
    {
      id: 'refusalLimit',
      title: { 'zh-CN': '无正当理由拒绝推荐工作次数上限', en: 'Unjustified job refusals before cancellation' },
      unit: 'count',
      default: 3,
      min: 1,
      max: 10,
    },
    { id: 'noContactMonths', title: { 'zh-CN': '未联系自动注销月数', en: 'Months without contact before cancellation' }, unit: 'months', default: 6, min: 3, max: 12 },
  ],
  locks: [
    { process: 'unemployment-registration', element: 'states.registered', reason: { 'zh-CN': '登记失业状态是法定身份，不得删除', en: 'Registered unemployment is a legal status and must stay' } },
    { process: 'unemployment-registration', element: 'states.submitted.on.approve.separateFrom', reason: { 'zh-CN': '审核须与受理分离', en: 'Review must be separate from intake' } },
    { process: 'unemployment-registration', element: 'states.submitted.on.approve.rules', reason: { 'zh-CN': '年龄与就业状态核验为法定条件', en: 'Age and employment checks are statutory' } },
    { process: 'unemployment-registration', element: 'states.registered.on.refusalRecorded.rules', reason: { 'zh-CN': '拒绝推荐工作注销以城市参数为准，条件不得改动', en: 'Cancellation for refusals follows the city parameter; the condition may not change' } },
    { process: 'unemployment-registration', element: 'states.registered.on.employmentRegistered', reason: { 'zh-CN': '就业登记自动注销失业登记为部级协同规则', en: 'Cancellation on employment registration is a ministry coordination rule' } },
    { process: 'unemployment-registration', element: 'forms.registration.schema.required', reason: { 'zh-CN': '统计口径所需字段不得减少', en: 'Fields required by national statistics may not be dropped' } },
  ],
  indicators: [
    {
      id: 'unemployment-registration-on-time-rate',
      title: { 'zh-CN': '失业登记按时办结率', en: 'Unemployment registration on-time rate' },
      numerator: { process: 'unemployment-registration', withDeadline: true, onTime: true },
      denominator: { process: 'unemployment-registration', withDeadline: true },
      factor: 100,
    },
    {
      // 登记失业人员再就业率: of the registrations that ended, those ended by an employment registration.
      id: 'unemployment-re-employment-rate',
      title: { 'zh-CN': '登记失业人员再就业率', en: 'Re-employment rate of the registered unemployed' },
      numerator: { process: 'unemployment-registration', from: 'registered', to: 'cancelled', data: { cancellationReason: 'employed' } },
      denominator: { process: 'unemployment-registration', from: 'registered', to: 'cancelled' },
      factor: 100,
    },
    {
      // Of the registrations that ended, those that ended within 6 months (183 days) of intake.
      id: 'unemployment-exit-within-6-months',
      title: { 'zh-CN': '登记失业人员6个月内退出率', en: 'Exits from registered unemployment within 6 months' },
      numerator: { process: 'unemployment-registration', from: 'registered', to: 'cancelled', withinDaysOfOpening: 183 },
      denominator: { process: 'unemployment-registration', from: 'registered', to: 'cancelled' },
      factor: 100,
    },
    {
      id: 'unemployment-exit-within-12-months',
      title: { 'zh-CN': '登记失业人员12个月内退出率', en: 'Exits from registered unemployment within 12 months' },
      numerator: { process: 'unemployment-registration', from: 'registered', to: 'cancelled', withinDaysOfOpening: 365 },
      denominator: { process: 'unemployment-registration', from: 'registered', to: 'cancelled' },
      factor: 100,
    },
  ],
  subscriptions: [
    { event: 'employment.registered', process: 'unemployment-registration', send: 'employmentRegistered', data: { cancellationReason: 'employed' } },
    // Each unjustified refusal is counted on the person; the registration ends when the count reaches the city's limit.
    { event: 'referral.refused', process: 'unemployment-registration', send: 'refusalRecorded', data: { cancellationReason: 'refused-jobs' } },
    // An involuntary separation prompts a registration: a draft opens in the caseworker's inbox, prefilled.
    {
      event: 'employment.terminated',
      process: 'unemployment-registration',
      start: true,
      when: 'payload.involuntary == true',
      data: { category: 'lost-job' },
      fromPayload: { employerCreditCode: 'previousEmployerCreditCode', terminationDate: 'unemployedSince' },
    },
  ],
});
