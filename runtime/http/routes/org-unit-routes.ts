import { z } from '@hono/zod-openapi';
import { unitsInReach } from '../../organisation/units-in-reach.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { jsonResponse } from '../schemas.ts';

const UnitNode = z.object({ id: z.string(), name: z.string(), kind: z.string(), hasChildren: z.boolean() }).openapi('UnitNode');

const listRoute = secureRoute('cases.read', {
  method: 'get',
  path: '/org/units',
  operationId: 'listOrgUnits',
  tags: ['organisation'],
  summary:
    "The org units the caller's work reaches, to filter cases by office: the top of the caller's jurisdiction, or the children of `parent` within it (offices first), or with `q` the units within it (at most 50) whose name holds it or whose code starts with it",
  request: { query: z.object({ parent: z.string().max(40).optional(), q: z.string().trim().min(1).max(40).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(UnitNode) }), 'Units') },
});

/** The org tree as far as the caller's work reaches, for the case search's office picker. */
export function orgUnitRoutes(rt: RuntimeContext) {
  return apiRouter().openapi(listRoute, async (c) => c.json(await unitsInReach(rt, c.get('user'), c.req.valid('query')), 200));
}
