import { z } from '@hono/zod-openapi';
import { breakdowns, supplyDemand } from '../../analysis/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { LocalizedText, errorResponses, jsonResponse } from '../schemas.ts';

const tags = ['analysis'];

const Figures = {
  demand: z.number().int().openapi({ description: '需求人数: headcount of published postings valid in the period' }),
  demandShare: z.number().nullable().openapi({ description: 'Share of total demand, %' }),
  supply: z.number().int().openapi({ description: '求职人数: persons with a job-seeking registration valid in the period' }),
  supplyShare: z.number().nullable().openapi({ description: 'Share of total supply, %' }),
  ratio: z.number().nullable().openapi({ description: '求人倍率 demand / supply; null without supply' }),
};
const FigureSet = z.object(Figures);
const Change = z
  .object({
    demandSharePp: z.number().nullable().openapi({ description: 'Change of the demand share, percentage points' }),
    supplySharePp: z.number().nullable().openapi({ description: 'Change of the supply share, percentage points' }),
    ratioChange: z.number().nullable(),
    comparable: FigureSet.openapi({ description: 'This quarter on the compared cities only' }),
    base: FigureSet.openapi({ description: 'The base quarter on the same cities' }),
  })
  .nullable()
  .openapi('SupplyDemandChange');
const RowFigures = z.object({ key: z.string(), ...Figures, vsPreviousQuarter: Change, vsLastYear: Change });
const City = z.object({ code: z.string(), name: z.string().nullable() });
const BasePeriod = z.object({ quarter: z.string(), from: z.string(), to: z.string(), comparedCities: z.array(City), leftOutCities: z.array(City) });

const SupplyDemandTable = z
  .object({
    orgUnit: z.object({ id: z.string(), name: z.string() }),
    by: z.enum(breakdowns),
    quarter: z.string(),
    from: z.string(),
    to: z.string(),
    previousQuarter: BasePeriod,
    lastYear: BasePeriod,
    total: RowFigures,
    rows: z.array(
      RowFigures.extend({
        label: LocalizedText.nullable(),
        minorGroups: z.array(z.object({ rank: z.number().int(), key: z.string(), name: z.string().nullable(), ...Figures })).optional().openapi({ description: 'by=occupation: minor groups ranked by demand' }),
      }),
    ),
  })
  .openapi('SupplyDemandTable');

const supplyDemandRoute = secureRoute('indicators.read', {
  method: 'get',
  path: '/analysis/supply-demand',
  operationId: 'getSupplyDemandAnalysis',
  tags,
  summary: '职业供求分析: the quarterly supply and demand table of an org unit subtree, with 求人倍率 and changes vs last quarter and last year on the same cities',
  request: {
    query: z.object({
      orgUnit: z.string().min(1).openapi({ description: 'Org unit id; postings and registrations taken in its subtree count', example: '350200' }),
      quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'YYYY-Qn').openapi({ example: '2026-Q4' }),
      by: z.enum(breakdowns).default('total'),
      top: z.coerce.number().int().min(1).max(50).default(10).openapi({ description: 'by=occupation: minor groups listed per major group' }),
    }),
  },
  responses: { 200: jsonResponse(SupplyDemandTable, 'The table'), ...errorResponses(404) },
});

/** The quarterly supply and demand analysis (职业供求分析). */
export function analysisRoutes(rt: RuntimeContext) {
  return apiRouter().openapi(supplyDemandRoute, async (c) => {
    const { orgUnit, ...rest } = c.req.valid('query');
    return c.json(await supplyDemand(rt, c.get('user'), { orgUnitId: orgUnit, ...rest }), 200);
  });
}
