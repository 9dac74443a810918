import { and, eq } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { AgencyEvent } from '../connectors/index.ts';
import type { Transaction } from '../db/index.ts';
import { agencyEvents, employers, persons, type AgencyEventResult } from '../db/schema/index.ts';
import { routeOfMessage, type Envelope, type ServiceHandlers } from '../exchange/index.ts';
import { officeFor } from '../online-applications/index.ts';
import { normalIdNumber } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { promptCases } from './prompt-cases.ts';

/** What an agency's event came to, as its row and the caseworkers' list say. */
export type AgencyEventOutcome = 'person-unknown' | 'employer-unknown' | 'not-subscribed' | AgencyEventResult['result'];

/** The most telling result first: a case opened or moved says more than one found open or none found. */
const PRECEDENCE: readonly AgencyEventResult['result'][] = ['opened', 'stepped', 'already-open', 'active-case-exists', 'declined', 'no-active-case', 'not-in-force'];

/**
 * Takes an agency's event message into its city (the handler of its service, in the transaction
 * that takes the message into the inbox, so what it writes commits with the inbox row or not at
 * all). The message must come from the agency the city routes the service to, and its payload be of
 * the documented shape (`AGENCY_EVENT_INVALID` otherwise: refused, nothing kept). The person (by ID
 * number) and the employer (by credit code) must be the city's; otherwise no case is touched and
 * the outcome says which was unknown. Then each package declaration for the service (`plugin.json`
 * `exchangeEvents`) opens or moves the person's case (`promptCases`). The event, whom it named and
 * what it did are kept in `agency_events`, keyed by the message: the inbox's unique (sender,
 * message id) already makes a repeat change nothing.
 */
export async function takeAgencyEvent(rt: RuntimeContext, tx: Transaction, declared: AgencyEvent, envelope: Envelope): Promise<AgencyEventOutcome> {
  const { cityCode } = await routeOfMessage(tx, envelope);
  const parsed = declared.payload.safeParse(envelope.payload);
  if (!parsed.success) {
    throw new PlatformError('AGENCY_EVENT_INVALID', { details: { service: envelope.service, fields: [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))] } });
  }
  const payload = parsed.data as Record<string, unknown>;
  const [person] = await tx
    .select({ id: persons.id, residenceArea: persons.residenceArea, mergedInto: persons.mergedInto })
    .from(persons)
    .where(and(eq(persons.cityCode, cityCode), eq(persons.idNumberIndex, rt.cipher.index(normalIdNumber(String(payload[declared.person]))))));
  const [employer] = await tx
    .select({ id: employers.id })
    .from(employers)
    .where(and(eq(employers.cityCode, cityCode), eq(employers.creditCode, String(payload[declared.employer]))));
  let outcome: AgencyEventOutcome;
  const results: AgencyEventResult[] = [];
  if (!person) outcome = 'person-unknown';
  else if (!employer) outcome = 'employer-unknown';
  else {
    const office = await officeFor(tx, cityCode, person.residenceArea);
    const subject = { cityCode, personId: person.mergedInto ?? person.id, office, payload };
    for (const declaration of rt.registry.exchangeEventsFor(envelope.service)) results.push(...(await promptCases(rt, tx, declaration, subject, envelope)));
    outcome = PRECEDENCE.find((result) => results.some((r) => r.result === result)) ?? 'not-subscribed';
  }
  await tx.insert(agencyEvents).values({
    cityCode,
    sender: envelope.sender,
    messageId: envelope.messageId,
    service: envelope.service,
    businessKey: envelope.businessKey,
    receivedAt: rt.clock(),
    personId: person ? (person.mergedInto ?? person.id) : null,
    employerId: employer?.id ?? null,
    outcome,
    results,
  });
  return outcome;
}

/** The handlers of the agencies' event messages (the social insurance agency's), for the inbox route and the pull feed. */
export function agencyEventHandlers(rt: RuntimeContext, events: readonly AgencyEvent[]): ServiceHandlers {
  return new Map(events.map((declared) => [declared.service, async (tx: Transaction, envelope: Envelope) => void (await takeAgencyEvent(rt, tx, declared, envelope))]));
}
