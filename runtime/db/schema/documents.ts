import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** What a verification page may tell of an issued document: no personal data beyond a masked name. */
export interface IssuedDocumentContent {
  /** The plugin's document id, e.g. `acceptance-receipt`. */
  kind: string;
  title: { 'zh-CN': string; en: string };
  number: string;
  caseNo: string;
  office: string;
  maskedName: string;
  issuedAt: string;
}

/**
 * 出具文书: every document printed from a case, with the random token its QR code carries and the
 * SHA-256 of everything it printed, so a public page can tell whether a copy is genuine and current.
 * Issuing the same document of a case again supersedes the earlier one.
 */
export const issuedDocuments = pgTable(
  'issued_documents',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    /** Random, 32 bytes base64url after the city code: what the QR code opens (`/verify/<token>`). */
    token: text('token').notNull(),
    /** SHA-256 (hex) of the printed content, personal fields included, as issued. */
    contentHash: text('content_hash').notNull(),
    /** The public part: kind, title, number, office, masked name, date. */
    content: jsonb('content').$type<IssuedDocumentContent>().notNull(),
    issuedBy: uuid('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    supersededBy: uuid('superseded_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    primaryKey({ name: 'issued_documents_pkey', columns: [t.cityCode, t.id] }),
    uniqueIndex('issued_documents_token_key').on(t.token),
    index('issued_documents_case_idx').on(t.cityCode, t.caseId),
    // One current document of a kind per case: issuing again supersedes the earlier one.
    uniqueIndex('issued_documents_current_key').on(t.cityCode, t.caseId, t.kind).where(sql`superseded_by IS NULL`),
  ],
);
