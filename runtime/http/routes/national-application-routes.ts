import { z } from '@hono/zod-openapi';
import { PlatformError } from '../../../engine/index.ts';
import { downloadNationalApplications, NATIONAL_APPLICATIONS } from '../../national-applications/index.ts';
import { requireCity } from '../../persons/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { errorBody } from '../error-handler.ts';
import { secureRoute } from '../secure-route.ts';
import { ErrorBody, errorResponses, jsonResponse } from '../schemas.ts';

const Download = z
  .object({
    cityCode: z.string(),
    member: z.string().openapi({ description: "The city's exchange member that downloads and answers" }),
    platform: z.string().openapi({ description: "The national platform's member" }),
    opened: z.number().int().openapi({ description: 'Applications taken in as new cases (channel `national`)' }),
    refused: z.number().int().openapi({ description: 'Applications refused by the form or rules in force, each answered to the platform as `refused` with its reason' }),
    error: ErrorBody.nullable().openapi({ description: 'What stopped the download (a message refused by the exchange, the platform not answering), nothing of that message written; null when it read to the end' }),
  })
  .openapi('NationalApplicationsDownload');

const downloadRoute = secureRoute('national.download', {
  method: 'post',
  path: '/national-applications/download',
  operationId: 'downloadNationalApplications',
  tags: ['exchange'],
  summary: "Download now the city's applications from the 全国人社政务服务平台 (申请信息下载), as the timer worker does every five minutes",
  responses: { 200: jsonResponse(Download, 'What the download came to'), ...errorResponses(404) },
});

/** The national platform's applications: a city's administrator downloads them now. */
export function nationalApplicationRoutes(rt: RuntimeContext) {
  return apiRouter().openapi(downloadRoute, async (c) => {
    const cityCode = requireCity(c.get('user'));
    const [outcome] = await downloadNationalApplications(rt, { cityCode });
    if (!outcome) throw new PlatformError('NOT_FOUND', { details: { service: NATIONAL_APPLICATIONS, reason: 'the city is not wired to the national platform' } });
    const { error, ...counts } = outcome;
    return c.json({ ...counts, error: error && errorBody(error) }, 200);
  });
}
