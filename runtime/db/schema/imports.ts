import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { legacyImportMeanings } from '../../../engine/index.ts';
import { orgUnits, users } from './organisation.ts';

/**
 * What a bulk import brings in: persons, employers, and registrations from a city's earlier system,
 * one kind per meaning a package may declare a legacy import for (`legacyImportMeanings`).
 */
export const IMPORT_KINDS = ['persons', 'employers', ...legacyImportMeanings] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Where an import stands: validated (dry run done, awaiting a reviewer), approved (committing in batches, resumable), committed, discarded. */
export const IMPORT_STATUSES = ['validated', 'approved', 'committed', 'discarded'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A bilingual reason, as the report and the API carry it. */
export interface ImportReason {
  'zh-CN': string;
  en: string;
}

/** A column mapping saved under a name per kind: field id -> the header text of the city's files. */
export const importTemplates = pgTable(
  'import_templates',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    name: text('name').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    updatedBy: uuid('updated_by').notNull().references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'import_templates_pkey', columns: [t.cityCode, t.id] }), unique('import_templates_city_kind_name_key').on(t.cityCode, t.kind, t.name)],
);

/**
 * One uploaded file and what became of it (the import history): who uploaded it, who approved it,
 * the dry run's counts, and the commit's progress (`cursor`: the last row number committed, so a
 * commit that stopped resumes after it). A file (its SHA-256) is imported once per city and kind:
 * the key leaves discarded uploads out, so a corrected file may be uploaded again after a discard.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    fileType: text('file_type', { enum: ['csv', 'xlsx'] }).notNull(),
    /** The mapping used: field id -> header text; the template it came from, if any. */
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    templateId: uuid('template_id'),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    totalRows: integer('total_rows').notNull(),
    acceptedRows: integer('accepted_rows').notNull(),
    warningRows: integer('warning_rows').notNull(),
    errorRows: integer('error_rows').notNull(),
    /** Rows to commit (accepted and with warnings) and how many are done; skipped: registered by someone else between dry run and commit. */
    commitTotal: integer('commit_total').notNull(),
    committedRows: integer('committed_rows').notNull().default(0),
    skippedRows: integer('skipped_rows').notNull().default(0),
    cursor: integer('cursor').notNull().default(0),
    /** The code of the error that stopped the commit; cleared when it resumes. */
    failure: text('failure'),
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    discardedBy: uuid('discarded_by').references(() => users.id),
    discardedAt: timestamp('discarded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'import_jobs_pkey', columns: [t.cityCode, t.id] }),
    uniqueIndex('import_jobs_city_kind_hash_key').on(t.cityCode, t.kind, t.fileHash).where(sql`status <> 'discarded'`),
    index('import_jobs_uploaded_idx').on(t.cityCode, t.uploadedAt),
  ],
);

/**
 * The staging area: each row of a dry run that may be committed, insert-ready, its personal values
 * sealed as the target table keeps them (never clear text at rest). Deleted batch by batch as the
 * commit writes them, and all at once on a discard.
 */
export const importRows = pgTable(
  'import_rows',
  {
    cityCode: text('city_code').notNull(),
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    /** The blind index (or code) the row is unique by in its table. */
    keyIndex: text('key_index').notNull(),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ name: 'import_rows_pkey', columns: [t.cityCode, t.jobId, t.rowNo] })],
);

/** The dry run's findings, row by row and field by field, with the value masked where it is personal; kept with the history. */
export const importIssues = pgTable(
  'import_issues',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    cityCode: text('city_code').notNull(),
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    field: text('field').notNull(),
    severity: text('severity', { enum: ['error', 'warning'] }).notNull(),
    code: text('code').notNull(),
    value: text('value'),
    reason: jsonb('reason').$type<ImportReason>().notNull(),
  },
  (t) => [index('import_issues_job_idx').on(t.cityCode, t.jobId, t.rowNo)],
);
