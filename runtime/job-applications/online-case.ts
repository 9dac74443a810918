import { PlatformError, type Actor, type CaseData } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { processesInForce, publishedDefinition, type PublishedDefinition } from '../plugins/index.ts';
import type { PublicAccount } from '../public-accounts/types.ts';
import type { CaseRow, RuntimeContext } from '../runtime-context.ts';

/** An office: where an online case is handled. */
export interface Office {
  id: string;
  path: string;
}

/** The public account acting on its own case as the engine's `applicant`, for the office that handles it. */
export function applicantActor(account: PublicAccount, office: Office): Actor {
  return { id: account.id, name: account.displayName, role: 'applicant', post: null, orgUnit: office.id };
}

/** The definition of a process in force at an office (the city's overlays applied), or `PROCESS_NOT_FOUND`. */
export async function definitionInForce(rt: RuntimeContext, tx: Transaction | RuntimeContext['db'], office: Office, processId: string): Promise<PublishedDefinition> {
  const [inForce] = await processesInForce(tx, office.path, processId);
  if (!inForce) throw new PlatformError('PROCESS_NOT_FOUND', { details: { processId } });
  return publishedDefinition(tx, rt.registry, inForce.definitionId);
}

/**
 * Opens a case from the public site in the caller's transaction and sends its applicant event:
 * the case is marked as opened by the account (the online channel), and the event is refused
 * unless the definition in force offers it to the `applicant` role. Any refusal rolls back the
 * whole transaction, so a refused application leaves no case behind.
 */
export async function openOnline(
  tx: Transaction,
  rt: RuntimeContext,
  input: { account: PublicAccount; processId: string; subjectId: string; office: Office; event: string; data: CaseData },
): Promise<CaseRow> {
  const published = await definitionInForce(rt, tx, input.office, input.processId);
  const offered = published.definition.states[published.definition.initial]?.on?.[input.event]?.roles ?? [];
  if (!offered.includes('applicant')) throw new PlatformError('ROLE_NOT_PERMITTED', { details: { processId: input.processId, event: input.event } });
  const actor = applicantActor(input.account, input.office);
  const opened = await rt.stepper.open(tx, rt, {
    published,
    cityCode: input.account.cityCode,
    subjectId: input.subjectId,
    orgUnit: input.office,
    actor,
    createdBy: null,
    openedByAccount: input.account.id,
    cause: null,
  });
  return rt.stepper.step(tx, rt, opened, { event: { type: input.event, data: input.data }, actor, cause: null, claim: null });
}
