import { z } from '@hono/zod-openapi';
import { PlatformError, definitionSchema } from '../../../engine/index.ts';
import { processesInForce } from '../../plugins/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { LocalizedText, errorResponses, jsonResponse } from '../schemas.ts';

const ProcessSummary = z
  .object({ id: z.string(), version: z.number().int(), definitionId: z.string(), pluginId: z.string(), pluginVersion: z.string(), title: LocalizedText, scopeOrgUnitId: z.string() })
  .openapi('ProcessSummary');

// The engine's own schema of a definition: what the platform stores and serves is what it parsed.
const ProcessDetail = ProcessSummary.extend({ definition: definitionSchema }).openapi('ProcessDetail');

const listRoute = secureRoute('processes.read', {
  method: 'get',
  path: '/processes',
  operationId: 'listProcesses',
  tags: ['processes'],
  summary: "Processes in force for the caller's org unit",
  responses: { 200: jsonResponse(z.object({ items: z.array(ProcessSummary) }), 'Processes') },
});

const getRoute = secureRoute('processes.read', {
  method: 'get',
  path: '/processes/{processId}',
  operationId: 'getProcess',
  tags: ['processes'],
  summary: 'The definition of a process in force, with its forms',
  request: { params: z.object({ processId: z.string().openapi({ param: { name: 'processId', in: 'path' } }) }) },
  responses: { 200: jsonResponse(ProcessDetail, 'The process'), ...errorResponses(404) },
});

function summary(p: Awaited<ReturnType<typeof processesInForce>>[number]) {
  return { id: p.processId, version: p.version, definitionId: p.definitionId, pluginId: p.pluginId, pluginVersion: p.pluginVersion, title: p.definition.title, scopeOrgUnitId: p.scopeOrgUnitId };
}

/** The process catalogue as it applies to the caller. */
export function processRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const items = await processesInForce(rt.db, c.get('user').orgUnit.path);
      return c.json({ items: items.map(summary) }, 200);
    })
    .openapi(getRoute, async (c) => {
      const { processId } = c.req.valid('param');
      const [found] = await processesInForce(rt.db, c.get('user').orgUnit.path, processId);
      if (!found) throw new PlatformError('PROCESS_NOT_FOUND', { details: { processId } });
      return c.json({ ...summary(found), definition: found.definition }, 200);
    });
}
