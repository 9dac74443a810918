import { z } from '@hono/zod-openapi';
import { CASE_CHANNELS } from '../../cases/index.ts';
import { computeIndicator, drillDown, indicatorCatalogue, indicatorRecords, outcomeIndicators, workloadByPost } from '../../indicators/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { LocalizedText, Paging, errorResponses, jsonResponse } from '../schemas.ts';

const tags = ['indicators'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const params = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const Where = z.object({
  orgUnit: z.string().min(1).openapi({ description: 'Org unit id; its whole subtree counts', example: '350200' }),
  from: date.openapi({ example: '2026-07-01' }),
  to: date.openapi({ description: 'Last day, inclusive', example: '2026-09-30' }),
  post: z.string().optional().openapi({ description: 'Only steps taken at this post' }),
  channel: z.enum(CASE_CHANNELS).optional().openapi({ description: 'Only steps on cases that came in by this channel (window, online, coordination, import, national, exchange)' }),
});

/** A period must not end before it starts. */
const ordered = (q: { from: string; to: string }) => q.from <= q.to;
const periodMessage = { message: '`from` must not be after `to`', path: ['to'] };

const UnitRef = z.object({ id: z.string(), name: z.string() }).openapi('UnitRef');

/** Which performance records a side of an indicator counts (the plugin's declaration, as the engine checks it). */
const RecordSelector = z
  .object({
    process: z.string(),
    event: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    onTime: z.boolean().optional(),
    withDeadline: z.boolean().optional(),
    data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional().openapi({ description: 'Only records whose form data holds these values' }),
    withinDaysOfOpening: z.number().int().optional().openapi({ description: 'Only records taken within this many calendar days of the case opening' }),
  })
  .openapi('RecordSelector');

const IndicatorSpec = z
  .object({
    id: z.string(),
    title: LocalizedText,
    numerator: RecordSelector,
    denominator: RecordSelector,
    factor: z.number(),
    note: z.string().optional(),
    pluginId: z.string().openapi({ description: 'The plugin that declares the indicator' }),
  })
  .openapi('IndicatorSpec');

const IndicatorValue = z
  .object({
    indicator: z.string(),
    title: LocalizedText,
    orgUnit: UnitRef,
    from: z.string(),
    to: z.string(),
    post: z.string().optional(),
    numerator: z.number().int(),
    denominator: z.number().int(),
    factor: z.number(),
    value: z.number().nullable(),
    calendar: z
      .object({ provisionalRecords: z.number().int(), recalculatedRecords: z.number().int() })
      .openapi({ description: 'Records counted against a provisional deadline (a year with no holiday schedule yet), and records judged again since their year\'s schedule came in' }),
  })
  .openapi('IndicatorValue');

const DrillDownResult = z
  .object({
    indicator: z.string(),
    orgUnit: UnitRef,
    by: z.enum(['unit', 'post', 'channel']),
    rows: z.array(
      z.object({
        key: z.string().nullable().openapi({ description: 'The child unit id, post code or channel; null: steps without a post (by=post)' }),
        name: z.string().nullable(),
        numerator: z.number().int(),
        denominator: z.number().int(),
        value: z.number().nullable(),
      }),
    ),
  })
  .openapi('IndicatorDrillDown');

const PerformanceRecord = z
  .object({
    caseId: z.string(),
    caseNo: z.string(),
    from: z.string(),
    to: z.string(),
    event: z.string(),
    actor: z.object({ id: z.string().nullable(), name: z.string().nullable(), role: z.string() }),
    post: z.string().nullable(),
    orgUnit: UnitRef,
    enteredAt: z.string(),
    leftAt: z.string(),
    dueAt: z.string().nullable(),
    onTime: z.boolean().nullable(),
    dueProvisional: z.boolean(),
    recalculated: z
      .object({ recordedDueAt: z.string().nullable(), recordedOnTime: z.boolean().nullable(), calendarVersion: z.number().int(), at: z.string() })
      .nullable()
      .openapi({ description: 'Judged again once its year\'s schedule came in: the deadline and verdict first recorded' }),
    workingDaysLate: z.number().int(),
  })
  .openapi('PerformanceRecord');

const Workload = z
  .object({
    orgUnit: UnitRef,
    from: z.string(),
    to: z.string(),
    rows: z.array(
      z.object({
        post: z.string().nullable(),
        name: z.string().nullable(),
        handled: z.number().int(),
        averageWorkingDays: z.number().nullable(),
        p90WorkingDays: z.number().nullable(),
        openTasks: z.number().int(),
        overdueTasks: z.number().int(),
      }),
    ),
  })
  .openapi('Workload');

const Share = z.object({ numerator: z.number().int(), denominator: z.number().int(), factor: z.number(), value: z.number().nullable() }).openapi('Share');

const Outcomes = z
  .object({
    orgUnit: UnitRef,
    from: z.string(),
    to: z.string(),
    longTermUnemployedShare: Share,
    timeToFill: z.object({ filled: z.number().int(), averageDays: z.number().nullable() }),
    employmentAfterTraining: Share,
  })
  .openapi('Outcomes');

const catalogueRoute = secureRoute('indicators.read', {
  method: 'get',
  path: '/indicators',
  operationId: 'listIndicators',
  tags,
  summary: 'The indicators the processes declare: numerator and denominator selectors over performance records, and the factor',
  responses: { 200: jsonResponse(z.object({ items: z.array(IndicatorSpec) }), 'Indicators') },
});

const valueRoute = secureRoute('indicators.read', {
  method: 'get',
  path: '/indicators/{id}',
  operationId: 'getIndicator',
  tags,
  summary: 'An indicator for an org unit subtree (and post) over a period, with its numerator and denominator',
  request: { params, query: Where.refine(ordered, periodMessage) },
  responses: { 200: jsonResponse(IndicatorValue, 'Value'), ...errorResponses(404) },
});

const drillRoute = secureRoute('indicators.read', {
  method: 'get',
  path: '/indicators/{id}/drilldown',
  operationId: 'getIndicatorDrilldown',
  tags,
  summary: 'The indicator per child org unit (by=unit), per post (by=post) or per channel its cases came in by (by=channel)',
  request: { params, query: Where.extend({ by: z.enum(['unit', 'post', 'channel']).default('unit') }).refine(ordered, periodMessage) },
  responses: { 200: jsonResponse(DrillDownResult, 'Rows'), ...errorResponses(404) },
});

const recordsRoute = secureRoute('indicators.read', {
  method: 'get',
  path: '/indicators/{id}/records',
  operationId: 'listIndicatorRecords',
  tags,
  summary: 'The performance records behind the figure, a page at a time with the total (late=true: only steps that missed their deadline)',
  request: { params, query: Where.extend({ late: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }).merge(Paging).refine(ordered, periodMessage) },
  responses: { 200: jsonResponse(z.object({ items: z.array(PerformanceRecord), total: z.number().int() }), 'Records'), ...errorResponses(404) },
});

const workloadRoute = secureRoute('indicators.read', {
  method: 'get',
  path: '/workload',
  operationId: 'getWorkload',
  tags,
  summary: 'Per post in a subtree: steps handled in the period, average and 90th-percentile handling time in working days, open and overdue tasks now',
  request: { query: Where.omit({ post: true }).extend({ process: z.string().optional() }).refine(ordered, periodMessage) },
  responses: { 200: jsonResponse(Workload, 'Workload per post'), ...errorResponses(404) },
});

const outcomesRoute = secureRoute('indicators.read', {
  method: 'get',
  path: '/outcomes',
  operationId: 'getOutcomes',
  tags,
  summary: 'Long-term unemployed share at the period end, average days to fill a posting, employment within 6 months after training',
  request: { query: Where.omit({ post: true, channel: true }).refine(ordered, periodMessage) },
  responses: { 200: jsonResponse(Outcomes, 'Outcome indicators'), ...errorResponses(404) },
});

/** Performance assessment: indicators computed from the recorded steps, drill-down and the records behind them. */
export function indicatorRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(outcomesRoute, async (c) => {
      const { orgUnit, ...rest } = c.req.valid('query');
      return c.json(await outcomeIndicators(rt, c.get('user'), { orgUnitId: orgUnit, ...rest }), 200);
    })
    .openapi(workloadRoute, async (c) => {
      const { orgUnit, ...rest } = c.req.valid('query');
      return c.json(await workloadByPost(rt, c.get('user'), { orgUnitId: orgUnit, ...rest }), 200);
    })
    .openapi(catalogueRoute, async (c) => c.json({ items: [...indicatorCatalogue(rt).values()] }, 200))
    .openapi(valueRoute, async (c) => {
      const { orgUnit, ...rest } = c.req.valid('query');
      return c.json(await computeIndicator(rt, c.get('user'), c.req.valid('param').id, { orgUnitId: orgUnit, ...rest }), 200);
    })
    .openapi(drillRoute, async (c) => {
      const { orgUnit, ...rest } = c.req.valid('query');
      return c.json(await drillDown(rt, c.get('user'), c.req.valid('param').id, { orgUnitId: orgUnit, ...rest }), 200);
    })
    .openapi(recordsRoute, async (c) => {
      const { orgUnit, ...rest } = c.req.valid('query');
      return c.json(await indicatorRecords(rt, c.get('user'), c.req.valid('param').id, { orgUnitId: orgUnit, ...rest }), 200);
    });
}
