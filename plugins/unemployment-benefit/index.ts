import { definePlugin } from '../../engine/index.ts';
import { monthsMatchEntitlement } from './rules.ts';
import flow from './unemployment-benefit.flow.json' with { type: 'json' };

const processId = 'unemployment-benefit';

/**
 * 失业保险金: eligibility check at the benefit window, review of the months and the amount by a
 * second person, then one approved payment a month from the unemployment insurance fund until
 * the approved months are used up (exhausted), the benefit is suspended, or it stops.
 *
 * Payments: the monthly timer of `receiving` pays a month on its first day (the month of
 * approval at once), at the city's standard in force on that day (a rise from next month leaves
 * this month as paid). `employmentRegistered` stops the
 * benefit from the next month: the current month was paid on its first day, and a case that
 * leaves `receiving` mid-month takes its timer with it, so no later month is paid. Months
 * spent suspended are not paid afterwards: on resumption the timer pays the current month
 * and goes on from there.
 */
export const unemploymentBenefit = definePlugin({
  id: 'unemployment-benefit',
  version: '1.0.0',
  title: { 'zh-CN': '失业保险金', en: 'Unemployment insurance benefit' },
  definitions: [flow],
  implementations: { guards: { monthsMatchEntitlement }, actions: {} },
  parameters: [
    {
      // The ministry bounds: not below a subsistence-allowance floor (600 yuan) and below the
      // highest local minimum wage (2,740 yuan). The raise from 2026-07-01 is an illustrative
      // standard adjustment, not a published figure; cities set their own within the bounds.
      id: 'monthlyAmountFen',
      title: { 'zh-CN': '失业保险金月发放标准', en: 'Monthly benefit amount' },
      unit: 'fen',
      default: 189_000,
      min: 60_000,
      max: 274_000,
      changes: [{ from: '2026-07-01', value: 196_000 }],
    },
    {
      id: 'minimumContributionMonths',
      title: { 'zh-CN': '领取失业保险金最低缴费月数', en: 'Insured months needed to claim' },
      unit: 'months',
      default: 12,
      min: 12,
      max: 12,
    },
  ],
  locks: [
    { process: 'unemployment-benefit', element: 'states.applied.on.check.rules', reason: { 'zh-CN': '领取条件为《失业保险条例》法定条件', en: 'The eligibility conditions are set by the Unemployment Insurance Regulations' } },
    { process: 'unemployment-benefit', element: 'states.checked.on.approve.rules', reason: { 'zh-CN': '领取期限按缴费年限法定核定，标准按当地执行标准', en: 'The months follow the statutory contribution tiers and the amount the standard in force' } },
    { process: 'unemployment-benefit', element: 'states.checked.on.approve.separateFrom', reason: { 'zh-CN': '待遇核准须与资格核定分离', en: 'Approval must be separate from the eligibility check' } },
    { process: 'unemployment-benefit', element: 'states.receiving.on.pay.rules', reason: { 'zh-CN': '发放月数不得超过核定月数', en: 'No more months may be paid than approved' } },
    { process: 'unemployment-benefit', element: 'states.exhausted', reason: { 'zh-CN': '领取期满为法定终止情形，不得删除', en: 'Exhaustion is a statutory end of the benefit and must stay' } },
    { process: 'unemployment-benefit', element: 'states.receiving.on.employmentRegistered', reason: { 'zh-CN': '重新就业停发失业保险金为部级协同规则', en: 'Stopping benefit on re-employment is a ministry coordination rule' } },
    { process: 'unemployment-benefit', element: 'states.suspended.on.employmentRegistered', reason: { 'zh-CN': '重新就业停发失业保险金为部级协同规则', en: 'Stopping benefit on re-employment is a ministry coordination rule' } },
  ],
  indicators: [
    {
      id: 'unemployment-benefit-on-time-approval-rate',
      title: { 'zh-CN': '失业保险金按时核准率', en: 'Benefit approvals on time' },
      numerator: { process: processId, event: 'approve', withDeadline: true, onTime: true },
      denominator: { process: processId, event: 'approve', withDeadline: true },
      factor: 100,
    },
    {
      // Of the benefits approved, the share paid to the last month; recent approvals still being paid lower it.
      id: 'unemployment-benefit-exhausted-share',
      title: { 'zh-CN': '失业保险金领取期满占比', en: 'Share of benefits paid to exhaustion' },
      numerator: { process: processId, to: 'exhausted' },
      denominator: { process: processId, event: 'approve' },
      factor: 100,
    },
  ],
  subscriptions: [
    { event: 'employment.registered', process: processId, send: 'employmentRegistered', data: { terminationReason: 'employed' } },
    { event: 'referral.refused', process: processId, send: 'refusedSuitableWork', data: { terminationReason: 'refused-suitable-work' } },
    // An involuntary separation opens an eligibility check for the person at the benefit window.
    { event: 'employment.terminated', process: processId, start: true, when: 'payload.involuntary == true', fromPayload: { terminationDate: 'separationDate' } },
  ],
});
