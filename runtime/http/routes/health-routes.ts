import { z } from '@hono/zod-openapi';
import { calendarStatus } from '../../calendar/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { publicRoute } from '../secure-route.ts';
import { jsonResponse } from '../schemas.ts';

const Health = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']),
    mode: z.enum(['demo', 'production']).openapi({ description: '`demo`: the demo accounts may sign in (the sign-in screen lists them)' }),
    calendar: z
      .object({ version: z.number().int(), lastScheduledYear: z.number().int().nullable(), missingYears: z.array(z.number().int()) })
      .openapi({ description: "The working-day calendar: its version, the last year the State Council's schedule is entered for, and the years needed now that lack one" }),
  })
  .openapi('Health');

const healthRoute = publicRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: ['system'],
  summary: 'Liveness, the database backend in use, the mode (demo or production) and how far the working-day calendar reaches',
  responses: { 200: jsonResponse(Health, 'Healthy') },
});

/** Health check: answers only after the database answers; says whether demo accounts may sign in and whether the calendar runs out. */
export function healthRoutes(rt: RuntimeContext) {
  return apiRouter().openapi(healthRoute, async (c) => {
    const calendar = await calendarStatus(rt.db, rt.clock());
    return c.json({ status: 'ok' as const, database: rt.backend, mode: rt.config.mode, calendar }, 200);
  });
}
