import { z } from '@hono/zod-openapi';
import { seekerMatches } from '../../matching/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { IdParam, errorResponses, jsonResponse } from '../schemas.ts';

/** Why a seeker and a vacancy fit, as both directions of matching report it (the shared fit rules). */
export const FitReasons = {
  occupation: z.enum(['exact', 'minor-group', 'middle-group', 'major-group']),
  region: z.enum(['county', 'city', 'province']),
  desiredOccupation: z.string().openapi({ description: 'The desired occupation that came closest' }),
  desiredArea: z.string().openapi({ description: 'The desired area that came closest' }),
  score: z.number().int(),
  payFits: z.boolean(),
  educationFits: z.boolean().openapi({ description: 'The seeker\u2019s education reaches what the vacancy requires' }),
  availableInTime: z.boolean().openapi({ description: 'The seeker can start before the vacancy\u2019s validity ends' }),
};

/** A vacancy as both directions of matching show it (`VacancySummary` of the fit rules). */
export const MatchedVacancy = z.object({
  caseNo: z.string(),
  occupation: z.string(),
  workArea: z.string(),
  payMaxFen: z.number(),
  payBasis: z.enum(['monthly', 'hourly', 'piece']),
  education: z.string().optional(),
  validUntil: z.string(),
});

const SeekerMatch = z
  .object({
    person: z.object({ id: z.string(), name: z.string(), idNumber: z.string().openapi({ description: 'Masked, as in every list of persons' }) }),
    caseId: z.string().openapi({ description: 'The job-seeking registration' }),
    caseNo: z.string(),
    desiredOccupations: z.array(z.string()),
    desiredAreas: z.array(z.string()),
    expectedPayFen: z.number().int(),
    education: z.string().nullable(),
    availableFrom: z.string().nullable(),
    ...FitReasons,
  })
  .openapi('SeekerMatch');

const SeekerMatches = z
  .object({
    vacancy: MatchedVacancy.extend({ title: z.string() }),
    items: z.array(SeekerMatch),
    total: z.number().int().openapi({ description: 'How many seekers match; `items` holds the best 50' }),
  })
  .openapi('SeekerMatches');

const seekerMatchesRoute = secureRoute('persons.read', {
  method: 'get',
  path: '/cases/{id}/seeker-matches',
  operationId: 'listCaseSeekerMatches',
  tags: ['cases'],
  summary: 'Active job seekers ranked for a published vacancy by the rules that rank vacancies for a seeker (ID numbers masked; the read recorded in the access log)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(SeekerMatches, 'Ranked seekers'), ...errorResponses(404) },
});

/** Matching from a vacancy to job seekers (the other direction lives with the person). */
export function matchingRoutes(rt: RuntimeContext) {
  return apiRouter().openapi(seekerMatchesRoute, async (c) => c.json(await seekerMatches(rt, c.get('user'), c.req.valid('param').id, c.get('origin')), 200));
}
