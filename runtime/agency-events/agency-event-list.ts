import { and, desc, eq } from 'drizzle-orm';
import { maskCitizenId } from '../../forms/index.ts';
import { inVisibleCities, type SessionUser } from '../auth/index.ts';
import { agencyEvents, employers, exchangeInbox, persons } from '../db/schema/index.ts';
import { openStored } from '../exchange/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/**
 * The agencies' event messages taken in by the user's cities, newest first: the service, the
 * agency's business key, when, what it came to and the cases it opened or moved, with the person
 * and employer it named. The ID number is shown masked only (read from the sealed payload in the
 * inbox), so an unknown person can be followed up without the number leaving the database whole.
 */
export async function listAgencyEvents(rt: RuntimeContext, user: SessionUser, query: { limit?: number | undefined }) {
  const rows = await rt.db
    .select({
      cityCode: agencyEvents.cityCode,
      sender: agencyEvents.sender,
      messageId: agencyEvents.messageId,
      service: agencyEvents.service,
      businessKey: agencyEvents.businessKey,
      receivedAt: agencyEvents.receivedAt,
      outcome: agencyEvents.outcome,
      results: agencyEvents.results,
      personId: agencyEvents.personId,
      personName: persons.name,
      employerId: agencyEvents.employerId,
      employerName: employers.name,
      envelope: exchangeInbox.envelope,
      payloadSealed: exchangeInbox.payloadSealed,
    })
    .from(agencyEvents)
    .innerJoin(exchangeInbox, and(eq(exchangeInbox.sender, agencyEvents.sender), eq(exchangeInbox.messageId, agencyEvents.messageId)))
    .leftJoin(persons, and(eq(persons.cityCode, agencyEvents.cityCode), eq(persons.id, agencyEvents.personId)))
    .leftJoin(employers, and(eq(employers.cityCode, agencyEvents.cityCode), eq(employers.id, agencyEvents.employerId)))
    .where(inVisibleCities(agencyEvents.cityCode, user))
    .orderBy(desc(agencyEvents.receivedAt), desc(agencyEvents.messageId))
    .limit(query.limit ?? 100);
  return rows.map(({ envelope, payloadSealed, personId, personName, employerId, employerName, receivedAt, ...row }) => {
    const payload = openStored(rt.cipher, { envelope, payloadSealed }).payload as Record<string, unknown>;
    return {
      ...row,
      receivedAt: receivedAt.toISOString(),
      idNumberMasked: typeof payload['idNumber'] === 'string' ? maskCitizenId(payload['idNumber']) : null,
      creditCode: typeof payload['creditCode'] === 'string' ? payload['creditCode'] : null,
      person: personId ? { id: personId, name: personName ?? '' } : null,
      employer: employerId ? { id: employerId, name: employerName ?? '' } : null,
    };
  });
}
