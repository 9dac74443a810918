import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { caseAttachments, orgUnits, type PublicArticleFile, publicArticles } from '../db/schema/index.ts';
import { tsvectorLiteral } from '../postings/index.ts';
import type { CaseRow } from '../runtime-context.ts';
import { markdownText, renderMarkdown } from './markdown.ts';

/** The columns of the employment work website, in the order the site lists them. */
export const ARTICLE_CATEGORIES = ['policies', 'news', 'announcements', 'guides'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];

/** True when a value names a column. */
export function isArticleCategory(value: unknown): value is ArticleCategory {
  return (ARTICLE_CATEGORIES as readonly unknown[]).includes(value);
}

/** Characters of a summary drawn from the body when the writer gave none. */
const SUMMARY_LENGTH = 120;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The summary the writer gave, or the start of the body's text. */
function summaryOf(data: Record<string, unknown>): string {
  const given = text(data['summary']);
  if (given) return given;
  const body = markdownText(text(data['body']));
  return [...body].length > SUMMARY_LENGTH ? `${[...body].slice(0, SUMMARY_LENGTH).join('')}…` : body;
}

/** The files sent with the article's steps and not withdrawn: those the reviewer saw and approved. */
async function publishedFiles(tx: Executor, row: CaseRow): Promise<PublicArticleFile[]> {
  return tx
    .select({ id: caseAttachments.id, fileName: caseAttachments.fileName, mediaType: caseAttachments.mediaType, sizeBytes: caseAttachments.sizeBytes })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.cityCode, row.cityCode), eq(caseAttachments.caseId, row.id), isNotNull(caseAttachments.eventSeq), isNull(caseAttachments.withdrawnAt)))
    .orderBy(asc(caseAttachments.uploadedAt), asc(caseAttachments.id));
}

/** The public row of an article case in its published state: the sanitised body, the office that published it, its files. */
export async function articleRow(tx: Executor, row: CaseRow, now: Date): Promise<typeof publicArticles.$inferInsert> {
  const { data } = row;
  const [office] = await tx.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, row.orgUnitId));
  const title = text(data['title']);
  const documentNo = text(data['documentNo']) || null;
  const summary = summaryOf(data);
  const body = text(data['body']);
  return {
    cityCode: row.cityCode,
    caseId: row.id,
    caseNo: row.caseNo,
    category: isArticleCategory(data['category']) ? data['category'] : 'news',
    title,
    documentNo,
    summary,
    bodyHtml: renderMarkdown(body),
    officeId: row.orgUnitId,
    officeName: office?.name ?? '',
    publishedAt: new Date(row.snapshot.context.enteredAt),
    updatedAt: now,
    attachments: await publishedFiles(tx, row),
    search: tsvectorLiteral([
      { text: title, weight: 'A' },
      { text: documentNo ?? '', weight: 'A' },
      { text: summary, weight: 'B' },
      { text: markdownText(body), weight: 'C' },
    ]),
  };
}
