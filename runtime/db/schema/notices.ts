import { bigint, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * 公示: the public face of the cases waiting in a state whose definition declares a public notice
 * (runtime/notices). A projection, written only by the case transaction: a row appears when a case
 * enters the notice state and goes in the step that takes it out (the period's timer, an
 * objection). Public fields only: the name masked (张*三), never an ID number or phone.
 */
export const publicNotices = pgTable(
  'public_notices',
  {
    cityCode: text('city_code').notNull(),
    caseId: uuid('case_id').notNull(),
    /** The notice's public id, new for each period (a case noticed again after an objection gets another). */
    id: uuid('id').notNull(),
    processId: text('process_id').notNull(),
    state: text('state').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    maskedName: text('masked_name').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    post: text('post'),
    /** The name of the unit offering the post (用人单位), where the notice has one: an organisation's, never a person's data. */
    employer: text('employer'),
    /** The district (or city) of the office handling the case, by name. */
    district: text('district').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'public_notices_pkey', columns: [t.cityCode, t.caseId] }),
    uniqueIndex('public_notices_id_idx').on(t.id),
    index('public_notices_ends_idx').on(t.endsAt),
  ],
);

/**
 * 异议: objections a member of the public sent to a notice during its period. Who sent it (name,
 * phone) is sealed by the field cipher; the address is kept only as its blind index, to throttle.
 */
export const noticeObjections = pgTable(
  'notice_objections',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    noticeId: uuid('notice_id').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    reason: text('reason').notNull(),
    addressIndex: text('address_index'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'notice_objections_pkey', columns: [t.cityCode, t.id] }),
    index('notice_objections_case_idx').on(t.cityCode, t.caseId),
    index('notice_objections_address_idx').on(t.addressIndex, t.receivedAt),
  ],
);
