import { z } from '@hono/zod-openapi';
import { XLSX_TYPE } from '../../exports/index.ts';
import { assessInformatisation, exportAssessment, REVIEW_DAYS } from '../../informatisation/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { LocalizedText, errorResponses, jsonResponse } from '../schemas.ts';

const tags = ['informatisation'];

const Query = z.object({
  unit: z.string().min(1).max(40).openapi({ description: 'A province, city, district, street or community org unit in the user’s subtree', example: '350200' }),
  period: z
    .string()
    .regex(/^20\d{2}(-Q[1-4])?$/, 'YYYY or YYYY-Qn')
    .openapi({ description: 'A year or a quarter (China dates)', example: '2026' }),
  reviewDays: z.coerce
    .number()
    .int()
    .min(REVIEW_DAYS.min)
    .max(REVIEW_DAYS.max)
    .optional()
    .openapi({ description: `信息采集: days a collected record may wait for its review (default ${REVIEW_DAYS.default})` }),
});

const Stage = z.enum(['notStarted', 'partial', 'reached']).openapi({ description: '未启动 (nothing counted) / 部分达到 (below the threshold) / 已达到 (at or above it)' });
const Unit = z.object({ id: z.string(), name: z.string(), kind: z.string() });

const Assessment = z
  .object({
    unit: Unit.extend({ parentId: z.string().nullable() }),
    province: z.object({ id: z.string(), name: z.string() }),
    region: z.enum(['east', 'central', 'west', 'northeast']),
    regionName: LocalizedText,
    period: z.object({ id: z.string(), from: z.string(), to: z.string() }),
    reviewDays: z.number().int(),
    targets: z.array(
      z.object({
        id: z.string(),
        title: LocalizedText,
        measure: LocalizedText.openapi({ description: 'How the target is measured' }),
        numerator: z.number().int().nullable(),
        denominator: z.number().int().nullable(),
        value: z.number().nullable().openapi({ description: 'numerator / denominator, percent; null when nothing is counted' }),
        threshold: z.number().openapi({ description: 'The percent the unit’s region must reach (east 90, central 80, west 70)' }),
        stage: Stage,
        note: LocalizedText.nullable(),
      }),
    ),
    children: z.array(Unit).openapi({ description: 'Units one level down, to drill into' }),
  })
  .openapi('InformatisationAssessment');

const assessmentRoute = secureRoute('indicators.read', {
  method: 'get',
  path: '/informatisation',
  operationId: 'getInformatisation',
  tags,
  summary: '信息化考核评估: the ten targets of the guideline’s annex for a unit’s subtree and a period, with value, threshold and stage',
  request: { query: Query },
  responses: { 200: jsonResponse(Assessment, 'The assessment'), ...errorResponses(404) },
});

const exportRoute = secureRoute('indicators.read', {
  method: 'get',
  path: '/informatisation/export',
  operationId: 'exportInformatisation',
  tags,
  summary: 'The assessment as CSV (UTF-8 with BOM) or XLSX, one row per target',
  request: { query: Query.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }) },
  responses: {
    200: { description: 'File', content: { 'text/csv': { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses(404),
  },
});

/** The informatisation assessment for evaluators, and its export. */
export function informatisationRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(exportRoute, async (c) => {
      const { format, ...query } = c.req.valid('query');
      const file = await exportAssessment(rt, c.get('user'), query, format);
      return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"` });
    })
    .openapi(assessmentRoute, async (c) => c.json(await assessInformatisation(rt, c.get('user'), c.req.valid('query')), 200));
}
