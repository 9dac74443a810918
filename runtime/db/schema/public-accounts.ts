import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Citizens' and employers' accounts on the public site, apart from staff `users`. A citizen signs in
 * with the ID number, an employer with the credit code: `login_index` is the blind index of the ID
 * number, or the credit code itself (not personal data), unique per city and kind. The mobile is
 * encrypted, with its masked form. A citizen account is a `persons` row from the start; an employer
 * account gets its `employers` row when a caseworker verifies it.
 */
export const publicAccounts = pgTable(
  'public_accounts',
  {
    id: uuid('id').primaryKey(),
    cityCode: text('city_code').notNull(),
    kind: text('kind', { enum: ['citizen', 'employer'] }).notNull(),
    status: text('status', { enum: ['active', 'pending', 'refused', 'disabled'] }).notNull(),
    loginIndex: text('login_index').notNull(),
    /** The citizen's name, or the employer's name as given at sign-up. */
    displayName: text('display_name').notNull(),
    mobile: text('mobile').notNull(),
    mobileMasked: text('mobile_masked').notNull(),
    personId: uuid('person_id'),
    employerId: uuid('employer_id'),
    creditCode: text('credit_code'),
    /** The employer's agent (经办人), encrypted. */
    agentName: text('agent_name'),
    passwordHash: text('password_hash').notNull(),
    /** Why a caseworker refused an employer account, shown to the employer. */
    refusalReason: text('refusal_reason'),
    /** A demo account: seeded in demo mode, refused in production. */
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('public_accounts_login_key').on(t.cityCode, t.kind, t.loginIndex),
    check('public_accounts_kind_check', sql`${t.kind} IN ('citizen', 'employer')`),
    check('public_accounts_status_check', sql`${t.status} IN ('active', 'pending', 'refused', 'disabled')`),
  ],
);

/** A public account's sessions: only a hash of the cookie's token is stored. */
export const publicSessions = pgTable(
  'public_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => publicAccounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('public_sessions_account_idx').on(t.accountId)],
);

/** The one code last sent to a mobile (by its blind index) for a purpose: a hash, with the wrong tries counted. */
export const publicVerificationCodes = pgTable(
  'public_verification_codes',
  {
    mobileIndex: text('mobile_index').notNull(),
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'public_verification_codes_pkey', columns: [t.mobileIndex, t.purpose] })],
);
