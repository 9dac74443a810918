import { z } from '@hono/zod-openapi';
import { checkAccessLog, searchAccessLog } from '../../audit/index.ts';
import { actorOfUser } from '../../auth/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { JsonObject, Paging, jsonResponse } from '../schemas.ts';
import { secureRoute } from '../secure-route.ts';

const tags = ['audit'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const AccessEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    orgUnitId: z.string().nullable(),
    action: z.string().openapi({ example: 'person.reveal' }),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    purpose: z.string().nullable(),
    address: z.string().nullable(),
    requestId: z.string().nullable(),
    details: JsonObject,
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AccessEntry');

const searchRoute = secureRoute('audit.read', {
  method: 'get',
  path: '/audit/access-log',
  operationId: 'searchAccessLog',
  tags,
  summary: "Search the access log of the auditor's subtree: who read or revealed which personal data, exported or downloaded what, signed in or failed to",
  request: {
    query: Paging.extend({
      actor: z.string().max(64).optional().openapi({ description: 'A user id or the name tried at sign-in' }),
      action: z.string().max(40).optional(),
      targetType: z.string().max(40).optional(),
      targetId: z.string().max(64).optional(),
      from: date.optional(),
      to: date.optional(),
    }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(AccessEntry), total: z.number().int() }), 'Entries, newest first') },
});

const verifyRoute = secureRoute('audit.read', {
  method: 'get',
  path: '/audit/access-log/verify',
  operationId: 'verifyAccessLog',
  tags,
  summary: 'Walk the hash chain of the whole access log: whether it holds, over how many rows, and the first row where it breaks',
  responses: {
    200: jsonResponse(z.object({ ok: z.boolean(), rows: z.number().int(), brokenAt: z.number().int().nullable(), anchorId: z.number().int().nullable() }).openapi('ChainCheck'), 'The check'),
  },
});

/** The auditor's access to the access log: search it, verify it. Nothing deletes from it. */
export function auditRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(searchRoute, async (c) => {
      const user = c.get('user');
      return c.json(await searchAccessLog(rt, { actor: actorOfUser(user), orgPath: user.orgUnit.path }, c.req.valid('query'), c.get('origin')), 200);
    })
    .openapi(verifyRoute, async (c) => c.json(await checkAccessLog(rt, actorOfUser(c.get('user')), c.get('origin')), 200));
}
