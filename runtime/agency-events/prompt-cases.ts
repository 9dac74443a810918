import { and, eq } from 'drizzle-orm';
import { PlatformError, type ExchangeEventSubscription } from '../../engine/index.ts';
import { formFor, stepOrDecline, systemActor } from '../cases/index.ts';
import { isUniqueViolation, type Transaction } from '../db/index.ts';
import { cases, type AgencyEventResult } from '../db/schema/index.ts';
import type { Envelope } from '../exchange/index.ts';
import type { Office } from '../online-applications/index.ts';
import { processesInForce, publishedDefinition } from '../plugins/index.ts';
import type { CaseRow, RuntimeContext } from '../runtime-context.ts';

/** Whom an agency's event names in the city, and where a case opened for it is handled. */
export interface EventSubject {
  cityCode: string;
  personId: string;
  office: Office;
  payload: Readonly<Record<string, unknown>>;
}

/** Whether an active case is the one the event is about: each `sameCase` field of its data equals the payload's. */
function sameCase(declared: ExchangeEventSubscription, row: CaseRow, payload: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(declared.sameCase ?? {}).every(([field, from]) => row.data[field] === payload[from]);
}

/** The person's active cases of the declared process, locked: what an event may find open or move on. */
function activeCases(tx: Transaction, declared: ExchangeEventSubscription, subject: EventSubject) {
  return tx
    .select()
    .from(cases)
    .where(and(eq(cases.cityCode, subject.cityCode), eq(cases.subjectId, subject.personId), eq(cases.processId, declared.process), eq(cases.status, 'active')))
    .for('update');
}

/**
 * Opens the case a `start` declaration asks for, by the system at the person's office, with the
 * definition in force there and the message on the case (the exchange channel), in a savepoint.
 * Nothing is opened when the person already has an active case the event is about (`already-open`),
 * or another active case of a process that allows one at a time (`active-case-exists`); a refusal of
 * the definition is `declined` with its code, the case not written.
 */
async function startCase(rt: RuntimeContext, tx: Transaction, declared: ExchangeEventSubscription, subject: EventSubject, envelope: Envelope): Promise<AgencyEventResult> {
  const process = declared.process;
  const active = await activeCases(tx, declared, subject);
  const same = active.find((row) => sameCase(declared, row, subject.payload));
  if (same) return { process, result: 'already-open', caseId: same.id, caseNo: same.caseNo };
  const exclusive = active.find((row) => row.exclusive);
  if (exclusive) return { process, result: 'active-case-exists', caseId: exclusive.id, caseNo: exclusive.caseNo };
  const [inForce] = await processesInForce(tx, subject.office.path, process);
  if (!inForce) return { process, result: 'not-in-force' };
  const published = await publishedDefinition(tx, rt.registry, inForce.definitionId);
  const orgUnit = { id: subject.office.id, path: subject.office.path };
  try {
    const opened = await tx.transaction((savepoint) =>
      rt.stepper.open(savepoint, rt, {
        published,
        cityCode: subject.cityCode,
        subjectId: subject.personId,
        orgUnit,
        actor: systemActor(orgUnit.id),
        createdBy: null,
        exchangeMessage: { sender: envelope.sender, messageId: envelope.messageId },
        data: formFor(declared, subject.payload),
        cause: null,
      }),
    );
    return { process, result: 'opened', caseId: opened.id, caseNo: opened.caseNo };
  } catch (error) {
    if (isUniqueViolation(error)) return { process, result: 'active-case-exists' };
    if (error instanceof PlatformError && error.kind === 'refusal') return { process, result: 'declined', code: error.code };
    throw error;
  }
}

/**
 * Sends a `send` declaration's event, as the system, to each of the person's active cases of the
 * process the event is about, each in a savepoint: a case not in a state that listens for it, or
 * whose rules refuse it, is left as it was and listed `declined`; none at all is `no-active-case`.
 */
async function sendToCases(rt: RuntimeContext, tx: Transaction, declared: ExchangeEventSubscription & { send: string }, subject: EventSubject): Promise<AgencyEventResult[]> {
  const process = declared.process;
  const targets = (await activeCases(tx, declared, subject)).filter((row) => sameCase(declared, row, subject.payload));
  if (targets.length === 0) return [{ process, result: 'no-active-case' }];
  const results: AgencyEventResult[] = [];
  for (const target of targets) {
    const declined = await stepOrDecline(tx, rt, target, declared.send, formFor(declared, subject.payload), null);
    const found = { process, caseId: target.id, caseNo: target.caseNo };
    results.push(declined === null ? { ...found, result: 'stepped' } : { ...found, result: 'declined', code: declined });
  }
  return results;
}

/** What one declaration makes of an agency's event for the person it names. */
export async function promptCases(rt: RuntimeContext, tx: Transaction, declared: ExchangeEventSubscription, subject: EventSubject, envelope: Envelope): Promise<AgencyEventResult[]> {
  if (declared.send !== undefined) return sendToCases(rt, tx, { ...declared, send: declared.send }, subject);
  return [await startCase(rt, tx, declared, subject, envelope)];
}
