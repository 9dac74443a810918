import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** What one declared prompt of an agency's event came to: the process, the result, the case it opened or moved (if any), the refusal's code. */
export interface AgencyEventResult {
  process: string;
  result: 'opened' | 'already-open' | 'active-case-exists' | 'stepped' | 'declined' | 'no-active-case' | 'not-in-force';
  caseId?: string;
  caseNo?: string;
  code?: string;
}

/**
 * Each event message another agency sent a city (`social-insurance.enrolment`, `.stop`), taken
 * in with the message's inbox row and in its transaction: whom it named (the city's person and
 * employer, null when unknown: no ID number is kept here, the payload stays sealed in the inbox),
 * its outcome and what each declared prompt did, for the caseworkers' list.
 */
export const agencyEvents = pgTable(
  'agency_events',
  {
    cityCode: text('city_code').notNull(),
    sender: text('sender').notNull(),
    messageId: uuid('message_id').notNull(),
    service: text('service').notNull(),
    businessKey: text('business_key').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    personId: uuid('person_id'),
    employerId: uuid('employer_id'),
    /** `person-unknown`, `employer-unknown`, `not-subscribed`, or the most telling result of the prompts (`opened`, `stepped`, `already-open`, ...). */
    outcome: text('outcome').notNull(),
    results: jsonb('results').$type<AgencyEventResult[]>().notNull(),
  },
  (t) => [primaryKey({ name: 'agency_events_pkey', columns: [t.cityCode, t.sender, t.messageId] }), index('agency_events_received_idx').on(t.cityCode, t.receivedAt)],
);
