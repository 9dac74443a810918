import { z } from '@hono/zod-openapi';
import { listAgencyEvents } from '../../agency-events/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { jsonResponse } from '../schemas.ts';

const AgencyEventItem = z
  .object({
    cityCode: z.string(),
    sender: z.string().openapi({ description: "The agency's exchange member" }),
    messageId: z.string().openapi({ description: "The agency's message id (in the exchange inbox and message log)" }),
    service: z.string().openapi({ example: 'social-insurance.enrolment' }),
    businessKey: z.string().openapi({ description: "The agency's own reference for the event" }),
    receivedAt: z.string(),
    outcome: z.string().openapi({ description: '`person-unknown`, `employer-unknown`, `not-subscribed`, or the most telling result: `opened`, `stepped`, `already-open`, `active-case-exists`, `declined`, `no-active-case`, `not-in-force`' }),
    results: z.array(z.object({ process: z.string(), result: z.string(), caseId: z.string().optional(), caseNo: z.string().optional(), code: z.string().optional() })),
    idNumberMasked: z.string().nullable(),
    creditCode: z.string().nullable(),
    person: z.object({ id: z.string(), name: z.string() }).nullable(),
    employer: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .openapi('AgencyEvent');

const listRoute = secureRoute('cases.read', {
  method: 'get',
  operationId: 'listAgencyEvents',
  path: '/agency-events',
  tags: ['exchange'],
  summary: "Other agencies' event messages (social insurance enrolments and stops) taken in by the user's cities, newest first, with what each came to",
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }).strict() },
  responses: { 200: jsonResponse(z.object({ items: z.array(AgencyEventItem) }).openapi('AgencyEvents'), 'The events') },
});

/** The agencies' event messages as the caseworkers read them. */
export function agencyEventRoutes(rt: RuntimeContext) {
  return apiRouter().openapi(listRoute, async (c) => c.json({ items: await listAgencyEvents(rt, c.get('user'), c.req.valid('query')) }, 200));
}
