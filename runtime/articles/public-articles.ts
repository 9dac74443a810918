import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { isRecordId } from '../db/index.ts';
import { caseAttachments, caseEvents, cases, publicArticles as a } from '../db/schema/index.ts';
import { tsqueryLiteral } from '../postings/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { publishedArticle } from './article-projection.ts';
import type { ArticleCategory } from './article-row.ts';
import type { ArticleListResult, ArticlePage, ArticleQuery, PublicArticles, PublicArticleSummary } from './types.ts';

/** Articles a page lists, by default and at most. */
export const ARTICLE_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 50;

const summaryColumns = { id: a.caseId, caseNo: a.caseNo, category: a.category, title: a.title, summary: a.summary, officeName: a.officeName, publishedAt: a.publishedAt };

function summaryOf<R extends { category: string; publishedAt: Date }>(row: R): Omit<R, 'publishedAt' | 'category'> & { publishedAt: string; category: ArticleCategory } {
  return { ...row, category: row.category as ArticleCategory, publishedAt: row.publishedAt.toISOString() };
}

/** One page of a column or of a search: the keyword cut by jieba as the job search cuts it, newest first (by relevance first with a keyword). */
async function listArticles(rt: RuntimeContext, query: ArticleQuery): Promise<ArticleListResult> {
  const page = Math.max(1, Math.trunc(query.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(query.pageSize ?? ARTICLE_PAGE_SIZE)));
  const tsquery = query.q === undefined || query.q.trim() === '' ? undefined : tsqueryLiteral(query.q);
  const filters: SQL[] = [];
  if (query.category) filters.push(eq(a.category, query.category));
  if (query.q !== undefined && query.q.trim() !== '') filters.push(tsquery === undefined ? sql`false` : sql`${a.search} @@ ${tsquery}::tsquery`);
  const where = and(...filters);
  const order = tsquery === undefined ? [desc(a.publishedAt), asc(a.caseId)] : [sql`ts_rank(${a.search}, ${tsquery}::tsquery) DESC`, desc(a.publishedAt), asc(a.caseId)];
  const [items, [total]] = await Promise.all([
    rt.db.select(summaryColumns).from(a).where(where).orderBy(...order).limit(pageSize).offset((page - 1) * pageSize),
    rt.db.select({ n: count() }).from(a).where(where),
  ]);
  return { total: Number(total?.n ?? 0), page, pageSize, items: items.map(summaryOf) satisfies PublicArticleSummary[] };
}

/** An article's page: live while its row is there; withdrawn for an article case that was once published (a performance record entered that state); undefined otherwise. */
async function articlePage(rt: RuntimeContext, id: string): Promise<ArticlePage | undefined> {
  if (!isRecordId(id)) return undefined;
  const [live] = await rt.db
    .select({ ...summaryColumns, documentNo: a.documentNo, bodyHtml: a.bodyHtml, attachments: a.attachments })
    .from(a)
    .where(eq(a.caseId, id))
    .limit(1);
  if (live) return { status: 'live', article: summaryOf(live) };
  const meaning = publishedArticle(rt.registry);
  if (!meaning) return undefined;
  const [was] = await rt.db
    .select({ data: cases.data })
    .from(cases)
    .innerJoin(caseEvents, and(eq(caseEvents.cityCode, cases.cityCode), eq(caseEvents.caseId, cases.id), eq(caseEvents.toState, meaning.state)))
    .where(and(eq(cases.id, id), eq(cases.processId, meaning.process)))
    .limit(1);
  if (!was) return undefined;
  return { status: 'withdrawn', title: typeof was.data['title'] === 'string' ? was.data['title'] : '' };
}

/** A file of a published article, only when the article's public row lists it (never a file of a draft, or one withdrawn). */
async function articleFile(rt: RuntimeContext, articleId: string, fileId: string) {
  if (!isRecordId(articleId) || !isRecordId(fileId)) return undefined;
  const [article] = await rt.db.select({ cityCode: a.cityCode, attachments: a.attachments }).from(a).where(eq(a.caseId, articleId)).limit(1);
  if (!article?.attachments.some((file) => file.id === fileId)) return undefined;
  const [found] = await rt.db
    .select({ fileName: caseAttachments.fileName, mediaType: caseAttachments.mediaType, content: caseAttachments.content })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.cityCode, article.cityCode), eq(caseAttachments.caseId, articleId), eq(caseAttachments.id, fileId), sql`${caseAttachments.withdrawnAt} IS NULL`))
    .limit(1);
  return found && { fileName: found.fileName, mediaType: found.mediaType, content: rt.cipher.decryptBytes(found.content) };
}

/** The published articles as the public site reads them: nothing of a draft, a review or the staff who did them. */
export function publicArticles(rt: RuntimeContext): PublicArticles {
  return {
    list: (query) => listArticles(rt, query),
    page: (id) => articlePage(rt, id),
    file: (articleId, fileId) => articleFile(rt, articleId, fileId),
    sitemap: async () =>
      (await rt.db.select({ id: a.caseId, updatedAt: a.updatedAt }).from(a).orderBy(desc(a.updatedAt), asc(a.caseId))).map((row) => ({ id: row.id, updatedAt: row.updatedAt.toISOString() })),
  };
}
