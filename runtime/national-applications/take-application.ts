import { and, eq } from 'drizzle-orm';
import { PlatformError, type Actor } from '../../engine/index.ts';
import { isUniqueViolation, type Transaction } from '../db/index.ts';
import { cases } from '../db/schema/index.ts';
import { routeOfMessage, type Envelope } from '../exchange/index.ts';
import { applicationForm, attachAndSend, checkApplication } from '../online-applications/index.ts';
import { personForSignUp } from '../public-accounts/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { NationalApplication } from './national-messages.ts';
import { uploadDecision } from './upload-decision.ts';

/** What taking one application came to: a case opened, the application refused (and the refusal uploaded), or downloaded before. */
export type TakeOutcome = 'opened' | 'refused' | 'repeated';

async function caseOf(tx: Transaction, cityCode: string, applicationNo: string) {
  const [row] = await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.cityCode, cityCode), eq(cases.nationalApplicationNo, applicationNo)));
  return row;
}

/**
 * Opens the case of a national application as an online application is opened: the process's
 * application form in force at the office of the applicant's residence (overlays applied) checks
 * the data, the applicant becomes a person under real name (the city's record of the ID number, or
 * a new one), and the applicant's event is sent on a new case marked with the application number
 * (the national channel), so the process's rules run as for any applicant. The platform keeps the
 * supporting documents: none come with the application.
 */
async function openCase(rt: RuntimeContext, tx: Transaction, cityCode: string, application: NationalApplication): Promise<void> {
  const residence = application.data['residenceArea'];
  const form = await applicationForm(rt, tx, cityCode, application.processId, typeof residence === 'string' ? residence : undefined);
  const input = { data: application.data, files: [] };
  checkApplication(rt, form, input);
  const personId = await personForSignUp(tx, rt, { cityCode, ...application.applicant }, form.office.id);
  const applicant: Actor = { id: personId, name: application.applicant.name, role: 'applicant', post: null, orgUnit: form.office.id };
  const opened = await rt.stepper.open(tx, rt, {
    published: form.published,
    cityCode,
    subjectId: personId,
    orgUnit: form.office,
    actor: applicant,
    createdBy: null,
    nationalApplicationNo: application.applicationNo,
    cause: null,
  });
  await attachAndSend(tx, rt, applicant, opened, form, input, []);
}

/**
 * Takes a national application into its city (the handler of `national.applications`, in the
 * transaction that takes the message into the inbox). An application downloaded before opens
 * nothing (the case's unique application number says so, even to a concurrent download). One the
 * city refuses (not of the documented shape: `NATIONAL_APPLICATION_INVALID`; the form, the person,
 * a rule, an active case of the process) is rolled back to before it was tried and answered as
 * `refused` with the typed reason, uploaded in the same transaction: only the exchange's records
 * of the two messages are written. A conflict or a fault (a lost race, a peer agency down) is no
 * answer: it refuses the message, which the next download takes again.
 */
export async function takeNationalApplication(rt: RuntimeContext, tx: Transaction, envelope: Envelope): Promise<TakeOutcome> {
  const route = await routeOfMessage(tx, envelope);
  const parsed = NationalApplication.safeParse(envelope.payload);
  let refusal: PlatformError;
  if (!parsed.success || parsed.data.applicationNo !== envelope.businessKey) {
    refusal = new PlatformError('NATIONAL_APPLICATION_INVALID', { details: { reason: parsed.success ? 'business-key' : 'malformed' } });
  } else {
    if (await caseOf(tx, route.cityCode, parsed.data.applicationNo)) return 'repeated';
    try {
      await tx.transaction((savepoint) => openCase(rt, savepoint, route.cityCode, parsed.data));
      return 'opened';
    } catch (error) {
      if (isUniqueViolation(error) && (await caseOf(tx, route.cityCode, parsed.data.applicationNo))) return 'repeated';
      if (isUniqueViolation(error)) refusal = new PlatformError('DUPLICATE_RECORD', { details: { processId: parsed.data.processId }, cause: error });
      else if (error instanceof PlatformError && error.kind === 'refusal') refusal = error;
      else throw error;
    }
  }
  await uploadDecision(rt, tx, route, {
    applicationNo: envelope.businessKey,
    result: 'refused',
    reason: { code: refusal.code, message: refusal.localized, details: refusal.details ?? null },
    decidedAt: rt.clock().toISOString(),
    office: null,
    caseNo: null,
  });
  return 'refused';
}
