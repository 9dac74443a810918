import type { Lang } from '../locale.ts';

/** The texts of a page refused to the visitor, zh-CN first. */
const zhCN = {
  myAccount: '我的',
  forbiddenTitle: '无法访问',
  forbiddenText: '此页面需要其他类型的账号，或账号尚未通过核验。',
  expiredTitle: '页面已过期',
  expiredText: '为保护您的账号，请返回上一页刷新后重新提交。',
};

const en: typeof zhCN = {
  myAccount: 'My account',
  forbiddenTitle: 'Not available',
  forbiddenText: 'This page needs another kind of account, or the account is not verified yet.',
  expiredTitle: 'The page has expired',
  expiredText: 'To protect your account, go back, reload the page and send the form again.',
};

/** The refusal texts of a language. */
export function sessionTexts(lang: Lang): typeof zhCN {
  return lang === 'en' ? en : zhCN;
}
