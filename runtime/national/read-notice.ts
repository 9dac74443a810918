import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { recordAccess, type AccessActor } from '../audit/index.ts';
import type { Transaction } from '../db/index.ts';
import { persons } from '../db/schema/index.ts';
import type { Envelope, ServiceHandler } from '../exchange/index.ts';

/** The message the national node sends a province when a ministry user read the status of its people. */
export const NATIONAL_PERSON_READ = 'national.person-read';

/** Who read, when, and whom (by the blind index of the ID number): no ID number, no name. */
export const ReadNotice = z
  .object({
    idNumberIndex: z.string().min(16).max(128),
    reader: z.object({ id: z.string().nullable(), name: z.string().nullable(), role: z.string().nullable() }).strict(),
    readAt: z.iso.datetime(),
    /** The national node's access-log action the read was recorded under. */
    action: z.string(),
  })
  .strict()
  .openapi('NationalReadNotice');
export type ReadNotice = z.infer<typeof ReadNotice>;

/**
 * In a province: the national node's notice of a read, taken in by the inbox (signed, logged in the
 * exchange's message log), recorded in the province's own access log against each of its person
 * records with that ID number, as `national.person-read`, with the reader and the message's id.
 */
async function recordNationalRead(tx: Transaction, envelope: Envelope): Promise<void> {
  const parsed = ReadNotice.safeParse(envelope.payload);
  if (!parsed.success) throw new PlatformError('BAD_REQUEST', { details: { reason: 'read notice payload' } });
  const notice = parsed.data;
  const actor: AccessActor = { id: null, name: notice.reader.name, role: notice.reader.role, orgUnitId: null };
  const people = await tx.select({ id: persons.id }).from(persons).where(eq(persons.idNumberIndex, notice.idNumberIndex));
  for (const person of people) {
    await recordAccess(tx, {
      actor,
      action: 'national.person-read',
      target: { type: 'person', id: person.id },
      origin: { address: null, requestId: envelope.messageId },
      at: new Date(notice.readAt),
      details: { by: envelope.sender, readerId: notice.reader.id, nationalAction: notice.action },
    });
  }
}

/** The province's handler of the national node's read notices, taken in by its inbox. */
export function nationalReadHandler(): [string, ServiceHandler] {
  return [NATIONAL_PERSON_READ, recordNationalRead];
}
