import { sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Raw bytes: postgres.js gives a Buffer, PGlite a Uint8Array; both are read back as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});

/**
 * 附件: files attached to a case (scans of proofs), each for a step (the event it is sent with, in
 * the state it was uploaded in, and the task open there) or for the case as a whole (`event` null).
 * The content is encrypted at rest; the media type is what the content is, not what its name
 * says. Once the step is sent, `event_seq` names its performance record. Never deleted: withdrawn,
 * with who, when and why.
 */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** The state the case was in and the step to be sent from it; both null for the case as a whole. */
    state: text('state'),
    event: text('event'),
    /** The task open in that state when the file was uploaded, if there was one. */
    taskId: uuid('task_id'),
    /** The performance record (`case_events.seq`) of the step it was sent with; null until then. */
    eventSeq: integer('event_seq'),
    /** The material code the step declares (`materials[].code`), e.g. `identity-proof`. */
    material: text('material').notNull(),
    fileName: text('file_name').notNull(),
    /** Determined from the content's first bytes: application/pdf, image/jpeg or image/png. */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** SHA-256 (hex) of the plain content. */
    sha256: text('sha256').notNull(),
    /** The content encrypted with the personal-data cipher (SM4-CTR + HMAC-SM3, the key named inside). */
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedPost: text('uploaded_post'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by'),
    withdrawnByName: text('withdrawn_by_name'),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [
    primaryKey({ name: 'case_attachments_pkey', columns: [t.cityCode, t.id] }),
    index('case_attachments_case_idx').on(t.cityCode, t.caseId),
    // The files waiting for their step to be sent: what its required materials are checked against.
    index('case_attachments_pending_idx').on(t.cityCode, t.caseId, t.state, t.event).where(sql`event_seq IS NULL`),
  ],
);
