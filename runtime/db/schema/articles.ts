import { customType, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** PostgreSQL's full-text document type, written as a tsvector literal (`'补贴':1A '创业':2A`). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A file of a published article as the public site lists it: never its content, which stays encrypted in `case_attachments`. */
export interface PublicArticleFile {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

/**
 * 就业工作网站: the public face of the article-publishing cases in the state the packages declare as
 * `publishedArticle` (runtime/articles). A projection, written only by the case transaction: a row
 * appears in the step that publishes the article and goes in the step that takes it down. The body
 * is kept as HTML rendered from the Markdown with raw HTML refused, so no page renders it again.
 */
export const publicArticles = pgTable(
  'public_articles',
  {
    cityCode: text('city_code').notNull(),
    /** The case's id: the article's public id. */
    caseId: uuid('case_id').notNull(),
    caseNo: text('case_no').notNull(),
    /** The column: policies, news, announcements or guides. */
    category: text('category').notNull(),
    title: text('title').notNull(),
    documentNo: text('document_no'),
    summary: text('summary').notNull(),
    bodyHtml: text('body_html').notNull(),
    /** The office that published it (the case's org unit), as named when it was published. */
    officeId: text('office_id').notNull(),
    officeName: text('office_name').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** The files sent with the reviewed version, not withdrawn. */
    attachments: jsonb('attachments').$type<PublicArticleFile[]>().notNull(),
    /** The words of title, document number, summary and body as jieba cuts them in search mode, weighted A to C. */
    search: tsvector('search').notNull(),
  },
  (t) => [
    primaryKey({ name: 'public_articles_pkey', columns: [t.cityCode, t.caseId] }),
    uniqueIndex('public_articles_case_key').on(t.caseId),
    index('public_articles_search_idx').using('gin', t.search),
    index('public_articles_category_idx').on(t.category, t.publishedAt),
  ],
);
