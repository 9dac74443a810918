import { and, eq } from 'drizzle-orm';
import { PlatformError, chinaDate } from '../../engine/index.ts';
import { recordAccess, type RequestOrigin } from '../audit/index.ts';
import { actorOfUser, type SessionUser } from '../auth/index.ts';
import { getCaseRow } from '../cases/index.ts';
import { cases, persons } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { seekerProfileOf, vacancySummaryOf } from './case-profiles.ts';
import { rankSeekers, type SeekerSummary } from './rank-seekers.ts';

/** At most this many seekers are listed: the best fits, enough for a caseworker to call and refer. */
export const SEEKER_MATCH_LIMIT = 50;

/** A published vacancy-posting case in the user's subtree, or 404 (`getCaseRow`): another process's case is no vacancy, an unpublished posting not one to fill yet. */
async function publishedVacancyCase(rt: RuntimeContext, user: SessionUser, caseId: string) {
  const published = rt.registry.meaning('publishedVacancy');
  const row = await getCaseRow(rt, user, caseId);
  if (row.processId !== published.process) {
    throw new PlatformError('NOT_FOUND', {
      message: { 'zh-CN': '岗位登记业务不存在或不在您的管辖范围内', en: 'No vacancy posting with this id within your jurisdiction' },
      details: { case: caseId, process: published.process },
    });
  }
  if (row.state !== published.state) {
    throw new PlatformError('NOT_FOUND', {
      message: { 'zh-CN': '该岗位不在发布中，发布后才匹配求职人员', en: 'The vacancy is not published: seekers are matched once it is' },
      details: { case: caseId, state: row.state },
    });
  }
  return row;
}

/**
 * The active job seekers of the vacancy's city ranked for a published vacancy by the same fit
 * rules as vacancies are for a seeker (occupation and region closeness, then pay, education and
 * availability), the best {@link SEEKER_MATCH_LIMIT}. Each seeker is named with the ID number
 * masked, as every list of persons is; the read, with the persons it shows, is recorded in the
 * access log before it is answered. 404 for a case that is not a published vacancy.
 */
export async function seekerMatches(rt: RuntimeContext, user: SessionUser, caseId: string, origin: RequestOrigin) {
  const vacancyCase = await publishedVacancyCase(rt, user, caseId);
  const seeker = rt.registry.meaning('activeJobSeeker');
  const registered = await rt.db
    .select({ caseId: cases.id, caseNo: cases.caseNo, data: cases.data, personId: persons.id, name: persons.name, idNumberMasked: persons.idNumberMasked })
    .from(cases)
    .innerJoin(persons, and(eq(persons.cityCode, cases.cityCode), eq(persons.id, cases.subjectId)))
    .where(and(eq(cases.cityCode, vacancyCase.cityCode), eq(cases.processId, seeker.process), eq(cases.state, seeker.state!)));
  const byCaseNo = new Map(registered.map((row) => [row.caseNo, row]));
  const seekers: SeekerSummary[] = registered.map(({ caseNo, data }) => ({ ...seekerProfileOf(data), caseNo, validUntil: String(data['validUntil'] ?? '') }));
  const vacancy = vacancySummaryOf(vacancyCase.caseNo, vacancyCase.data);
  const ranked = rankSeekers(vacancy, seekers, chinaDate(rt.clock()));
  const shown = ranked.slice(0, SEEKER_MATCH_LIMIT).map(({ seeker: summary, ...fit }) => {
    const row = byCaseNo.get(summary.caseNo)!;
    return {
      person: { id: row.personId, name: row.name, idNumber: row.idNumberMasked ?? '' },
      caseId: row.caseId,
      caseNo: row.caseNo,
      desiredOccupations: [...summary.desiredOccupations],
      desiredAreas: [...summary.desiredAreas],
      expectedPayFen: summary.expectedPayFen,
      education: summary.education ?? null,
      availableFrom: summary.availableFrom ?? null,
      ...fit,
    };
  });
  await recordAccess(rt.db, {
    actor: actorOfUser(user),
    action: 'vacancy.seeker-matches',
    target: { type: 'case', id: vacancyCase.id },
    origin,
    at: rt.clock(),
    details: { caseNo: vacancyCase.caseNo, persons: shown.map((item) => item.person.id) },
  });
  return {
    vacancy: { ...vacancy, title: String(vacancyCase.data['title'] ?? '') },
    items: shown,
    total: ranked.length,
  };
}
