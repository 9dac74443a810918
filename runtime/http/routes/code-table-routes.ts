import { z } from '@hono/zod-openapi';
import { codeEntries, codeTables } from '../../code-tables/index.ts';
import { divisionStreets, divisionTree } from '../../divisions/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { JsonObject, errorResponses, jsonResponse } from '../schemas.ts';

const Entry = z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.number().int(), parent: z.string().nullable() }).openapi('CodeEntry');

const listRoute = secureRoute('processes.read', {
  method: 'get',
  path: '/code-tables',
  operationId: 'listCodeTables',
  tags: ['code tables'],
  summary: 'The shipped code tables: occupation (大典 2022, GB/T 6565), industry (GB/T 4754), education (GB/T 4658), with edition and completeness',
  responses: { 200: jsonResponse(z.object({ items: z.array(JsonObject) }), 'Tables') },
});

const entriesRoute = secureRoute('processes.read', {
  method: 'get',
  path: '/code-tables/{table}',
  operationId: 'listCodeTableEntries',
  tags: ['code tables'],
  summary: 'Entries of a table, by parent code, level or a code or name prefix',
  request: {
    params: z.object({ table: z.string().openapi({ param: { name: 'table', in: 'path' } }) }),
    query: z.object({ parent: z.string().optional(), level: z.coerce.number().int().min(1).max(4).optional(), q: z.string().max(50).optional() }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(Entry) }), 'Entries'), ...errorResponses(404) },
});

const divisionsRoute = secureRoute('processes.read', {
  method: 'get',
  path: '/divisions',
  operationId: 'listDivisions',
  tags: ['code tables'],
  summary: 'Administrative divisions for a form\'s picker: provinces, cities and counties (6-digit codes) at once, or the streets/townships (9 digits) of one county',
  request: { query: z.object({ county: z.string().regex(/^\d{6}$/).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Entry.omit({ id: true })) }), 'Divisions') },
});

/** Reference code tables and the division tree, for forms and breakdowns. */
export function codeTableRoutes(_rt: RuntimeContext) {
  return apiRouter()
    .openapi(listRoute, (c) => c.json({ items: codeTables.map(({ file: _file, ...table }) => table) }, 200))
    .openapi(entriesRoute, (c) => {
      const { parent, level, q } = c.req.valid('query');
      const items = codeEntries(c.req.valid('param').table).filter(
        (e) => (parent === undefined || e.parent === parent) && (level === undefined || e.level === level) && (q === undefined || e.code.startsWith(q) || e.name.startsWith(q)),
      );
      return c.json({ items }, 200);
    })
    .openapi(divisionsRoute, (c) => {
      const { county } = c.req.valid('query');
      return c.json({ items: county === undefined ? [...divisionTree()] : divisionStreets(county) }, 200);
    });
}
