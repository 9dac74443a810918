import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** Where an application stands as its citizen sees it: sent, seen by the employer, hired, or not taken. */
export const APPLICATION_STATES = ['sent', 'seen', 'hired', 'declined'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/**
 * A citizen's application to a posting from the public site. The work is a job-referral case
 * (`referral_case_id`), opened online and referred by the applicant, so the referral indicators
 * count it and the office follows it up; this row is the employer's and the citizen's view of it.
 * One per person and posting: the key decides, not a read, even for two clicks at the same moment.
 */
export const jobApplications = pgTable(
  'job_applications',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    /** The posting (its vacancy-posting case, whose id is the posting's public id). */
    vacancyCaseId: uuid('vacancy_case_id').notNull(),
    referralCaseId: uuid('referral_case_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** The public account that applied. */
    accountId: uuid('account_id').notNull(),
    /** The posting's employer: only its account sees the application. */
    employerId: uuid('employer_id').notNull(),
    note: text('note'),
    /** The applicant chose to show their mobile number to the employer. */
    sharePhone: boolean('share_phone').notNull().default(false),
    state: text('state', { enum: APPLICATION_STATES }).notNull().default('sent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }),
    /** When the employer recorded a hire or said no. */
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The employment registration a recorded hire opened. */
    employmentCaseId: uuid('employment_case_id'),
  },
  (t) => [
    primaryKey({ name: 'job_applications_pkey', columns: [t.cityCode, t.id] }),
    unique('job_applications_person_posting_key').on(t.cityCode, t.vacancyCaseId, t.personId),
    index('job_applications_posting_idx').on(t.employerId, t.vacancyCaseId),
    index('job_applications_account_idx').on(t.accountId),
  ],
);

/**
 * A citizen's saved search of the public postings: the query string as the search page writes it
 * and the query it parses to; its alerts cover postings published after `checked_at`, and its
 * Atom feed answers at an address holding `feed_token`, a secret of its own.
 */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    queryString: text('query_string').notNull(),
    query: jsonb('query').$type<Record<string, string | number>>().notNull(),
    feedToken: text('feed_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The postings published up to this instant have been looked at for alerts. */
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('saved_searches_feed_token_key').on(t.feedToken),
    unique('saved_searches_account_query_key').on(t.accountId, t.queryString),
    index('saved_searches_checked_idx').on(t.checkedAt),
  ],
);

/** A posting as a message lists it: enough to link to it after it has gone. */
export interface MessagePosting {
  id: string;
  title: string;
  employerName: string;
}

/** The public account's message box (on `/my`): for now, new postings matching a saved search. */
export const accountMessages = pgTable(
  'account_messages',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    kind: text('kind', { enum: ['search-alert'] }).notNull(),
    savedSearchId: uuid('saved_search_id'),
    postings: jsonb('postings').$type<MessagePosting[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('account_messages_account_idx').on(t.accountId, t.createdAt)],
);
