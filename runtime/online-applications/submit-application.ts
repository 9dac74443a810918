import { and, eq } from 'drizzle-orm';
import { PlatformError, chinaDate, type Actor, type CaseData } from '../../engine/index.ts';
import { insertAttachment, requireAcceptableFile, type UploadedFile } from '../attachments/index.ts';
import { bindMaterials, requireMaterials } from '../cases/step-materials.ts';
import { codeExists } from '../code-tables/index.ts';
import { isRecordId, isUniqueViolation, retryLostRace, type Transaction } from '../db/index.ts';
import { cases, tasks } from '../db/schema/index.ts';
import type { PublicAccount } from '../public-accounts/types.ts';
import type { CaseRow, RuntimeContext } from '../runtime-context.ts';
import { applicantActor, citizenPerson, formOfCase, onlineForm, type OnlineForm } from './online-form.ts';

/** One supporting document as sent with the form: for which of the step's materials, and the file. */
export interface SupportingFile {
  material: string;
  file: UploadedFile;
}

/** What the applicant sends: the form's data and the supporting documents. */
export interface ApplicationInput {
  data: CaseData;
  files: readonly SupportingFile[];
}

/**
 * Checks everything that needs no transaction, before one is opened: the data against the form's
 * schema by the one Ajv factory (FORM_INVALID, a bilingual message per field, with the code tables),
 * then each file for a material the step declares (MATERIAL_NOT_DECLARED), its size and its type by
 * content (ATTACHMENT_TOO_LARGE, ATTACHMENT_TYPE_REFUSED). Returns each file's media type.
 */
export function checkApplication(rt: RuntimeContext, form: OnlineForm, input: ApplicationInput) {
  const fields = form.published.compiled.validateForm(form.formId, input.data, { today: chinaDate(rt.clock()), codeExists });
  if (fields.length > 0) throw new PlatformError('FORM_INVALID', { details: { form: form.form.title, fields } });
  return input.files.map((sent) => {
    if (!form.materials.some((m) => m.code === sent.material)) {
      throw new PlatformError('MATERIAL_NOT_DECLARED', { details: { event: form.event, material: sent.material, declared: form.materials.map((m) => m.code) } });
    }
    try {
      return { ...sent, mediaType: requireAcceptableFile(rt, sent.file) };
    } catch (error) {
      // Named, so the applicant is told which of the files it was.
      if (!(error instanceof PlatformError)) throw error;
      throw new PlatformError(error.code, { details: { ...(error.details as object), material: sent.material, fileName: sent.file.fileName }, cause: error });
    }
  });
}

/**
 * In the caller's transaction, on a case row locked (or just opened) in the state of `form`: stores
 * the files for the applicant's event, then sends it as the applicant (the engine's rules run; a
 * refusal throws and the transaction writes nothing), the files bound to the step's record.
 */
export async function attachAndSend(tx: Transaction, rt: RuntimeContext, applicant: Actor, row: CaseRow, form: OnlineForm, input: ApplicationInput, files: ReturnType<typeof checkApplication>) {
  const { definition } = form.published;
  const [task] = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.cityCode, row.cityCode), eq(tasks.caseId, row.id), eq(tasks.state, row.state), eq(tasks.status, 'open')))
    .limit(1);
  const place = { state: row.state, event: form.event, taskId: task?.id ?? null, post: null, uploadedBy: { id: applicant.id, name: applicant.name } };
  for (const sent of files) await insertAttachment(tx, rt, row, definition, { place, material: sent.material, file: sent.file, mediaType: sent.mediaType });
  await requireMaterials(tx, row, definition, form.event);
  const stepped = await rt.stepper.step(tx, rt, row, { event: { type: form.event, data: input.data }, actor: applicant, cause: null, claim: null });
  await bindMaterials(tx, row, form.event, stepped.version);
  return stepped;
}

/** The residence area an application names, when its form has one: the office it goes to follows it. */
function residenceOf(data: CaseData): string | undefined {
  return typeof data['residenceArea'] === 'string' ? data['residenceArea'] : undefined;
}

