import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { jsonResponse } from '../schemas.ts';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }).openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness and the database backend in use',
  responses: { 200: jsonResponse(Health, 'Healthy') },
});

/** Health check: answers only after the database answers. */
export function healthRoutes(rt: RuntimeContext) {
  return apiRouter().openapi(healthRoute, async (c) => {
    await rt.db.execute(sql`SELECT 1`);
    return c.json({ status: 'ok' as const, database: rt.backend }, 200);
  });
}
