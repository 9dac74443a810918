import { definePlugin } from '../../engine/index.ts';
import loanFlow from './business-loan-interest.flow.json' with { type: 'json' };
import { businessOperatedMinMonths, businessStartedWithinMaxAge, quarterWithinLoanTerm } from './rules.ts';
import subsidyFlow from './start-up-subsidy.flow.json' with { type: 'json' };

/**
 * 创业补贴 and 创业担保贷款贴息: a one-off start-up subsidy (paid once per person: the ledger
 * item `start-up-subsidy` for period `once`), and a guaranteed business loan whose interest
 * is subsidised quarter by quarter while it is outstanding.
 *
 * The effective-dated changes below are illustrative, not enacted policy: the loan ceiling
 * rising from 30万元 to 40万元 on 2027-01-01 and the subsidised share of interest from 50% to
 * 60% on the same date.
 */
export const startUp = definePlugin({
  id: 'start-up',
  version: '1.0.0',
  title: { 'zh-CN': '创业补贴与创业担保贷款贴息', en: 'Start-up subsidy and guaranteed loan interest subsidy' },
  definitions: [subsidyFlow, loanFlow],
  implementations: { guards: { businessStartedWithinMaxAge, businessOperatedMinMonths, quarterWithinLoanTerm }, actions: {} },
  parameters: [
    { id: 'startUpSubsidyFen', title: { 'zh-CN': '一次性创业补贴标准（分）', en: 'Start-up subsidy (fen)' }, unit: 'fen', default: 500_000, min: 100_000, max: 2_000_000 },
    { id: 'maxBusinessAgeMonths', title: { 'zh-CN': '创办后可申请补贴的最长月数', en: 'Months after registration a business may claim' }, unit: 'months', default: 36, min: 12, max: 60 },
    { id: 'minOperatingMonths', title: { 'zh-CN': '申请补贴前须正常经营月数', en: 'Months of operation before a claim' }, unit: 'months', default: 12, min: 0, max: 24 },
    {
      id: 'loanCeilingFen',
      title: { 'zh-CN': '个人创业担保贷款额度上限（分）', en: 'Guaranteed loan ceiling for individuals (fen)' },
      unit: 'fen',
      default: 30_000_000,
      min: 5_000_000,
      max: 50_000_000,
      changes: [{ from: '2027-01-01', value: 40_000_000 }],
    },
    { id: 'maxLoanTermMonths', title: { 'zh-CN': '贷款最长期限（月）', en: 'Longest loan term (months)' }, unit: 'months', default: 36, min: 12, max: 36 },
    {
      id: 'subsidySharePercent',
      title: { 'zh-CN': '财政贴息占已付利息比例（%）', en: 'Subsidised share of interest paid (%)' },
      unit: 'percent',
      default: 50,
      min: 10,
      max: 100,
      changes: [{ from: '2027-01-01', value: 60 }],
    },
  ],
  locks: [
    { process: 'start-up-subsidy', element: 'states.applied.on.submit.rules', reason: { 'zh-CN': '补贴对象与标准为国家政策', en: 'Who qualifies and how much is national policy' } },
    { process: 'start-up-subsidy', element: 'states.submitted.on.approve.separateFrom', reason: { 'zh-CN': '资金拨付须经受理人以外的人员审核', en: 'A payment must be approved by someone other than who prepared it' } },
    { process: 'start-up-subsidy', element: 'states.submitted.on.approve.actions', reason: { 'zh-CN': '创业补贴每人只享受一次，由资金台账保证', en: 'The start-up subsidy is paid once per person, which the ledger enforces' } },
    { process: 'business-loan-interest', element: 'states.guaranteeReview.on.approveGuarantee.separateFrom', reason: { 'zh-CN': '担保审核须与资格审查分离', en: 'The guarantee review must be separate from the eligibility check' } },
    { process: 'business-loan-interest', element: 'states.interestClaimed.on.approveInterest.separateFrom', reason: { 'zh-CN': '贴息拨付须经申报人以外的人员复核', en: 'An interest subsidy must be approved by someone other than who prepared it' } },
    { process: 'business-loan-interest', element: 'states.disbursed.on.claimInterest.rules', reason: { 'zh-CN': '贴息比例与贴息期限为国家政策', en: 'The subsidised share and term are national policy' } },
  ],
  indicators: [
    {
      id: 'start-up-subsidy-on-time-rate',
      title: { 'zh-CN': '创业补贴按时办结率', en: 'Start-up subsidy on-time rate' },
      numerator: { process: 'start-up-subsidy', withDeadline: true, onTime: true },
      denominator: { process: 'start-up-subsidy', withDeadline: true },
      factor: 100,
    },
    {
      id: 'business-loan-interest-on-time-rate',
      title: { 'zh-CN': '创业担保贷款贴息按时办结率', en: 'Guaranteed loan interest subsidy on-time rate' },
      numerator: { process: 'business-loan-interest', withDeadline: true, onTime: true },
      denominator: { process: 'business-loan-interest', withDeadline: true },
      factor: 100,
    },
    {
      id: 'loan-interest-claim-approval-rate',
      title: { 'zh-CN': '贴息申报复核通过率', en: 'Interest subsidy claims approved' },
      numerator: { process: 'business-loan-interest', event: 'approveInterest' },
      denominator: { process: 'business-loan-interest', from: 'interestClaimed' },
      factor: 100,
    },
  ],
  subscriptions: [],
});
