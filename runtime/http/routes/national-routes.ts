import { z } from '@hono/zod-openapi';
import { actorOfUser } from '../../auth/index.ts';
import { employersAcrossProvinces, personAcrossProvinces, vacanciesAcrossProvinces } from '../../national/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const tags = ['national'];
const Province = z.string().regex(/^\d{6}$/).openapi({ description: "The province's division code", example: '350000' });

const PersonStatus = z
  .object({
    records: z.array(
      z.object({
        province: Province,
        cityCode: z.string(),
        statuses: z.record(z.string(), z.string()).openapi({ description: 'The statuses the province holds (`unemploymentStatus`, `employmentStatus`, …); a status not set is absent' }),
        updatedAt: z.string(),
      }),
    ),
    claims: z.array(z.object({ statusKey: z.string(), holder: z.string().openapi({ description: 'The exchange member of the province holding it' }), claimedAt: z.string() })),
    provinces: z.array(z.object({ code: Province, name: z.string() })).openapi({ description: 'The provinces read' }),
  })
  .openapi('NationalPersonStatus');

const personStatusRoute = secureRoute('national.query', {
  method: 'post',
  path: '/national/person-status',
  tags,
  summary: "全国查询: a person's employment and unemployment status in every province, by ID number (in the body, never in a URL), with the national claims held; recorded here and in each province holding the person",
  request: { body: jsonBody(z.object({ idNumber: z.string().regex(/^\d{17}[\dXx]$/).openapi({ example: '350203198506120511' }) }).strict()) },
  responses: { 200: jsonResponse(PersonStatus, 'Each province’s record of the person'), ...errorResponses(400, 401, 403) },
});

const employersRoute = secureRoute('national.query', {
  method: 'get',
  path: '/national/employers',
  tags,
  summary: 'Employers in every province by unified social credit code or a part of the name (at most 200)',
  request: { query: z.object({ creditCode: z.string().length(18).optional(), name: z.string().min(1).max(50).optional() }).strict() },
  responses: {
    200: jsonResponse(
      z.array(z.object({ province: Province, cityCode: z.string(), creditCode: z.string(), name: z.string(), industry: z.string().nullable(), size: z.string().nullable() })).openapi('NationalEmployers'),
      'The employers found',
    ),
    ...errorResponses(400, 401, 403),
  },
});

const vacanciesRoute = secureRoute('national.query', {
  method: 'get',
  path: '/national/vacancies',
  tags,
  summary: 'The public vacancies in every province, by occupation code prefix (or all), newest first (at most 200)',
  request: { query: z.object({ occupation: z.string().regex(/^[\d-]{1,12}$/).optional() }).strict() },
  responses: {
    200: jsonResponse(
      z
        .array(
          z.object({
            province: Province,
            cityCode: z.string(),
            caseNo: z.string(),
            title: z.string(),
            employerName: z.string(),
            occupationName: z.string(),
            workAreaName: z.string(),
            headcount: z.number().int(),
            publishedAt: z.string(),
            validUntil: z.string(),
          }),
        )
        .openapi('NationalVacancies'),
      'The vacancies found',
    ),
    ...errorResponses(400, 401, 403),
  },
});

/** 全国查询 at the national node: the provinces read through their foreign tables (runtime/national). */
export function nationalRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(personStatusRoute, async (c) => c.json(await personAcrossProvinces(rt, actorOfUser(c.get('user')), c.req.valid('json').idNumber, c.get('origin')), 200))
    .openapi(employersRoute, async (c) => c.json(await employersAcrossProvinces(rt, c.req.valid('query')), 200))
    .openapi(vacanciesRoute, async (c) => c.json(await vacanciesAcrossProvinces(rt, c.req.valid('query')), 200));
}
