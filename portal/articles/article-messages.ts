import type { ArticleCategory } from '../../runtime/articles/index.ts';
import type { Lang } from '../locale.ts';

/** The texts of the employment work website's pages in zh-CN; English below has the same shape. */
const zhCN = {
  newsTitle: '就业工作资讯',
  newsDescription: '公共就业服务机构发布的就业创业政策法规、工作动态、通知公告和办事指南。',
  newsIntro: '以下信息均由公共就业服务机构撰稿、经审核人审核后发布。',
  columns: { policies: '政策法规', news: '工作动态', announcements: '通知公告', guides: '办事指南' } satisfies Record<ArticleCategory, string>,
  columnsNav: '栏目',
  moreInColumn: (column: string) => `更多${column}`,
  noArticles: '本栏目暂无信息。',
  publishedBy: '发布机构',
  publishedOn: '发布日期',
  documentNo: '文号',
  articleNo: '信息编号',
  attachments: '附件',
  fileSize: (kb: string) => `${kb} KB`,
  searchLabel: '搜索资讯',
  searchPlaceholder: '如：创业补贴',
  searchButton: '搜索',
  searchTitle: (q: string) => `“${q}”相关资讯`,
  searchHeading: '搜索资讯',
  resultCount: (count: string) => `找到 ${count} 条信息`,
  noResults: '没有找到相关信息，请换一个词试试。',
  subscribeColumn: '订阅本栏目（Atom）',
  feedTitle: (column: string) => `就业工作资讯：${column}`,
  feedAll: '全部栏目',
  withdrawnTitle: '该信息已撤下',
  withdrawnText: '该信息已由发布机构撤下，不再公开。',
  backToNews: '返回就业资讯',
};

export type ArticleMessages = typeof zhCN;

const en: ArticleMessages = {
  newsTitle: 'Employment news and policy',
  newsDescription: 'Policies, news, announcements and service guides published by the public employment services.',
  newsIntro: 'Everything here was written by a public employment service office and published after review by someone other than its writer.',
  columns: { policies: 'Policies', news: 'News', announcements: 'Announcements', guides: 'Service guides' },
  columnsNav: 'Columns',
  moreInColumn: (column) => `More ${column.toLowerCase()}`,
  noArticles: 'Nothing has been published in this column yet.',
  publishedBy: 'Published by',
  publishedOn: 'Published',
  documentNo: 'Document number',
  articleNo: 'Reference',
  attachments: 'Attachments',
  fileSize: (kb) => `${kb} KB`,
  searchLabel: 'Search news and policy',
  searchPlaceholder: 'e.g. 创业补贴',
  searchButton: 'Search',
  searchTitle: (q) => `News and policy for “${q}”`,
  searchHeading: 'Search news and policy',
  resultCount: (count) => `${count} ${count === '1' ? 'item' : 'items'} found`,
  noResults: 'Nothing found. Try another word.',
  subscribeColumn: 'Follow this column (Atom feed)',
  feedTitle: (column) => `Employment news and policy: ${column}`,
  feedAll: 'All columns',
  withdrawnTitle: 'This item has been withdrawn',
  withdrawnText: 'The office that published it has taken it down.',
  backToNews: 'Back to news and policy',
};

/** The articles' texts by language. */
export const articleMessages: Record<Lang, ArticleMessages> = { 'zh-CN': zhCN, en };
