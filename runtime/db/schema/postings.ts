import { bigint, customType, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** PostgreSQL's full-text document type, written as a tsvector literal (`'会计':1A '财务':2C`). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * 公共招聘网: the public face of the vacancy-posting cases that are in the state the packages declare
 * as `publishedVacancy` (runtime/postings). A projection, never written but by the case transaction:
 * a row appears, changes and goes in the transaction of the step that publishes, changes or ends
 * the posting. Public fields only: no contact person or phone, no notes, no caseworker.
 */
export const publicPostings = pgTable(
  'public_postings',
  {
    cityCode: text('city_code').notNull(),
    /** The case's id: the posting's public id. */
    caseId: uuid('case_id').notNull(),
    caseNo: text('case_no').notNull(),
    title: text('title').notNull(),
    employerId: uuid('employer_id').notNull(),
    employerName: text('employer_name').notNull(),
    employerCreditCode: text('employer_credit_code').notNull(),
    /** The work area as the form gives it (6, 9 or 12 digits), its county (6 digits) and a name. */
    workArea: text('work_area').notNull(),
    district: text('district').notNull(),
    workAreaName: text('work_area_name').notNull(),
    occupation: text('occupation').notNull(),
    occupationName: text('occupation_name').notNull(),
    /** GB/T 4754-2017 class (4 digits), its section letter and name; null when the form has none. */
    industry: text('industry'),
    industrySection: text('industry_section'),
    industryName: text('industry_name'),
    payMinFen: bigint('pay_min_fen', { mode: 'number' }).notNull(),
    payMaxFen: bigint('pay_max_fen', { mode: 'number' }).notNull(),
    payBasis: text('pay_basis').notNull(),
    /** The pay range as monthly pay (hourly pay at 174 hours a month); null for piece rates, which have no monthly figure. */
    monthlyMinFen: bigint('monthly_min_fen', { mode: 'number' }),
    monthlyMaxFen: bigint('monthly_max_fen', { mode: 'number' }),
    education: text('education').notNull(),
    employmentForm: text('employment_form').notNull(),
    headcount: integer('headcount').notNull(),
    skillLevel: text('skill_level'),
    experienceYears: integer('experience_years'),
    duties: text('duties').notNull(),
    requirements: text('requirements'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** When the case entered the published state, and when the row last changed. */
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'public_postings_pkey', columns: [t.cityCode, t.caseId] }),
    // The public id names no city.
    uniqueIndex('public_postings_case_key').on(t.caseId),
  ],
);

/**
 * The search side of each public posting, a narrow row kept with it (same transaction, deleted
 * with it): the values search filters and counts by, and the words it finds the posting by. A
 * search and its facet counts read every posting matching the keyword; these rows are about a
 * third of the size of the posting's whole row (no texts, words without positions), so that
 * reading stays in memory. Migration 0047 keeps `words` out of the row (in TOAST: the GIN index
 * answers for it and a count never reads it) through a column drizzle does not know, `spill`, a
 * generated constant that takes every row past the size at which PostgreSQL moves values out
 * (about 250 bytes a row are left of 526).
 */
export const publicPostingSearch = pgTable(
  'public_posting_search',
  {
    cityCode: text('city_code').notNull(),
    caseId: uuid('case_id').notNull(),
    district: text('district').notNull(),
    occupation: text('occupation').notNull(),
    industrySection: text('industry_section'),
    education: text('education').notNull(),
    employmentForm: text('employment_form').notNull(),
    monthlyMinFen: bigint('monthly_min_fen', { mode: 'number' }),
    monthlyMaxFen: bigint('monthly_max_fen', { mode: 'number' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** Every word of title, occupation, employer, duties and requirements as jieba cuts them in search mode, once each, no positions: what a keyword matches. */
    words: tsvector('words').notNull(),
    /** The words of title and occupation with their positions: what relevance ranks by. */
    rankWords: tsvector('rank_words').notNull(),
  },
  (t) => [
    primaryKey({ name: 'public_posting_search_pkey', columns: [t.cityCode, t.caseId] }),
    foreignKey({ name: 'public_posting_search_posting_fk', columns: [t.cityCode, t.caseId], foreignColumns: [publicPostings.cityCode, publicPostings.caseId] }).onDelete('cascade'),
    index('public_posting_search_words_idx').using('gin', t.words),
    index('public_posting_search_published_idx').on(t.publishedAt),
    // Pattern operators: a city's or a province's postings (`district LIKE '3505%'`) are found by the index too, not only a county's.
    index('public_posting_search_district_idx').on(t.district.op('text_pattern_ops')),
  ],
);
