import { z } from '@hono/zod-openapi';
import { errorMessages } from '../../../engine/index.ts';
import { apiRouter } from '../api-app.ts';
import { publicRoute } from '../secure-route.ts';
import { jsonResponse } from '../schemas.ts';

const Messages = z.record(z.string(), z.object({ 'zh-CN': z.string(), en: z.string() })).openapi('ErrorMessages');

const listRoute = publicRoute({
  method: 'get',
  path: '/error-codes',
  operationId: 'listErrorCodes',
  tags: ['system'],
  summary: "Every error code the platform reports, with its bilingual message (the UI names verification findings by them)",
  responses: { 200: jsonResponse(Messages, 'Messages by code') },
});

/** The error catalogue, public: it names codes, it holds no data. */
export function errorCodeRoutes() {
  return apiRouter().openapi(listRoute, (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(errorMessages, 200);
  });
}
