import { definePlugin } from '../../engine/index.ts';
import { emitDifficultyEnded } from './actions.ts';
import flow from './employment-difficulty.flow.json' with { type: 'json' };
import { withinWorkingAge } from '../common/index.ts';
import { meetsAgeOfCategory, validUntilWithinValidity, visitNotInFuture } from './rules.ts';

const process = 'employment-difficulty';

/** The ministry catalogue of difficulty categories; a city chooses which are in force. */
const categoryOptions = [
  { code: 'age-4050', title: { 'zh-CN': '“4050”人员', en: 'Women 40+ and men 50+' } },
  { code: 'disability', title: { 'zh-CN': '残疾人', en: 'Persons with disabilities' } },
  { code: 'subsistence-allowance', title: { 'zh-CN': '享受最低生活保障人员', en: 'Subsistence allowance recipients' } },
  { code: 'zero-employment-household', title: { 'zh-CN': '零就业家庭成员', en: 'Members of zero-employment households' } },
  { code: 'long-term-unemployed', title: { 'zh-CN': '连续失业一年以上人员', en: 'Unemployed for a year or more' } },
  { code: 'land-expropriated', title: { 'zh-CN': '失去土地人员', en: 'Persons whose land was expropriated' } },
  { code: 'other-local', title: { 'zh-CN': '本地规定的其他人员', en: 'Other locally defined groups' } },
] as const;

/**
 * 就业困难人员认定与援助: verification, public notice, review and recognition for a limited
 * time, then an assistance plan with follow-up visits until the person exits. An employment
 * registration sends an assisted case to a status re-check; every exit resets the person's
 * status and emits `difficulty.ended`, which ends the subsidies that depend on it.
 */
export const employmentDifficulty = definePlugin({
  id: process,
  version: '1.0.0',
  title: { 'zh-CN': '就业困难人员认定与援助', en: 'Employment difficulty recognition and assistance' },
  definitions: [flow],
  implementations: { guards: { meetsAgeOfCategory, withinWorkingAge, validUntilWithinValidity, visitNotInFuture }, actions: { emitDifficultyEnded } },
  parameters: [
    {
      id: 'categories',
      title: { 'zh-CN': '本地认定的就业困难人员类别', en: 'Difficulty categories in force locally' },
      unit: 'codes',
      default: categoryOptions.filter((option) => option.code !== 'other-local').map((option) => option.code),
      options: categoryOptions,
    },
    { id: 'noticeWorkingDays', title: { 'zh-CN': '公示期（工作日）', en: 'Public notice (working days)' }, unit: 'workingDays', default: 5, min: 5, max: 15 },
    { id: 'validityMonths', title: { 'zh-CN': '认定有效期上限（月）', en: 'Longest validity of a recognition (months)' }, unit: 'months', default: 24, min: 12, max: 36 },
  ],
  locks: [
    { process: 'employment-difficulty', element: 'states.publicized', reason: { 'zh-CN': '认定前公示为必经程序', en: 'A public notice before recognition is mandatory' } },
    { process: 'employment-difficulty', element: 'states.applied.on.verify.rules', reason: { 'zh-CN': '失业登记、年龄与重复认定核验为部级条件', en: 'Unemployment registration, age and duplicate checks are ministry conditions' } },
    { process: 'employment-difficulty', element: 'states.reviewed.on.recognize.separateFrom', reason: { 'zh-CN': '认定须与核实分离', en: 'Recognition must be separate from verification' } },
    { process: 'employment-difficulty', element: 'states.reviewed.on.recognize.actions', reason: { 'zh-CN': '认定状态供公益性岗位等补贴核验', en: 'The recognised status is checked by the subsidies that depend on it' } },
    { process: 'employment-difficulty', element: 'states.assisted.on.employmentRegistered', reason: { 'zh-CN': '就业登记后复核困难状态为部级协同规则', en: 'Re-checking the status after an employment registration is a ministry coordination rule' } },
    { process: 'employment-difficulty', element: 'forms.verification.schema.required', reason: { 'zh-CN': '统计口径所需字段不得减少', en: 'Fields required by national statistics may not be dropped' } },
  ],
  indicators: [
    {
      // Exits for employment are made only at the re-check after an employment registration
      // (rules `employed-exit-after-recheck` and `recheck-exit-is-employment`), so exits from
      // `recheck` are exactly the exits with reason "employed".
      id: 'employment-difficulty-assistance-success-rate',
      title: { 'zh-CN': '就业困难人员援助就业率', en: 'Assistance success rate (exits into employment)' },
      numerator: { process, from: 'recheck', to: 'exited' },
      denominator: { process, to: 'exited' },
      factor: 100,
    },
    {
      id: 'employment-difficulty-verification-on-time-rate',
      title: { 'zh-CN': '就业困难人员认定核实按时办结率', en: 'Verification on-time rate' },
      numerator: { process, from: 'applied', withDeadline: true, onTime: true },
      denominator: { process, from: 'applied', withDeadline: true },
      factor: 100,
    },
  ],
  subscriptions: [{ event: 'employment.registered', process, send: 'employmentRegistered' }],
});
