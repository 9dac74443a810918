import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const funds = ['employment-subsidy', 'unemployment-insurance'] as const;
const payeeKinds = ['person', 'employer', 'institution', 'bank'] as const;

/**
 * Approved payments to named persons, in integer fen. The same item for the same period is
 * paid once to a person, nationwide and whichever the fund: the unique key (on the blind index
 * of the ID number, which is stored encrypted) has neither city nor fund in it, so neither a
 * second city nor the other fund can pay it again. The preparer and the approver must differ
 * (maker-checker), enforced here as well.
 */
export const ledgerItems = pgTable(
  'ledger_items',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    /** The person's ID number, encrypted. */
    idNumber: text('id_number').notNull(),
    idNumberIndex: text('id_number_index'),
    personName: text('person_name').notNull(),
    subsidyType: text('subsidy_type').notNull(),
    item: text('item').notNull(),
    period: text('period').notNull(),
    fund: text('fund', { enum: funds }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /**
     * Who is paid (engine `Payee`). For the case's own person only the kind is set here: the
     * account is taken from the person's record when a batch is issued. Another payee is fixed at
     * approval: a person's ID number as code and every account are encrypted, the account masked beside it.
     */
    payeeKind: text('payee_kind', { enum: payeeKinds }).notNull().default('person'),
    payeeCode: text('payee_code'),
    payeeName: text('payee_name'),
    payeeAccount: text('payee_account'),
    payeeAccountMasked: text('payee_account_masked'),
    payeeBank: text('payee_bank'),
    caseId: uuid('case_id').notNull(),
    preparedBy: text('prepared_by').notNull(),
    approvedBy: text('approved_by').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'ledger_items_pkey', columns: [t.cityCode, t.id] }),
    uniqueIndex('ledger_items_once_key').on(t.idNumberIndex, t.item, t.period),
    check('ledger_items_maker_checker', sql`${t.preparedBy} <> ${t.approvedBy}`),
    check('ledger_items_amount_positive', sql`${t.amountFen} > 0`),
    index('ledger_items_case_idx').on(t.cityCode, t.caseId),
  ],
);

/**
 * One attempt to pay a ledger item, inside a batch: issued -> sent -> paid | failed ->
 * reconciled. A failed payment may be re-issued in a new batch; at most one attempt per item
 * is not failed, so an item can never be in flight twice.
 */
export const payments = pgTable(
  'payments',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    paymentNo: text('payment_no').notNull(),
    itemId: uuid('item_id').notNull(),
    batchId: uuid('batch_id').notNull(),
    /** The payee's ID number, encrypted, for the bank file. */
    idNumber: text('id_number').notNull(),
    idNumberIndex: text('id_number_index'),
    personName: text('person_name').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** The payee as it was when the payment was issued (null on payments issued before payees were recorded). */
    payeeKind: text('payee_kind', { enum: payeeKinds }),
    /** A person's ID number (encrypted, with its blind index) or an organisation's credit code. */
    payeeCode: text('payee_code'),
    payeeCodeIndex: text('payee_code_index'),
    payeeName: text('payee_name'),
    payeeAccount: text('payee_account'),
    payeeAccountMasked: text('payee_account_masked'),
    payeeBank: text('payee_bank'),
    status: text('status', { enum: ['issued', 'sent', 'paid', 'failed', 'reconciled'] }).notNull(),
    failureReason: text('failure_reason'),
    bankReference: text('bank_reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'payments_pkey', columns: [t.cityCode, t.id] }),
    unique('payments_city_payment_no_key').on(t.cityCode, t.paymentNo),
    uniqueIndex('payments_one_live_key').on(t.cityCode, t.itemId).where(sql`status <> 'failed'`),
    index('payments_batch_idx').on(t.cityCode, t.batchId),
  ],
);

/** A batch of payments from one fund, sent to the bank together: issued -> sent -> reconciled. */
export const paymentBatches = pgTable(
  'payment_batches',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    batchNo: text('batch_no').notNull(),
    fund: text('fund', { enum: funds }).notNull(),
    status: text('status', { enum: ['issued', 'sent', 'reconciled'] }).notNull(),
    paymentCount: integer('payment_count').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    sentBy: text('sent_by'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    reconciledAt: timestamp('reconciled_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'payment_batches_pkey', columns: [t.cityCode, t.id] }),
    unique('payment_batches_city_batch_no_key').on(t.cityCode, t.batchNo),
    // Sending money to the bank is approved by someone other than who issued the batch.
    check('payment_batches_maker_checker', sql`${t.sentBy} IS NULL OR ${t.sentBy} <> ${t.issuedBy}`),
  ],
);

/** An imported bank reconciliation file; the same file (by SHA-256) is imported once. */
export const reconciliations = pgTable(
  'reconciliations',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    lineCount: integer('line_count').notNull(),
    matchedCount: integer('matched_count').notNull(),
    unmatchedCount: integer('unmatched_count').notNull(),
    importedBy: text('imported_by').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'reconciliations_pkey', columns: [t.cityCode, t.id] }), unique('reconciliations_file_key').on(t.cityCode, t.fileSha256)],
);

/** Every line of every reconciliation file, matched or not: unmatched lines are reported, never dropped. */
export const reconciliationLines = pgTable(
  'reconciliation_lines',
  {
    cityCode: text('city_code').notNull(),
    reconciliationId: uuid('reconciliation_id').notNull(),
    lineNo: integer('line_no').notNull(),
    /** The line as the bank sent it, encrypted (it holds an ID number). */
    raw: text('raw').notNull(),
    paymentNo: text('payment_no'),
    status: text('status', { enum: ['matched', 'unmatched'] }).notNull(),
    reason: text('reason'),
  },
  (t) => [primaryKey({ name: 'reconciliation_lines_pkey', columns: [t.cityCode, t.reconciliationId, t.lineNo] })],
);

/** Every money change, append-only (a trigger refuses UPDATE and DELETE). */
export const ledgerHistory = pgTable(
  'ledger_history',
  {
    cityCode: text('city_code').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    itemId: uuid('item_id').notNull(),
    paymentId: uuid('payment_id'),
    batchId: uuid('batch_id'),
    action: text('action', { enum: ['item.approved', 'payment.issued', 'payment.sent', 'payment.paid', 'payment.failed', 'payment.reconciled'] }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    actorId: text('actor_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ name: 'ledger_history_pkey', columns: [t.cityCode, t.id] }), index('ledger_history_item_idx').on(t.cityCode, t.itemId)],
);
