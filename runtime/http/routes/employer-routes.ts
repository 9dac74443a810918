import { z } from '@hono/zod-openapi';
import { findEmployers, registerEmployer } from '../../employers/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { Paging, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const EmployerInput = z
  .object({
    creditCode: z.string().trim().min(1).max(32).openapi({ example: '91350100M000100Y43', description: 'GB 32100 unified social credit code' }),
    name: z.string().trim().min(1).max(100),
    legalRepIdNumber: z.string().trim().min(15).max(18).optional().openapi({ description: "The legal representative's citizen ID number (GB 11643); stored encrypted, returned masked" }),
    establishedOn: z.iso.date().optional().openapi({ example: '2025-06-01', description: 'The day the business was established (成立日期)' }),
    checkOverride: z.object({ reason: z.string().trim().min(4).max(500) }).optional().openapi({ description: 'Accept a legal early pilot code that fails a check (reviewer/admin, audited)' }),
  })
  .strict()
  .openapi('EmployerInput');

const Employer = z
  .object({
    id: z.string(),
    cityCode: z.string(),
    creditCode: z.string(),
    name: z.string(),
    legalRepIdNumber: z.string().nullable().openapi({ description: "The legal representative's ID number, masked" }),
    establishedOn: z.string().nullable(),
    checkOverride: z.object({ by: z.string(), at: z.string(), reason: z.string(), problem: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('Employer');

const createEmployerRoute = secureRoute('persons.register', {
  method: 'post',
  path: '/employers',
  tags: ['employers'],
  summary: 'Register an employer by unified social credit code',
  request: { body: jsonBody(EmployerInput) },
  responses: { 201: jsonResponse(Employer, 'Registered'), ...errorResponses(400, 401, 403, 409, 422) },
});

const listEmployersRoute = secureRoute('persons.read', {
  method: 'get',
  path: '/employers',
  tags: ['employers'],
  summary: 'Find employers by exact credit code or name prefix',
  request: { query: Paging.extend({ q: z.string().max(100).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Employer), total: z.number().int() }), 'Employers'), ...errorResponses(400, 401) },
});

/** Employer master data. */
export function employerRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(createEmployerRoute, async (c) => c.json(await registerEmployer(rt, c.get('user'), c.req.valid('json')), 201))
    .openapi(listEmployersRoute, async (c) => c.json(await findEmployers(rt, c.get('user'), c.req.valid('query')), 200));
}
