import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { retryLostRace } from '../db/index.ts';
import { cases, jobApplications, publicPostings } from '../db/schema/index.ts';
import { publicPostings as postingsOf } from '../postings/index.ts';
import type { PublicAccount } from '../public-accounts/types.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { citizenPerson } from './accounts.ts';
import { openOnline } from './online-case.ts';

/** The longest note an applicant may add. */
export const NOTE_MAX = 500;

/** What the applicant sends: a short note, and whether the employer may see their mobile number. */
export interface ApplicationInput {
  note?: string | undefined;
  sharePhone: boolean;
}

/**
 * A citizen applies to a live posting from the public site. The application is a job referral
 * (职业介绍) the citizen makes themselves: a case of the `jobApplication` meaning's process opened online at the office that
 * published the posting and referred by the applicant, so its rules hold (an active job-seeking
 * registration, the posting published, its employer and occupation) and the referral indicators
 * count it like any other; the `job_applications` row beside it is the employer's and the citizen's
 * view, one per person and posting by the database's key. A posting that is gone is refused
 * before anything is written; any refusal rolls the whole application back.
 */
export async function applyToPosting(rt: RuntimeContext, account: PublicAccount, postingId: string, input: ApplicationInput) {
  const personId = citizenPerson(account);
  const page = await postingsOf(rt).page(postingId);
  if (!page) throw new PlatformError('NOT_FOUND', { details: { posting: postingId } });
  if (page.status !== 'live') throw new PlatformError('POSTING_NOT_OPEN', { details: { posting: postingId, status: page.status } });
  const note = input.note?.trim().slice(0, NOTE_MAX) || undefined;
  // The process and event that refer a job seeker to a vacancy, as the packages declare them.
  const { process, event } = rt.registry.meaning('jobApplication');
  const application = { process, event: event! };
  return retryLostRace(() =>
    rt.db.transaction(async (tx) => {
      // The posting's row, locked: a withdrawal committing meanwhile is seen here, not after.
      const [vacancy] = await tx.select().from(cases).where(eq(cases.id, postingId)).limit(1).for('update');
      const [live] = await tx.select({ caseNo: publicPostings.caseNo }).from(publicPostings).where(eq(publicPostings.caseId, postingId)).limit(1);
      if (!vacancy || !live) throw new PlatformError('POSTING_NOT_OPEN', { details: { posting: postingId } });
      if (vacancy.cityCode !== account.cityCode) throw new PlatformError('APPLICATION_OTHER_CITY', { details: { posting: postingId } });
      const [earlier] = await tx
        .select({ id: jobApplications.id })
        .from(jobApplications)
        .where(and(eq(jobApplications.cityCode, vacancy.cityCode), eq(jobApplications.vacancyCaseId, vacancy.id), eq(jobApplications.personId, personId)))
        .limit(1);
      if (earlier) throw new PlatformError('APPLICATION_EXISTS', { details: { application: earlier.id } });
      const referral = await openOnline(tx, rt, {
        account,
        processId: application.process,
        subjectId: personId,
        office: { id: vacancy.orgUnitId, path: vacancy.orgPath },
        event: application.event,
        data: {
          vacancyCaseNo: vacancy.caseNo,
          employerCreditCode: String(vacancy.data['employerCreditCode']),
          occupation: String(vacancy.data['occupation']),
          ...(note ? { applicationNote: note } : {}),
        },
      });
      const id = randomUUID();
      await tx.insert(jobApplications).values({
        cityCode: vacancy.cityCode,
        id,
        vacancyCaseId: vacancy.id,
        referralCaseId: referral.id,
        personId,
        accountId: account.id,
        employerId: vacancy.subjectId,
        note: note ?? null,
        sharePhone: input.sharePhone,
        createdAt: rt.clock(),
      });
      return { id, referralCaseId: referral.id, referralCaseNo: referral.caseNo };
    }),
  );
}
