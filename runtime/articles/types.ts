import type { PublicArticleFile } from '../db/schema/index.ts';
import type { ArticleCategory } from './article-row.ts';

export type { PublicArticleFile };

/** An article in a list: what the public may read, with the office that published it. */
export interface PublicArticleSummary {
  id: string;
  caseNo: string;
  category: ArticleCategory;
  title: string;
  summary: string;
  officeName: string;
  /** ISO instant the reviewer published it. */
  publishedAt: string;
}

/** A published article as its page shows it: the body already rendered and sanitised. */
export interface PublicArticle extends PublicArticleSummary {
  documentNo: string | null;
  bodyHtml: string;
  attachments: PublicArticleFile[];
}

/** A list of one column, or a search, one page of it, newest first. */
export interface ArticleQuery {
  category?: ArticleCategory;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface ArticleListResult {
  total: number;
  page: number;
  pageSize: number;
  items: PublicArticleSummary[];
}

/** An article's page: on the site, or taken down (its title only); undefined when never published. */
export type ArticlePage = { status: 'live'; article: PublicArticle } | { status: 'withdrawn'; title: string };

/** A file of a published article, decrypted for download. */
export interface ArticleFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/** What the public site reads of the employment work website: published articles only. */
export interface PublicArticles {
  list(query: ArticleQuery): Promise<ArticleListResult>;
  page(id: string): Promise<ArticlePage | undefined>;
  file(articleId: string, fileId: string): Promise<ArticleFile | undefined>;
  sitemap(): Promise<{ id: string; updatedAt: string }[]>;
}
