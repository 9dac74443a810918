import type { Lang } from '../locale.ts';

/** The texts of the employer's pages (zh-CN first; English of the same shape), apart from the site's shared ones. */
const zhCN = {
  postingsTitle: '我的招聘岗位',
  postingsIntro: '在这里发布招聘岗位、查看审核结果、修改或撤回岗位。岗位经公共就业服务机构审核通过后立即在本站发布。',
  newPosting: '发布新岗位',
  newPostingTitle: '填写招聘岗位',
  newPostingIntro: '请如实填写岗位信息（带 * 的为必填项）。提交后由公共就业服务机构审核，通过后立即在本站发布。招聘信息不得含有性别、民族、户籍、乙肝等歧视性内容。',
  employerLine: '用人单位：{name}',
  submit: '提交审核',
  formHasErrors: '未能提交，请按提示修改：',
  noPostings: '还没有发布过岗位。',
  colTitle: '岗位',
  colCaseNo: '业务编号',
  colState: '状态',
  colUpdated: '更新时间',
  colRemarks: '审核意见',
  liveOnSite: '已在本站发布',
  viewPublic: '查看公开页面',
  done: {
    submitted: '岗位已提交，等待审核。',
    edited: '修改已提交。审核通过前，岗位暂不在本站显示。',
    withdrawn: '岗位已撤回，已从本站撤下。',
  },
  detailIntro: '业务编号 {caseNo} · 状态：{state}',
  editHeading: '修改岗位信息',
  editLive: '修改已发布的岗位须重新审核：提交后岗位暂时从本站撤下，审核通过后重新发布。',
  editButton: '提交修改',
  withdrawHeading: '撤回岗位',
  withdrawIntro: '撤回后岗位立即从本站撤下，且不能恢复。',
  withdrawButton: '撤回岗位',
  remarksHeading: '审核意见',
  noRemarks: '暂无审核意见。',
  backToPostings: '返回我的招聘岗位',
  postingData: '岗位信息',
  applicationsHeading: '应聘人员',
  applicationsIntro: '在网上应聘该岗位的人员：查看其附言，记录录用或不录用。',
  viewApplications: '查看应聘人员',
};

const en: typeof zhCN = {
  postingsTitle: 'My job postings',
  postingsIntro: 'Post jobs, see the outcome of their review, edit or withdraw them here. A posting is live on this site as soon as the public employment service approves it.',
  newPosting: 'Post a new job',
  newPostingTitle: 'New job posting',
  newPostingIntro: 'Fill in the posting truthfully (fields marked * are required). The public employment service reviews it; once approved it is live on this site at once. A posting may not restrict applicants by sex, ethnicity, hukou, hepatitis B or other grounds of discrimination.',
  employerLine: 'Employer: {name}',
  submit: 'Submit for review',
  formHasErrors: 'Not submitted: please correct the following.',
  noPostings: 'You have not posted any job yet.',
  colTitle: 'Job',
  colCaseNo: 'Case number',
  colState: 'State',
  colUpdated: 'Updated',
  colRemarks: 'Review remarks',
  liveOnSite: 'Live on this site',
  viewPublic: 'See the public page',
  done: {
    submitted: 'The posting was submitted and waits for review.',
    edited: 'Your changes were submitted. The posting is off this site until they are approved.',
    withdrawn: 'The posting was withdrawn and taken off this site.',
  },
  detailIntro: 'Case number {caseNo} · State: {state}',
  editHeading: 'Edit the posting',
  editLive: 'An edited posting is reviewed again: once you submit, it is off this site until the review approves it.',
  editButton: 'Submit the changes',
  withdrawHeading: 'Withdraw the posting',
  withdrawIntro: 'A withdrawn posting leaves this site at once and cannot be restored.',
  withdrawButton: 'Withdraw the posting',
  remarksHeading: 'Review remarks',
  noRemarks: 'No review remarks yet.',
  backToPostings: 'Back to my job postings',
  postingData: 'The posting',
  applicationsHeading: 'Applicants',
  applicationsIntro: 'Who applied to this job online: read their notes, record a hire or a “not taken”.',
  viewApplications: 'See the applicants',
};

/** The employer pages' texts in a language. */
export function employerMessages(lang: Lang): typeof zhCN {
  return lang === 'en' ? en : zhCN;
}

export type EmployerMessages = typeof zhCN;
