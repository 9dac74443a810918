import { pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { exchangeMembers } from './exchange.ts';

/** 银行接口: which exchange member sends a city's payment batches, and the bank's member that takes them. */
export const bankConnectors = pgTable(
  'bank_connectors',
  {
    cityCode: text('city_code').primaryKey(),
    memberCode: text('member_code').notNull().references(() => exchangeMembers.code),
    bankMemberCode: text('bank_member_code').notNull().references(() => exchangeMembers.code),
  },
  // A reconciliation coming back names its city by who sent it to whom.
  (t) => [unique('bank_connectors_member_bank_key').on(t.memberCode, t.bankMemberCode)],
);

/**
 * A payment batch sent to the bank over the exchange, once: the primary key on the batch (and the
 * unique batch number) refuses a second sending in the database. Names the outbox message it went
 * in and, once the bank answered, the reconciliation it was applied as.
 */
export const bankTransmissions = pgTable(
  'bank_transmissions',
  {
    cityCode: text('city_code').notNull(),
    batchId: uuid('batch_id').notNull(),
    batchNo: text('batch_no').notNull(),
    sender: text('sender').notNull(),
    receiver: text('receiver').notNull(),
    messageId: uuid('message_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    reconciliationId: uuid('reconciliation_id'),
    reconciliationMessageId: uuid('reconciliation_message_id'),
    reconciledAt: timestamp('reconciled_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ name: 'bank_transmissions_pkey', columns: [t.cityCode, t.batchId] }), unique('bank_transmissions_batch_no_key').on(t.cityCode, t.batchNo)],
);
