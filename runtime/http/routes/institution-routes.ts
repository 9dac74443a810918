import { z } from '@hono/zod-openapi';
import { changeInstitutionStatus, findInstitutions, getInstitution, registerInstitution, updateInstitution } from '../../institutions/index.ts';
import { INSTITUTION_KINDS, INSTITUTION_STATUSES } from '../../db/schema/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { IdParam, Paging, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const Kind = z.enum(INSTITUTION_KINDS).openapi({ description: '职业培训机构 training / 职业技能等级认定（鉴定）机构 skill-assessment / 职业中介机构 employment-agency / 创业孵化基地 incubator' });
const Status = z.enum(INSTITUTION_STATUSES).openapi({ description: '正常 active / 暂停 suspended / 撤销 revoked (final)' });
const OccupationCode = z.string().regex(/^\d(-\d{2}){0,3}$/).openapi({ example: '4-03-02-01', description: 'A code of the 2022 occupational classification (a group covers every occupation under it)' });
const Reason = z.string().trim().min(2).max(500).openapi({ description: 'Why, kept in the audit log and the history' });

const InstitutionInput = z
  .object({
    creditCode: z.string().trim().min(1).max(32).openapi({ example: '52350200MJ0000010U', description: 'GB 32100 unified social credit code, checked as an employer’s' }),
    name: z.string().trim().min(1).max(100),
    kind: Kind,
    licenceNo: z.string().trim().min(2).max(60).openapi({ description: '办学许可证 / 人力资源服务许可证 / filing number' }),
    validFrom: z.iso.date(),
    validUntil: z.iso.date(),
    occupations: z.array(OccupationCode).max(200).default([]),
    checkOverride: z.object({ reason: z.string().trim().min(4).max(500) }).optional().openapi({ description: 'Accept a legal early pilot code that fails a check (reviewer/admin, audited)' }),
  })
  .strict()
  .openapi('InstitutionInput');

const InstitutionUpdate = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    licenceNo: z.string().trim().min(2).max(60).optional(),
    validFrom: z.iso.date().optional(),
    validUntil: z.iso.date().optional(),
    occupations: z.array(OccupationCode).max(200).optional(),
    reason: Reason,
  })
  .strict()
  .openapi('InstitutionUpdate');

const StatusChange = z.object({ status: Status, reason: Reason }).strict().openapi('InstitutionStatusChange');

const Institution = z
  .object({
    id: z.string(),
    cityCode: z.string(),
    creditCode: z.string(),
    name: z.string(),
    kind: Kind,
    licenceNo: z.string(),
    validFrom: z.string(),
    validUntil: z.string(),
    occupations: z.array(z.string()),
    status: Status,
    checkOverride: z.object({ by: z.string(), at: z.string(), reason: z.string(), problem: z.string() }).nullable(),
    orgUnitId: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Institution');

const historyBase = { actorId: z.string().nullable(), actorName: z.string().nullable(), at: z.string() };
/** One entry of an institution's history: what the audit log holds of each kind of change. */
const HistoryEntry = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('institution.register'), ...historyBase, details: z.record(z.string(), z.unknown()).openapi({ description: 'The record as registered' }) }),
    z.object({
      action: z.literal('institution.update'),
      ...historyBase,
      details: z.object({ changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).openapi({ description: 'Per field corrected: the value before and after' }), reason: z.string() }),
    }),
    z.object({ action: z.literal('institution.status'), ...historyBase, details: z.object({ from: Status, to: Status, reason: z.string() }) }),
  ])
  .openapi('InstitutionHistoryEntry');

const InstitutionRecord = Institution.extend({ history: z.array(HistoryEntry) }).openapi('InstitutionRecord');

const listRoute = secureRoute('institutions.read', {
  method: 'get',
  path: '/institutions',
  operationId: 'listInstitutions',
  tags: ['institutions'],
  summary: 'Find institutions by credit code, licence number or name prefix, kind, status, validity on a day and occupation in scope',
  request: {
    query: Paging.extend({ q: z.string().max(100).optional(), kind: Kind.optional(), status: Status.optional(), validOn: z.iso.date().optional(), occupation: OccupationCode.optional() }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(Institution), total: z.number().int() }), 'Institutions') },
});

const getRoute = secureRoute('institutions.read', {
  method: 'get',
  path: '/institutions/{id}',
  operationId: 'getInstitution',
  tags: ['institutions'],
  summary: 'One institution with its history',
  request: { params: IdParam },
  responses: { 200: jsonResponse(InstitutionRecord, 'The institution'), ...errorResponses(404) },
});

const createRoute = secureRoute('institutions.manage', {
  method: 'post',
  path: '/institutions',
  operationId: 'createInstitution',
  tags: ['institutions'],
  summary: 'Register an institution of the city',
  request: { body: jsonBody(InstitutionInput) },
  responses: { 201: jsonResponse(Institution, 'Registered'), ...errorResponses(409, 422) },
});

const updateRoute = secureRoute('institutions.manage', {
  method: 'patch',
  path: '/institutions/{id}',
  operationId: 'updateInstitution',
  tags: ['institutions'],
  summary: 'Correct an institution with a stated reason',
  request: { params: IdParam, body: jsonBody(InstitutionUpdate) },
  responses: { 200: jsonResponse(Institution, 'Corrected'), ...errorResponses(404, 409, 422) },
});

const statusRoute = secureRoute('institutions.manage', {
  method: 'post',
  path: '/institutions/{id}/status',
  operationId: 'setInstitutionStatus',
  tags: ['institutions'],
  summary: 'Suspend, reinstate or revoke an institution with a stated reason',
  request: { params: IdParam, body: jsonBody(StatusChange) },
  responses: { 200: jsonResponse(Institution, 'Changed'), ...errorResponses(404, 409, 422) },
});

/** The institutions register: training, assessment, employment agency and incubator institutions of a city. */
export function institutionRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(listRoute, async (c) => c.json(await findInstitutions(rt, c.get('user'), c.req.valid('query')), 200))
    .openapi(getRoute, async (c) => c.json(await getInstitution(rt, c.get('user'), c.req.valid('param').id), 200))
    .openapi(createRoute, async (c) => c.json(await registerInstitution(rt, c.get('user'), c.req.valid('json')), 201))
    .openapi(updateRoute, async (c) => {
      const { reason, ...changes } = c.req.valid('json');
      return c.json(await updateInstitution(rt, c.get('user'), c.req.valid('param').id, changes, reason), 200);
    })
    .openapi(statusRoute, async (c) => {
      const { status, reason } = c.req.valid('json');
      return c.json(await changeInstitutionStatus(rt, c.get('user'), c.req.valid('param').id, status, reason), 200);
    });
}