/**
 * A citizen's online application (网上经办): in one transaction, opens a case of the process about
 * the citizen's own person at the office of their residence (`onlineForm`), marked as opened by the
 * account (the online channel), stores the supporting documents and sends the applicant's event,
 * so the case waits in the caseworkers' inbox at its next state. Anything refused (the form, a
 * file, a rule of the process, an active case of the same process: DUPLICATE_RECORD) leaves
 * nothing written. The case number is the application number (申请编号).
 */
export async function submitApplication(rt: RuntimeContext, account: PublicAccount, processId: string, input: ApplicationInput): Promise<{ caseId: string; caseNo: string }> {
  const form = await onlineForm(rt, account, processId, residenceOf(input.data));
  const files = checkApplication(rt, form, input);
  const person = await citizenPerson(rt.db, account);
  if (person.mergedInto) throw new PlatformError('RECORD_MERGED', { details: { person: person.id, mergedInto: person.mergedInto } });
  try {
    const row = await rt.db.transaction(async (tx) => {
      const opened = await rt.stepper.open(tx, rt, {
        published: form.published,
        cityCode: account.cityCode,
        subjectId: person.id,
        orgUnit: form.office,
        actor: applicantActor(account, form.office.id),
        createdBy: null,
        openedByAccount: account.id,
        cause: null,
      });
      return attachAndSend(tx, rt, applicantActor(account, opened.orgUnitId), opened, form, input, files);
    });
    return { caseId: row.id, caseNo: row.caseNo };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new PlatformError('DUPLICATE_RECORD', {
        message: { 'zh-CN': '您已有一件正在办理的同类申请', en: 'You already have an application of this kind under way' },
        details: { processId },
        cause: error,
      });
    }
    throw error;
  }
}

/** A case opened by the account, locked in the caller's transaction: NOT_FOUND for anyone else's, as for a case out of scope. */
export async function ownCaseRow(tx: Transaction | RuntimeContext['db'], account: PublicAccount, caseId: string, lock = false): Promise<CaseRow> {
  if (!isRecordId(caseId)) throw new PlatformError('NOT_FOUND', { details: { case: caseId } });
  const query = tx
    .select()
    .from(cases)
    .where(and(eq(cases.cityCode, account.cityCode), eq(cases.id, caseId), eq(cases.openedByAccount, account.id)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new PlatformError('NOT_FOUND', { details: { case: caseId } });
  return row;
}

/**
 * Sends an application again after it was returned for correction: the applicant's event of the
 * state the case is in now (TRANSITION_NOT_AVAILABLE when it waits for no one but staff), with the
 * corrected form and any further documents, checked as a first application is. `version` is the
 * one the applicant saw (CASE_VERSION_CONFLICT when staff acted since).
 */
export async function resubmitApplication(rt: RuntimeContext, account: PublicAccount, caseId: string, input: ApplicationInput & { version: number }): Promise<{ caseId: string; caseNo: string }> {
  const before = await ownCaseRow(rt.db, account, caseId);
  const form = await formOfCase(rt, before);
  if (!form) throw new PlatformError('TRANSITION_NOT_AVAILABLE', { details: { state: before.state } });
  const files = checkApplication(rt, form, input);
  const row = await retryLostRace(() =>
    rt.db.transaction(async (tx) => {
      const locked = await ownCaseRow(tx, account, caseId, true);
      if (locked.version !== input.version) throw new PlatformError('CASE_VERSION_CONFLICT', { details: { caseId, version: locked.version } });
      if (locked.status !== 'active' || locked.state !== before.state) throw new PlatformError('TRANSITION_NOT_AVAILABLE', { details: { state: locked.state, event: form.event } });
      return attachAndSend(tx, rt, applicantActor(account, locked.orgUnitId), locked, form, input, files);
    }),
  );
  return { caseId: row.id, caseNo: row.caseNo };
}
