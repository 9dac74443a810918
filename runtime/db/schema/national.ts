import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { exchangeMembers } from './exchange.ts';

/**
 * 全国认领: at the national node, which province holds a nationwide status (a registered
 * unemployment) for an ID number, by the blind index the federation shares: one holder at a time,
 * taken over the exchange before the province commits the status (runtime/national).
 */
export const nationalClaims = pgTable(
  'national_claims',
  {
    idNumberIndex: text('id_number_index').notNull(),
    statusKey: text('status_key').notNull(),
    /** The exchange member of the province that holds it. */
    holder: text('holder').notNull(),
    /** The holder's case that set the status: only its end gives the claim up. */
    caseId: uuid('case_id').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'national_claims_pkey', columns: [t.idNumberIndex, t.statusKey] })],
);

/**
 * At the national node: the provinces it reads, each through the foreign schema `province_<code>`
 * (postgres_fdw, `attachProvince`), and the exchange members that tell the province of each read.
 */
export const nationalProvinces = pgTable('national_provinces', {
  /** The province's division code (`350000`). */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** The province's exchange member, told of each read of its people. */
  memberCode: text('member_code')
    .notNull()
    .references(() => exchangeMembers.code),
  /** The national node's member that tells it. */
  nationalMemberCode: text('national_member_code')
    .notNull()
    .references(() => exchangeMembers.code),
});
