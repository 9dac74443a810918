import { definePlugin } from '../../engine/index.ts';
import flow from './public-welfare-post.flow.json' with { type: 'json' };
import { periodNotBeforePlacement, periodNotInFuture, withinSubsidyTerm } from './rules.ts';

const process = 'public-welfare-post';

/**
 * 公益性岗位补贴: a recognised person with employment difficulty, employed in a public-welfare
 * post, is subsidised month by month: the caseworker submits each month's claim, a different
 * reviewer approves it, and the approval pays the month into the ledger (one payment per
 * person and month, whatever the fund). The subsidy ends by hand, or when the person's
 * employment difficulty ends.
 *
 * The monthly cap's change of 2026-07-01 (180,000 -> 200,000 fen) is made up for the
 * demonstration, as an effective-dated ministry change would be entered; it is no real notice.
 */
export const publicWelfarePost = definePlugin({
  id: process,
  version: '1.0.0',
  title: { 'zh-CN': '公益性岗位补贴', en: 'Public-welfare post subsidy' },
  definitions: [flow],
  implementations: { guards: { periodNotBeforePlacement, periodNotInFuture, withinSubsidyTerm }, actions: {} },
  parameters: [
    {
      id: 'monthlyCapFen',
      title: { 'zh-CN': '月补贴上限（分）', en: 'Monthly subsidy cap (fen)' },
      unit: 'fen',
      default: 180_000,
      min: 50_000,
      max: 500_000,
      changes: [{ from: '2026-07-01', value: 200_000 }],
    },
    { id: 'maxMonths', title: { 'zh-CN': '补贴期限（月）', en: 'Subsidy term (months)' }, unit: 'months', default: 36, min: 36, max: 36 },
    {
      id: 'nearRetirementYears',
      title: { 'zh-CN': '可延长至退休的距退休年限', en: 'Years before retirement within which the subsidy runs to retirement' },
      unit: 'years',
      default: 5,
      min: 5,
      max: 5,
    },
  ],
  locks: [
    { process: 'public-welfare-post', element: 'states.postApproved.on.place.rules', reason: { 'zh-CN': '安置对象须为已就业的就业困难人员', en: 'Only employed persons recognised with employment difficulty may be placed' } },
    { process: 'public-welfare-post', element: 'states.placed.on.submitClaim.rules', reason: { 'zh-CN': '补贴标准与期限为部级规定', en: 'The subsidy amount and term are ministry rules' } },
    { process: 'public-welfare-post', element: 'states.claimSubmitted.on.approveClaim.separateFrom', reason: { 'zh-CN': '资金拨付须审核与申报分离', en: 'A payment must be approved by someone other than who prepared it' } },
    { process: 'public-welfare-post', element: 'states.claimSubmitted.on.approveClaim.actions', reason: { 'zh-CN': '拨付记入就业补助资金台账', en: 'Payments are entered in the employment subsidy fund ledger' } },
    { process: 'public-welfare-post', element: 'states.placed.on.difficultyEnded', reason: { 'zh-CN': '就业困难人员退出后终止补贴为部级协同规则', en: 'Ending the subsidy when the difficulty ends is a ministry coordination rule' } },
  ],
  indicators: [
    {
      id: 'public-welfare-post-claim-review-on-time-rate',
      title: { 'zh-CN': '公益性岗位补贴按时审核率', en: 'Claims reviewed on time' },
      numerator: { process, from: 'claimSubmitted', withDeadline: true, onTime: true },
      denominator: { process, from: 'claimSubmitted', withDeadline: true },
      factor: 100,
    },
  ],
  subscriptions: [{ event: 'difficulty.ended', process, send: 'difficultyEnded', data: { endReason: 'difficulty-ended' } }],
});
