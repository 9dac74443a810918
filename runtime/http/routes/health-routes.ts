import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { jsonResponse } from '../schemas.ts';

const Health = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']),
    mode: z.enum(['demo', 'production']).openapi({ description: '`demo`: the demo accounts may sign in (the sign-in screen lists them)' }),
  })
  .openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness, the database backend in use and the mode (demo or production)',
  responses: { 200: jsonResponse(Health, 'Healthy') },
});

/** Health check: answers only after the database answers; says whether demo accounts may sign in. */
export function healthRoutes(rt: RuntimeContext) {
  return apiRouter().openapi(healthRoute, async (c) => {
    await rt.db.execute(sql`SELECT 1`);
    return c.json({ status: 'ok' as const, database: rt.backend, mode: rt.config.mode }, 200);
  });
}
