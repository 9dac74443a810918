import type { Lang } from '../locale.ts';

/** The texts of the public notices (公示) and their objection form, zh-CN first; English has the same shape. */
const zhCN = {
  listTitle: '公示公告',
  listIntro: '以下对象正处于公示期。对公示内容有异议的，可在公示期内通过公示页面提出，经办机构将进行核实。',
  empty: '目前没有处于公示期的公示。',
  process: '公示事项',
  name: '姓名',
  amount: '金额',
  post: '岗位',
  employer: '用人单位',
  district: '经办区域',
  period: '公示期',
  periodText: '{start}至{end}',
  yuan: '{amount} 元',
  details: '查看并提出异议',
  objectionHeading: '提出异议',
  objectionIntro: '公示期内，任何单位和个人均可对公示对象提出异议。请如实填写：您的姓名和电话仅用于核实，不会公开。',
  yourName: '您的姓名',
  phone: '手机号码',
  reason: '异议理由',
  reasonHint: '请写明事实和理由（5至500字）。',
  send: '提交异议',
  errorSummary: '请更正以下内容后再提交：',
  sentTitle: '异议已收到',
  sentText: '我们已收到您的异议。经办机构将在核实后依规处理，必要时与您联系。',
  closedTitle: '公示已结束',
  closedText: '该公示已结束或已撤下，不再受理异议。',
  throttledTitle: '提交过于频繁',
  throttledText: '同一网络地址提交异议过于频繁，请一小时后再试。',
  notFoundText: '该公示不存在或已结束。',
  backToList: '返回公示公告',
};

export type NoticeMessages = typeof zhCN;

const en: NoticeMessages = {
  listTitle: 'Public notices',
  listIntro: 'The following are under public notice. Anyone who objects may say so from the notice’s page during its period; the office will look into it.',
  empty: 'No notice is in its period at the moment.',
  process: 'Notice',
  name: 'Name',
  amount: 'Amount',
  post: 'Post',
  employer: 'Employer',
  district: 'District',
  period: 'Notice period',
  periodText: '{start} to {end}',
  yuan: '{amount} yuan',
  details: 'View and object',
  objectionHeading: 'Raise an objection',
  objectionIntro: 'During the notice period, anyone may object to what is noticed. Please answer truthfully: your name and phone number are used only to look into it and are never published.',
  yourName: 'Your name',
  phone: 'Mobile number',
  reason: 'Reason for the objection',
  reasonHint: 'State the facts and your reasons (5 to 500 characters).',
  send: 'Send the objection',
  errorSummary: 'Please correct the following and send again:',
  sentTitle: 'Objection received',
  sentText: 'We have received your objection. The office will look into it and act on it, and may contact you.',
  closedTitle: 'The notice has ended',
  closedText: 'This notice has ended or was taken down: objections are no longer taken.',
  throttledTitle: 'Too many objections',
  throttledText: 'Too many objections were sent from this network address: please try again in an hour.',
  notFoundText: 'This notice does not exist or has ended.',
  backToList: 'Back to the public notices',
};

const texts: Record<Lang, NoticeMessages> = { 'zh-CN': zhCN, en };

/** The notices' texts in a language. */
export function noticeMessages(lang: Lang): NoticeMessages {
  return texts[lang];
}
