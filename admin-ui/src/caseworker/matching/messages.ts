import { defineMessages } from '../../i18n.ts';

/** The texts of matching job seekers and vacancies (the vacancy's case page, the person page), zh-CN first. */
export const useMatchingMessages = defineMessages({
  seekerMatches: { 'zh-CN': '匹配的求职人员', en: 'Matching job seekers' },
  noSeekers: { 'zh-CN': '暂无匹配的求职人员（需有有效的求职登记）', en: 'No matching job seeker (an active job-seeking registration is needed)' },
  notPublished: { 'zh-CN': '岗位发布后显示匹配的求职人员', en: 'Matching job seekers are shown once the vacancy is published' },
  seekersTotal: { 'zh-CN': '共 {total} 人匹配，按匹配度排列', en: '{total} matching, best fit first' },
  seekersShown: { 'zh-CN': '共 {total} 人匹配，显示匹配度最高的 {shown} 人', en: '{total} matching, the best {shown} shown' },
  maskedNote: { 'zh-CN': '证件号码已遮蔽；打开档案查看完整信息（查阅留痕）', en: 'ID numbers are masked; open the profile for the full record (the read is recorded)' },
  score: { 'zh-CN': '匹配度 {score}', en: 'Score {score}' },
  registration: { 'zh-CN': '求职登记 {caseNo}', en: 'Registration {caseNo}' },
  exact: { 'zh-CN': '意向职业 {code} 与岗位相同', en: 'Wants this occupation ({code})' },
  'minor-group': { 'zh-CN': '意向职业 {code} 同属一个小类', en: 'Wants {code}, same unit group' },
  'middle-group': { 'zh-CN': '意向职业 {code} 同属一个中类', en: 'Wants {code}, same minor group' },
  'major-group': { 'zh-CN': '意向职业 {code} 同属一个大类', en: 'Wants {code}, same major group' },
  county: { 'zh-CN': '意向工作地 {code} 同一区县', en: 'Wants to work in {code}, same county' },
  city: { 'zh-CN': '意向工作地 {code} 同一城市', en: 'Wants to work in {code}, same city' },
  province: { 'zh-CN': '意向工作地 {code} 同一省份', en: 'Wants to work in {code}, same province' },
  payFits: { 'zh-CN': '薪酬达到期望', en: 'Pay meets expectation' },
  payShort: { 'zh-CN': '薪酬低于期望', en: 'Pay below expectation' },
  educationFits: { 'zh-CN': '文化程度符合要求', en: 'Education meets the requirement' },
  educationShort: { 'zh-CN': '文化程度低于要求', en: 'Education below the requirement' },
  availableInTime: { 'zh-CN': '岗位有效期内可到岗', en: 'Can start while the vacancy is open' },
  availableLate: { 'zh-CN': '可到岗日期晚于岗位有效期', en: 'Can start only after the vacancy closes' },
  expectedPay: { 'zh-CN': '期望月薪 {pay} 元', en: 'Expects {pay} yuan a month' },
  availableFrom: { 'zh-CN': '{date} 起可到岗', en: 'Available from {date}' },
  findSeekers: { 'zh-CN': '匹配求职人员', en: 'Matching seekers' },
});
