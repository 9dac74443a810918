import { z } from '@hono/zod-openapi';
import { editEmployer, employerHistory, findEmployers, getEmployer, registerEmployer } from '../../employers/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { ChangeReason, History, IdParam, Paging, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

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

const EmployerSize = z.enum(['large', 'medium', 'small', 'micro']).openapi({ description: '大型 / 中型 / 小型 / 微型' });

const EmployerChanges = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    legalRepName: z.string().trim().max(50).nullable().optional(),
    legalRepIdNumber: z.string().trim().min(15).max(18).nullable().optional().openapi({ description: 'GB 11643; stored encrypted, shown masked' }),
    establishedOn: z.iso.date().nullable().optional(),
    address: z.string().max(200).nullable().optional(),
    industry: z.string().regex(/^\d{4}$/).nullable().optional().openapi({ example: '7251', description: 'A GB/T 4754-2017 class (4 digits) of the `industry-gb4754-2017` table' }),
    ownershipType: z.string().regex(/^\d{3}$/).nullable().optional().openapi({ example: '173', description: 'A type of the `registration-type-2011` table' }),
    size: EmployerSize.nullable().optional(),
    contactName: z.string().trim().max(50).nullable().optional(),
    contactPhone: z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/).nullable().optional().openapi({ description: 'A mobile or a landline (0592-5551234); stored encrypted' }),
  })
  .strict()
  .openapi({ description: 'The fields to change (never the credit code); null clears a field' });

const EmployerEdit = z.object({ changes: EmployerChanges, reason: ChangeReason }).strict().openapi('EmployerEdit');

const Employer = z
  .object({
    id: z.string(),
    cityCode: z.string(),
    creditCode: z.string(),
    name: z.string(),
    legalRepName: z.string().nullable(),
    legalRepIdNumber: z.string().nullable().openapi({ description: "The legal representative's ID number, masked" }),
    establishedOn: z.string().nullable(),
    address: z.string().nullable(),
    industry: z.string().nullable().openapi({ description: 'GB/T 4754-2017 class (4 digits)' }),
    ownershipType: z.string().nullable().openapi({ description: '登记注册类型, a code of the `registration-type-2011` table' }),
    size: EmployerSize.nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable().openapi({ description: 'In the clear for caseworkers and reviewers (a recorded read) on the one employer; masked in lists and for others' }),
    masked: z.boolean(),
    checkOverride: z.object({ by: z.string(), at: z.string(), reason: z.string(), problem: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('Employer');

const createEmployerRoute = secureRoute('persons.register', {
  method: 'post',
  path: '/employers',
  operationId: 'createEmployer',
  tags: ['employers'],
  summary: 'Register an employer by unified social credit code',
  request: { body: jsonBody(EmployerInput) },
  responses: { 201: jsonResponse(Employer, 'Registered'), ...errorResponses(409, 422) },
});

const listEmployersRoute = secureRoute('persons.read', {
  method: 'get',
  path: '/employers',
  operationId: 'listEmployers',
  tags: ['employers'],
  summary: 'Find employers by exact credit code or name prefix',
  request: { query: Paging.extend({ q: z.string().max(100).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Employer), total: z.number().int() }), 'Employers') },
});

const getEmployerRoute = secureRoute('persons.read', {
  method: 'get',
  path: '/employers/{id}',
  operationId: 'getEmployer',
  tags: ['employers'],
  summary: 'One employer: the contact phone in the clear for caseworkers and reviewers (recorded in the access log), masked for others',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Employer, 'The employer'), ...errorResponses(404) },
});

const editEmployerRoute = secureRoute('persons.register', {
  method: 'patch',
  path: '/employers/{id}',
  operationId: 'updateEmployer',
  tags: ['employers'],
  summary: 'Correct an employer of the caller\u2019s city for a stated reason: address, industry, ownership type, size, legal representative, contact; every changed field kept in the history',
  request: { params: IdParam, body: jsonBody(EmployerEdit) },
  responses: { 200: jsonResponse(Employer, 'The employer, masked'), ...errorResponses(404, 422) },
});

const employerHistoryRoute = secureRoute('persons.read', {
  method: 'get',
  path: '/employers/{id}/history',
  operationId: 'getEmployerHistory',
  tags: ['employers'],
  summary: 'Every change of the employer\u2019s record: who, when, field, before, after, reason',
  request: { params: IdParam },
  responses: { 200: jsonResponse(History, 'The history, newest first'), ...errorResponses(404) },
});

/** Employer master data. */
export function employerRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(createEmployerRoute, async (c) => c.json(await registerEmployer(rt, c.get('user'), c.req.valid('json')), 201))
    .openapi(listEmployersRoute, async (c) => c.json(await findEmployers(rt, c.get('user'), c.req.valid('query')), 200))
    .openapi(getEmployerRoute, async (c) => c.json(await getEmployer(rt, c.get('user'), c.req.valid('param').id, c.get('origin')), 200))
    .openapi(editEmployerRoute, async (c) => c.json(await editEmployer(rt, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(employerHistoryRoute, async (c) => c.json(await employerHistory(rt, c.get('user'), c.req.valid('param').id, c.get('origin')), 200));
}
