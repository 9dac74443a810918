import { definePlugin } from '../../engine/index.ts';
import jobReferral from './job-referral.flow.json' with { type: 'json' };
import jobSeeking from './job-seeking.flow.json' with { type: 'json' };
import {
  DEFAULT_MAX_VALIDITY_DAYS,
  noEthnicityRequirement,
  noHepatitisBRequirement,
  noRuralHukouRequirement,
  noSexRequirement,
  validityWithinLimit,
  validUntilNotPast,
} from './rules.ts';
import vacancyPosting from './vacancy-posting.flow.json' with { type: 'json' };

export { occupationMatch, payFits, rankVacancies, regionMatch, type OccupationMatch, type RegionMatch, type SeekerProfile, type VacancyMatch, type VacancySummary } from './match.ts';

/**
 * 岗位登记、求职登记与职业介绍: the ministry's vacancy posting, job-seeker registration and
 * job referral. Lock paths name elements that exist in exactly one of the three definitions.
 */
export const jobMatching = definePlugin({
  id: 'job-matching',
  version: '1.0.0',
  title: { 'zh-CN': '岗位登记、求职登记与职业介绍', en: 'Vacancies, job seekers and referrals' },
  definitions: [vacancyPosting, jobSeeking, jobReferral],
  implementations: {
    guards: { validityWithinLimit, validUntilNotPast, noSexRequirement, noEthnicityRequirement, noHepatitisBRequirement, noRuralHukouRequirement },
    actions: {},
  },
  parameters: [
    {
      id: 'maxValidityDays',
      title: { 'zh-CN': '岗位信息最长有效期（日）', en: 'Longest validity of a vacancy posting (days)' },
      unit: 'days',
      default: DEFAULT_MAX_VALIDITY_DAYS,
      min: 30,
      max: 365,
    },
  ],
  locks: [
    { process: 'vacancy-posting', element: 'states.draft.on.submit.rules', reason: { 'zh-CN': '就业歧视审查与用人单位核验为法定要求', en: 'Screening for discrimination and the employer check are statutory' } },
    { process: 'vacancy-posting', element: 'states.revisionRequested.on.resubmit.rules', reason: { 'zh-CN': '就业歧视审查与用人单位核验为法定要求', en: 'Screening for discrimination and the employer check are statutory' } },
    { process: 'vacancy-posting', element: 'states.underReview.on.publish.rules', reason: { 'zh-CN': '就业歧视审查与用人单位核验为法定要求', en: 'Screening for discrimination and the employer check are statutory' } },
    { process: 'vacancy-posting', element: 'states.underReview.on.publish.separateFrom', reason: { 'zh-CN': '岗位审核须与受理分离', en: 'Review must be separate from intake' } },
    { process: 'vacancy-posting', element: 'states.underReview.on.publish.actions', reason: { 'zh-CN': '岗位发布事件供市场供求统计使用', en: 'The publication event feeds the supply and demand statistics' } },
    { process: 'vacancy-posting', element: 'forms.posting.schema.required', reason: { 'zh-CN': '市场供求统计口径所需字段不得减少', en: 'Fields required by the supply and demand statistics may not be dropped' } },
    { process: 'job-referral', element: 'states.hired.on.employmentRegistered', reason: { 'zh-CN': '推荐成功以就业登记为准，为部级统计口径', en: 'A referral succeeds only on an employment registration: a ministry statistical rule' } },
    { process: 'job-referral', element: 'states.interviewed.on.refuseUnjustified.actions', reason: { 'zh-CN': '无正当理由拒绝推荐工作须计数并通知失业保险', en: 'Unjustified refusals must be counted and reported to unemployment insurance' } },
  ],
  indicators: [
    {
      id: 'vacancy-fill-rate',
      title: { 'zh-CN': '岗位招满率', en: 'Vacancy fill rate' },
      numerator: { process: 'vacancy-posting', event: 'fill' },
      denominator: { process: 'vacancy-posting', event: 'publish' },
      factor: 100,
    },
    {
      id: 'vacancy-review-on-time-rate',
      title: { 'zh-CN': '岗位审核按时办结率', en: 'Vacancy review on-time rate' },
      numerator: { process: 'vacancy-posting', from: 'underReview', withDeadline: true, onTime: true },
      denominator: { process: 'vacancy-posting', from: 'underReview', withDeadline: true },
      factor: 100,
    },
    {
      id: 'referral-success-rate',
      title: { 'zh-CN': '职业介绍成功率', en: 'Referral success rate' },
      numerator: { process: 'job-referral', event: 'employmentRegistered' },
      denominator: { process: 'job-referral', event: 'refer' },
      factor: 100,
    },
  ],
  subscriptions: [
    { event: 'employment.registered', process: 'job-seeking', send: 'employmentRegistered' },
    {
      event: 'employment.registered',
      process: 'job-referral',
      send: 'employmentRegistered',
      // Self-employed and flexible work is registered without an employer: no referral to match.
      when: 'has(payload.employerCreditCode)',
      fromPayload: { employerCreditCode: 'hiringEmployerCreditCode' },
    },
  ],
});
