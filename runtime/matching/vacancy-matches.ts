import { and, eq } from 'drizzle-orm';
import { PlatformError, chinaDate } from '../../engine/index.ts';
import { seekerProfileOf, vacancySummaryOf } from './case-profiles.ts';
import { rankVacancies } from './rank-vacancies.ts';
import type { SessionUser } from '../auth/index.ts';
import { cases, employers } from '../db/schema/index.ts';
import { personInScope } from '../persons/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/**
 * Published vacancies of the person's city ranked for the person's active job-seeking
 * profile by the shared fit rules: occupation and region closeness, then pay, education and
 * availability, then validity. 404 `NO_JOB_SEEKING_REGISTRATION` when the person has no active
 * job-seeking registration (`NOT_FOUND` when the person is not there or out of reach).
 */
export async function vacancyMatches(rt: RuntimeContext, user: SessionUser, personId: string) {
  const person = await personInScope(rt, user, personId);
  const seeker = rt.registry.meaning('activeJobSeeker');
  const vacancy = rt.registry.meaning('publishedVacancy');
  const [seeking] = await rt.db
    .select({ data: cases.data })
    .from(cases)
    .where(and(eq(cases.cityCode, person.cityCode), eq(cases.subjectId, person.id), eq(cases.processId, seeker.process), eq(cases.state, seeker.state!)))
    .limit(1);
  if (!seeking) {
    throw new PlatformError('NO_JOB_SEEKING_REGISTRATION', { details: { person: personId, process: seeker.process } });
  }
  const published = await rt.db
    .select({ caseNo: cases.caseNo, data: cases.data, employerName: employers.name })
    .from(cases)
    .innerJoin(employers, and(eq(employers.cityCode, cases.cityCode), eq(employers.id, cases.subjectId)))
    .where(and(eq(cases.cityCode, person.cityCode), eq(cases.processId, vacancy.process), eq(cases.state, vacancy.state!)));
  const byCaseNo = new Map(published.map((row) => [row.caseNo, row]));
  const vacancies = published.map(({ caseNo, data }) => vacancySummaryOf(caseNo, data));
  const matches = rankVacancies(seekerProfileOf(seeking.data), vacancies, chinaDate(rt.clock()));
  return {
    items: matches.map((match) => {
      const row = byCaseNo.get(match.vacancy.caseNo)!;
      return { ...match, title: String(row.data['title'] ?? ''), employerName: row.employerName, employerCreditCode: String(row.data['employerCreditCode'] ?? '') };
    }),
  };
}
