import { and, asc, eq, inArray } from 'drizzle-orm';
import { chinaDate, PlatformError } from '../../engine/index.ts';
import { isRecordId, retryLostRace, type Transaction } from '../db/index.ts';
import { cases, jobApplications, persons } from '../db/schema/index.ts';
import { openValue } from '../privacy/index.ts';
import type { PublicAccount } from '../public-accounts/types.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { accountEmployer } from './accounts.ts';
import { applicantActor, definitionInForce } from './online-case.ts';

/** One application as the employer sees it: the applicant's name, their note, their mobile only if they chose to share it. */
export interface EmployerApplicationView {
  id: string;
  applicantName: string;
  phone: string | null;
  note: string | null;
  state: (typeof jobApplications.$inferSelect)['state'];
  createdAt: string;
}

/** The employer's own vacancy-posting case, or 404: another employer's posting is indistinguishable from none. */
async function ownPosting(rt: RuntimeContext, employerId: string, postingId: string) {
  if (!isRecordId(postingId)) throw new PlatformError('NOT_FOUND', { details: { posting: postingId } });
  const [posting] = await rt.db
    .select({ id: cases.id, cityCode: cases.cityCode, caseNo: cases.caseNo, data: cases.data })
    .from(cases)
    .where(and(eq(cases.id, postingId), eq(cases.subjectId, employerId), eq(cases.processId, rt.registry.meaning('publishedVacancy').process)))
    .limit(1);
  if (!posting) throw new PlatformError('NOT_FOUND', { details: { posting: postingId } });
  return { id: posting.id, cityCode: posting.cityCode, caseNo: posting.caseNo, title: String(posting.data['title'] ?? '') };
}

/**
 * The applications to one of the employer's postings, oldest first. Reading them is the employer
 * seeing them: those still `sent` become `seen` (the applicant's page says so).
 */
export async function postingApplications(rt: RuntimeContext, account: PublicAccount, postingId: string) {
  const employerId = accountEmployer(account);
  const posting = await ownPosting(rt, employerId, postingId);
  const rows = await rt.db
    .select({ application: jobApplications, name: persons.name, phone: persons.phone })
    .from(jobApplications)
    .innerJoin(persons, and(eq(persons.cityCode, jobApplications.cityCode), eq(persons.id, jobApplications.personId)))
    .where(and(eq(jobApplications.employerId, employerId), eq(jobApplications.vacancyCaseId, posting.id)))
    .orderBy(asc(jobApplications.createdAt), asc(jobApplications.id));
  const unseen = rows.filter((r) => r.application.state === 'sent').map((r) => r.application.id);
  if (unseen.length > 0) {
    await rt.db
      .update(jobApplications)
      .set({ state: 'seen', seenAt: rt.clock() })
      .where(and(eq(jobApplications.cityCode, posting.cityCode), inArray(jobApplications.id, unseen), eq(jobApplications.state, 'sent')));
  }
  const items: EmployerApplicationView[] = rows.map(({ application: a, name, phone }) => ({
    id: a.id,
    applicantName: name,
    phone: a.sharePhone ? openValue(rt.cipher, phone) : null,
    note: a.note,
    state: a.state === 'sent' ? 'seen' : a.state,
    createdAt: a.createdAt.toISOString(),
  }));
  return { posting, items };
}

/** An application to one of the employer's postings, locked in the transaction; 404 for any other. */
async function lockOwnApplication(tx: Transaction, employerId: string, applicationId: string) {
  if (!isRecordId(applicationId)) throw new PlatformError('NOT_FOUND', { details: { application: applicationId } });
  const [row] = await tx
    .select()
    .from(jobApplications)
    .where(and(eq(jobApplications.id, applicationId), eq(jobApplications.employerId, employerId)))
    .limit(1)
    .for('update');
  if (!row) throw new PlatformError('NOT_FOUND', { details: { application: applicationId } });
  if (row.state === 'hired' || row.state === 'declined') throw new PlatformError('APPLICATION_DECIDED', { details: { application: applicationId, state: row.state } });
  return row;
}

