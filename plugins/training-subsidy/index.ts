import { definePlugin, type NumberParameterSpec } from '../../engine/index.ts';
import { withinCatalogueRate } from './rules.ts';
import flow from './training-subsidy.flow.json' with { type: 'json' };

const levelTitles = {
  1: { 'zh-CN': '一级／高级技师', en: 'Level 1 (senior technician)' },
  2: { 'zh-CN': '二级／技师', en: 'Level 2 (technician)' },
  3: { 'zh-CN': '三级／高级工', en: 'Level 3 (senior worker)' },
  4: { 'zh-CN': '四级／中级工', en: 'Level 4 (intermediate worker)' },
  5: { 'zh-CN': '五级／初级工', en: 'Level 5 (junior worker)' },
} as const;

/** One catalogue rate: the most paid for a certificate of a level, in fen, within ministry bounds. */
function rate(level: keyof typeof levelTitles, defaultFen: number, maxFen: number): NumberParameterSpec {
  const title = levelTitles[level];
  return {
    id: `rateLevel${level}Fen`,
    title: { 'zh-CN': `补贴标准：${title['zh-CN']}（分）`, en: `Catalogue rate: ${title.en} (fen)` },
    unit: 'fen',
    default: defaultFen,
    min: 10_000,
    max: maxFen,
  };
}

/**
 * 职业培训补贴 / 技能鉴定补贴 / 技能提升补贴: a trainee of a filed class is trained, assessed and
 * certified, then claims once for the certificate. The fund is chosen by the claim event:
 * `claim` is paid from the employment subsidy fund, `claimUpgrade` (技能提升补贴 for insured
 * workers) from the unemployment insurance fund. Both pay the same ledger item
 * `skill-certificate:<certificate type>:<occupation>` for the certificate's year, so the
 * ledger's one payment per (person, item, period) refuses paying a certificate from both funds.
 */
export const trainingSubsidy = definePlugin({
  id: 'training-subsidy',
  version: '1.0.0',
  title: { 'zh-CN': '职业培训补贴与技能鉴定补贴', en: 'Training and skill appraisal subsidy' },
  definitions: [flow],
  implementations: { guards: { withinCatalogueRate }, actions: {} },
  parameters: [
    rate(5, 100_000, 300_000),
    rate(4, 150_000, 400_000),
    rate(3, 200_000, 500_000),
    rate(2, 250_000, 600_000),
    rate(1, 300_000, 800_000),
    {
      id: 'upgradeMinInsuredMonths',
      title: { 'zh-CN': '技能提升补贴所需失业保险缴费月数', en: 'Months insured before the skill upgrade subsidy' },
      unit: 'months',
      default: 12,
      min: 12,
      max: 36,
    },
  ],
  locks: [
    { process: 'training-subsidy', element: 'states.assessed.on.certify.rules', reason: { 'zh-CN': '只有鉴定合格取得证书方可补贴', en: 'Only a passed assessment with a certificate is subsidised' } },
    { process: 'training-subsidy', element: 'states.claimed.on.approveClaim.separateFrom', reason: { 'zh-CN': '资金拨付须经申领经办人以外的人员审核', en: 'A payment must be approved by someone other than who prepared it' } },
    { process: 'training-subsidy', element: 'states.upgradeClaimed.on.approveUpgrade.separateFrom', reason: { 'zh-CN': '资金拨付须经申领经办人以外的人员审核', en: 'A payment must be approved by someone other than who prepared it' } },
    { process: 'training-subsidy', element: 'states.claimed.on.approveClaim.actions', reason: { 'zh-CN': '同一证书每年只补贴一次，两项资金共用台账项目', en: 'One subsidy per certificate a year: both funds share one ledger item' } },
    { process: 'training-subsidy', element: 'states.upgradeClaimed.on.approveUpgrade.actions', reason: { 'zh-CN': '同一证书每年只补贴一次，两项资金共用台账项目', en: 'One subsidy per certificate a year: both funds share one ledger item' } },
  ],
  indicators: [
    {
      id: 'training-subsidy-on-time-rate',
      title: { 'zh-CN': '职业培训补贴按时办结率', en: 'Training subsidy on-time rate' },
      numerator: { process: 'training-subsidy', withDeadline: true, onTime: true },
      denominator: { process: 'training-subsidy', withDeadline: true },
      factor: 100,
    },
    {
      id: 'training-certification-rate',
      title: { 'zh-CN': '培训取证率', en: 'Trainees certified' },
      numerator: { process: 'training-subsidy', to: 'certified' },
      denominator: { process: 'training-subsidy', to: 'assessed' },
      factor: 100,
    },
  ],
  subscriptions: [],
});
