import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Where a message of the outbox stands: waiting for an acknowledgement, acknowledged, or given up (a dead letter). */
export type OutboxStatus = 'pending' | 'delivered' | 'dead';

/**
 * 交换成员: the organisations this node exchanges messages with, itself included (runtime/exchange).
 * A member is "served here" when this node holds one of its private keys.
 */
export const exchangeMembers = pgTable('exchange_members', {
  /** The member code: a division code and a serial (`350200-001`), or a credit code. */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** The base URL of the member's exchange API (`https://host/api/exchange`); none for a member that pulls. */
  address: text('address'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A member's signing keys, each valid from a time until another (open when null), so a key can be
 * rotated and the old one still verifies what was signed while it was valid. The private key is
 * kept only for members served here, sealed by the runtime's key ring, never in the clear.
 */
export const exchangeKeys = pgTable(
  'exchange_keys',
  {
    memberCode: text('member_code').notNull().references(() => exchangeMembers.code),
    keyId: text('key_id').notNull(),
    algorithm: text('algorithm').notNull(),
    /** The public key, SPKI DER in base64. */
    publicKey: text('public_key').notNull(),
    /** The private key (PKCS #8 DER in base64), sealed with the runtime's cipher; null for a peer's key. */
    privateKey: text('private_key'),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ name: 'exchange_keys_pkey', columns: [t.memberCode, t.keyId] })],
);

/**
 * The sender's outbox: every message a member served here sent, with its delivery (attempts, next
 * attempt, the receiver's signed acknowledgement). `seq` is the pull feed's cursor.
 */
export const exchangeOutbox = pgTable(
  'exchange_outbox',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: uuid('message_id').notNull(),
    sender: text('sender').notNull(),
    receiver: text('receiver').notNull(),
    service: text('service').notNull(),
    businessKey: text('business_key').notNull(),
    /** The envelope without its payload: header and signature. */
    envelope: jsonb('envelope').$type<Record<string, unknown>>().notNull(),
    /** The payload's canonical JSON sealed by the key ring (it may carry personal data). */
    payloadSealed: text('payload_sealed').notNull(),
    envelopeHash: text('envelope_hash').notNull(),
    /**
     * `pending` until a valid acknowledgement comes back, then `delivered`; `dead` (a dead letter) when the
     * receiver refused it as repeating cannot change, or after the last attempt: no more attempts until an
     * administrator puts it back.
     */
    status: text('status').$type<OutboxStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** Why the last attempt failed: an error code, an HTTP status or a network error's name. */
    lastError: text('last_error'),
    acknowledgement: jsonb('acknowledgement').$type<Record<string, unknown>>(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** When its attempts were given up (a dead letter); null while pending or once delivered or put back. */
    deadAt: timestamp('dead_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('exchange_outbox_status_check', sql`${t.status} IN ('pending', 'delivered', 'dead')`),
    uniqueIndex('exchange_outbox_message_idx').on(t.sender, t.messageId),
    index('exchange_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('exchange_outbox_feed_idx').on(t.receiver, t.seq),
  ],
);

/** The receiver's inbox: one row per (sender, message id), so a repeated delivery changes nothing and gets the same acknowledgement. */
export const exchangeInbox = pgTable(
  'exchange_inbox',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: uuid('message_id').notNull(),
    sender: text('sender').notNull(),
    receiver: text('receiver').notNull(),
    service: text('service').notNull(),
    businessKey: text('business_key').notNull(),
    /** The envelope without its payload: header and signature. */
    envelope: jsonb('envelope').$type<Record<string, unknown>>().notNull(),
    /** The payload's canonical JSON sealed by the key ring (it may carry personal data). */
    payloadSealed: text('payload_sealed').notNull(),
    envelopeHash: text('envelope_hash').notNull(),
    acknowledgement: jsonb('acknowledgement').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('exchange_inbox_message_idx').on(t.sender, t.messageId), index('exchange_inbox_receiver_idx').on(t.receiver, t.seq)],
);

/**
 * The message log of each member served here: every envelope sent or received, chained by
 * SHA-256 (previous hash + envelope hash + direction). Append-only by trigger.
 */
export const exchangeLog = pgTable(
  'exchange_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberCode: text('member_code').notNull(),
    direction: text('direction').$type<'sent' | 'received'>().notNull(),
    messageId: uuid('message_id').notNull(),
    envelopeHash: text('envelope_hash').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('exchange_log_member_idx').on(t.memberCode, t.seq)],
);

/** The end of each member's chain, locked by each writer so entries chain in commit order. */
export const exchangeLogHeads = pgTable('exchange_log_heads', {
  memberCode: text('member_code').primaryKey(),
  lastHash: text('last_hash').notNull(),
});

/** How far a member served here has read a provider's pull feed. */
export const exchangeCursors = pgTable(
  'exchange_cursors',
  {
    consumer: text('consumer').notNull(),
    provider: text('provider').notNull(),
    after: bigint('after', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'exchange_cursors_pkey', columns: [t.consumer, t.provider] })],
);

/**
 * Which member answers a service for a city (the social insurance agency for
 * `social-insurance.contributions`), and which member served here asks it: the connectors' routing.
 */
export const exchangeServices = pgTable(
  'exchange_services',
  {
    cityCode: text('city_code').notNull(),
    service: text('service').notNull(),
    /** The member served here that signs the city's requests. */
    client: text('client')
      .notNull()
      .references(() => exchangeMembers.code),
    /** The member that answers them, at its registered address. */
    provider: text('provider')
      .notNull()
      .references(() => exchangeMembers.code),
  },
  (t) => [primaryKey({ name: 'exchange_services_pkey', columns: [t.cityCode, t.service] })],
);