/**
 * The employer records that it hired the applicant: the employment registration opens as its
 * flow prescribes (a case of the `employed` meaning's process at the posting's office, waiting for the
 * employment window, with the hire's facts filled in), and the application reads `hired`. When the
 * window registers it, the registration's event ends what it ends (an open unemployment
 * registration, the job-seeking registration, a referral awaiting it). A person who already has
 * an employment registration in progress or in force is refused: the office sorts that out.
 */
export async function recordHire(rt: RuntimeContext, account: PublicAccount, applicationId: string, input: { hireDate: string }) {
  const employerId = accountEmployer(account);
  const today = chinaDate(rt.clock());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.hireDate) || Number.isNaN(Date.parse(input.hireDate)) || input.hireDate > today) {
    const text = { 'zh-CN': '录用日期应为今天或以前的日期', en: 'The hire date must be today or earlier' };
    throw new PlatformError('FORM_INVALID', { details: { form: null, fields: [{ field: 'hireDate', keyword: 'hireDate', message: text.en, text }] } });
  }
  return retryLostRace(() =>
    rt.db.transaction(async (tx) => {
      const application = await lockOwnApplication(tx, employerId, applicationId);
      const [vacancy] = await tx.select().from(cases).where(and(eq(cases.cityCode, application.cityCode), eq(cases.id, application.vacancyCaseId))).limit(1);
      if (!vacancy) throw new PlatformError('NOT_FOUND', { details: { application: applicationId } });
      const employment = rt.registry.meaning('employed').process;
      const [active] = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.cityCode, application.cityCode), eq(cases.subjectId, application.personId), eq(cases.processId, employment), eq(cases.status, 'active')))
        .limit(1);
      if (active) {
        throw new PlatformError('DUPLICATE_RECORD', {
          message: { 'zh-CN': '该求职者已有正在办理或有效的就业登记，请联系公共就业服务机构办理', en: 'The applicant already has an employment registration in progress or in force: contact the public employment service' },
          details: { application: applicationId },
        });
      }
      const office = { id: vacancy.orgUnitId, path: vacancy.orgPath };
      const published = await definitionInForce(rt, tx, office, employment);
      const opened = await rt.stepper.open(tx, rt, {
        published,
        cityCode: application.cityCode,
        subjectId: application.personId,
        orgUnit: office,
        actor: applicantActor(account, office),
        createdBy: null,
        // Sent from the public site by the employer's account: the online channel.
        openedByAccount: account.id,
        cause: null,
        data: {
          employmentForm: 'contract',
          employerCreditCode: String(vacancy.data['employerCreditCode']),
          hireDate: input.hireDate,
          occupation: String(vacancy.data['occupation']),
        },
      });
      const now = rt.clock();
      await tx
        .update(jobApplications)
        .set({ state: 'hired', decidedAt: now, seenAt: application.seenAt ?? now, employmentCaseId: opened.id })
        .where(and(eq(jobApplications.cityCode, application.cityCode), eq(jobApplications.id, application.id)));
      return { postingId: application.vacancyCaseId, employmentCaseId: opened.id, employmentCaseNo: opened.caseNo };
    }),
  );
}

/** The employer says the applicant is not taken: the application reads so for the applicant. */
export async function declineApplication(rt: RuntimeContext, account: PublicAccount, applicationId: string): Promise<{ postingId: string }> {
  const employerId = accountEmployer(account);
  return rt.db.transaction(async (tx) => {
    const application = await lockOwnApplication(tx, employerId, applicationId);
    const now = rt.clock();
    await tx
      .update(jobApplications)
      .set({ state: 'declined', decidedAt: now, seenAt: application.seenAt ?? now })
      .where(and(eq(jobApplications.cityCode, application.cityCode), eq(jobApplications.id, application.id)));
    return { postingId: application.vacancyCaseId };
  });
}

/** The posting an application to one of the employer's postings was made to; 404 for any other application. */
export async function postingOfApplication(rt: RuntimeContext, account: PublicAccount, applicationId: string): Promise<string> {
  const employerId = accountEmployer(account);
  const [row] = isRecordId(applicationId)
    ? await rt.db
        .select({ postingId: jobApplications.vacancyCaseId })
        .from(jobApplications)
        .where(and(eq(jobApplications.id, applicationId), eq(jobApplications.employerId, employerId)))
        .limit(1)
    : [];
  if (!row) throw new PlatformError('NOT_FOUND', { details: { application: applicationId } });
  return row.postingId;
}
