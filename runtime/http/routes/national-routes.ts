import { z } from '@hono/zod-openapi';
import { actorOfUser } from '../../auth/index.ts';
import { employersAcrossProvinces, marketAcrossProvinces, MarketResult, personAcrossProvinces, ProvinceCode, ProvinceReconciliation, reconcileClaims, vacanciesAcrossProvinces } from '../../national/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { jsonBody, jsonResponse } from '../schemas.ts';

const tags = ['national'];

const PersonStatus = z
  .object({
    records: z.array(
      z.object({
        province: ProvinceCode,
        cityCode: z.string(),
        statuses: z.record(z.string(), z.string()).openapi({ description: 'The statuses the province holds (`unemploymentStatus`, `employmentStatus`, …); a status not set is absent' }),
        updatedAt: z.string(),
      }),
    ),
    claims: z.array(z.object({ statusKey: z.string(), holder: z.string().openapi({ description: 'The exchange member of the province holding it' }), claimedAt: z.string() })),
    provinces: z.array(z.object({ code: ProvinceCode, name: z.string() })).openapi({ description: 'The provinces read' }),
  })
  .openapi('NationalPersonStatus');

const personStatusRoute = secureRoute('national.query', {
  method: 'post',
  path: '/national/person-status',
  operationId: 'queryNationalPersonStatus',
  tags,
  summary: "全国查询: a person's employment and unemployment status in every province, by ID number (in the body, never in a URL), with the national claims held; recorded here and in each province holding the person",
  request: { body: jsonBody(z.object({ idNumber: z.string().regex(/^\d{17}[\dXx]$/).openapi({ example: '350203198506120511' }) }).strict()) },
  responses: { 200: jsonResponse(PersonStatus, 'Each province’s record of the person') },
});

const employersRoute = secureRoute('national.query', {
  method: 'get',
  path: '/national/employers',
  operationId: 'listNationalEmployers',
  tags,
  summary: 'Employers in every province by unified social credit code or a part of the name (at most 200)',
  request: { query: z.object({ creditCode: z.string().length(18).optional(), name: z.string().min(1).max(50).optional() }).strict() },
  responses: {
    200: jsonResponse(
      z.array(z.object({ province: ProvinceCode, cityCode: z.string(), creditCode: z.string(), name: z.string(), industry: z.string().nullable(), size: z.string().nullable() })).openapi('NationalEmployers'),
      'The employers found',
    ),
  },
});

const vacanciesRoute = secureRoute('national.query', {
  method: 'get',
  path: '/national/vacancies',
  operationId: 'listNationalVacancies',
  tags,
  summary: 'The public vacancies in every province, by occupation code prefix (or all), newest first (at most 200)',
  request: { query: z.object({ occupation: z.string().regex(/^[\d-]{1,12}$/).optional() }).strict() },
  responses: {
    200: jsonResponse(
      z
        .array(
          z.object({
            province: ProvinceCode,
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
  },
});

const marketRoute = secureRoute('national.query', {
  method: 'get',
  path: '/national/supply-demand',
  operationId: 'getNationalSupplyDemand',
  tags,
  summary: "求人倍率 of every province for a quarter: each province's 需求人数, 求职人数 and ratio as its own supply and demand table counts them, asked of each over the exchange at the same time",
  request: { query: z.object({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'YYYY-Qn').openapi({ example: '2026-Q4' }) }).strict() },
  responses: {
    200: jsonResponse(
      z
        .array(z.object({ province: ProvinceCode, name: z.string(), figures: MarketResult.nullable(), error: z.string().nullable().openapi({ description: "The error's code where the province did not answer" }) }))
        .openapi('NationalSupplyDemand'),
      'Each province’s totals',
    ),
  },
});

const reconcileRoute = secureRoute('national.claims', {
  method: 'post',
  path: '/national/claims/reconcile',
  operationId: 'reconcileNationalClaims',
  tags,
  summary:
    'Check now the national claims each province holds (older than ten minutes) against its database, as the timer worker does every quarter of an hour: a claim the province no longer holds is given up, one it holds by another case is moved to it; each change in the access log',
  responses: { 200: jsonResponse(z.array(ProvinceReconciliation).openapi('NationalClaimReconciliation'), 'What each province’s check came to') },
});

/** 全国查询 at the national node: the provinces read through their foreign tables, their totals asked over the exchange (runtime/national). */
export function nationalRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(personStatusRoute, async (c) => c.json(await personAcrossProvinces(rt, actorOfUser(c.get('user')), c.req.valid('json').idNumber, c.get('origin')), 200))
    .openapi(employersRoute, async (c) => c.json(await employersAcrossProvinces(rt, c.req.valid('query')), 200))
    .openapi(vacanciesRoute, async (c) => c.json(await vacanciesAcrossProvinces(rt, c.req.valid('query')), 200))
    .openapi(marketRoute, async (c) => c.json(await marketAcrossProvinces(rt, c.req.valid('query').quarter), 200))
    .openapi(reconcileRoute, async (c) => c.json(await reconcileClaims(rt, { actor: actorOfUser(c.get('user')), origin: c.get('origin') }), 200));
}
