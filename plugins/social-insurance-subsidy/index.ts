import { definePlugin } from '../../engine/index.ts';
import { periodHasBegun } from './rules.ts';
import flow from './social-insurance-subsidy.flow.json' with { type: 'json' };

/**
 * 社会保险补贴: a subsidy towards the social insurance contributions of a recognised person
 * with employment difficulties, working flexibly or hired by an employer. Each month's claim
 * states the contributions actually paid and is paid into the ledger once approved; the
 * ledger refuses a second payment for the same month.
 */
export const socialInsuranceSubsidy = definePlugin({
  id: 'social-insurance-subsidy',
  version: '1.0.0',
  title: { 'zh-CN': '社会保险补贴', en: 'Social insurance subsidy' },
  definitions: [flow],
  implementations: { guards: { periodHasBegun }, actions: {} },
  parameters: [
    {
      // The change on 2027-01-01 is illustrative: caps follow the yearly contribution base.
      id: 'monthlyCapFen',
      title: { 'zh-CN': '每月补贴上限（分）', en: 'Monthly subsidy cap (fen)' },
      unit: 'fen',
      default: 80_000,
      min: 10_000,
      max: 300_000,
      changes: [{ from: '2027-01-01', value: 90_000 }],
    },
    {
      // The national ceiling is two thirds, a rule of its own; a city may pay a smaller share.
      id: 'flexibleShareMaxPercent',
      title: { 'zh-CN': '灵活就业人员补贴占实际缴费比例上限（%）', en: "Flexible workers' maximum share of contributions (%)" },
      unit: 'percent',
      default: 67,
      min: 0,
      max: 67,
    },
  ],
  locks: [
    { process: 'social-insurance-subsidy', element: 'states.applied.on.verify.rules', reason: { 'zh-CN': '享受对象须为已认定的就业困难人员', en: 'Only recognised persons with employment difficulties qualify' } },
    { process: 'social-insurance-subsidy', element: 'states.verified.on.approve.separateFrom', reason: { 'zh-CN': '审核须与受理分离', en: 'Review must be separate from intake' } },
    { process: 'social-insurance-subsidy', element: 'states.approved.on.submitClaim.rules', reason: { 'zh-CN': '按实际缴费补贴、灵活就业人员不超过三分之二为国家规定', en: 'Subsidising actual contributions, at most two thirds for flexible workers, is national policy' } },
    { process: 'social-insurance-subsidy', element: 'states.claimSubmitted.on.approveClaim.separateFrom', reason: { 'zh-CN': '资金拨付须经申报人以外的人员复核', en: 'A payment must be approved by someone other than who prepared it' } },
    { process: 'social-insurance-subsidy', element: 'states.claimSubmitted.on.approveClaim.actions', reason: { 'zh-CN': '补贴须按月记入资金台账，防止重复发放', en: 'Payments go into the ledger by month, which prevents paying twice' } },
    { process: 'social-insurance-subsidy', element: 'states.approved.on.difficultyEnded', reason: { 'zh-CN': '困难人员认定终止即停止补贴为部级协同规则', en: 'Stopping with the difficulty recognition is a ministry coordination rule' } },
  ],
  indicators: [
    {
      id: 'social-insurance-subsidy-on-time-rate',
      title: { 'zh-CN': '社会保险补贴按时办结率', en: 'Social insurance subsidy on-time rate' },
      numerator: { process: 'social-insurance-subsidy', withDeadline: true, onTime: true },
      denominator: { process: 'social-insurance-subsidy', withDeadline: true },
      factor: 100,
    },
    {
      id: 'social-insurance-claim-approval-rate',
      title: { 'zh-CN': '社会保险补贴申报复核通过率', en: 'Social insurance subsidy claims approved' },
      numerator: { process: 'social-insurance-subsidy', event: 'approveClaim' },
      denominator: { process: 'social-insurance-subsidy', from: 'claimSubmitted' },
      factor: 100,
    },
  ],
  subscriptions: [{ event: 'difficulty.ended', process: 'social-insurance-subsidy', send: 'difficultyEnded', data: { endReason: 'difficulty-ended' } }],
});
