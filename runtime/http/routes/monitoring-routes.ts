import { z } from '@hono/zod-openapi';
import { evaluateWarnings, listAlerts, setThreshold, stepAlert, thresholdsInForce, unemploymentByMonth, unemploymentByUnit, warningRuleIds } from '../../monitoring/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { IdParam, LocalizedText, Paging, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const tags = ['monitoring'];
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'YYYY-Qn');
const orgUnit = z.string().min(1).openapi({ description: 'Org unit id; its whole subtree counts', example: '350200' });
const Rule = z.enum(warningRuleIds).openapi({ description: 'unemployed-growth 登记失业人数环比增长 / outflow-drop 退出人数环比下降 / seeker-ratio-low 求人倍率过低' });
const AlertStatus = z.enum(['active', 'acknowledged', 'resolved']);
const Unit = z.object({ id: z.string(), name: z.string() });

const Tally = z.object({
  inflow: z.number().int(),
  outflow: z.number().int(),
  outflowByReason: z.record(z.string(), z.number().int()),
  stock: z.number().int(),
  averageDurationDays: z.number().nullable(),
});

const Alert = z
  .object({
    id: z.string(),
    orgUnit: Unit,
    rule: z.string(),
    period: z.string(),
    value: z.number(),
    threshold: z.number(),
    status: AlertStatus,
    raisedAt: z.string(),
    acknowledged: z.object({ by: Unit, at: z.string() }).nullable(),
    resolved: z.object({ by: Unit, at: z.string() }).nullable(),
    note: z.string().nullable(),
  })
  .openapi('Alert');

const Thresholds = z
  .object({
    orgUnit: Unit,
    rules: z.array(
      z.object({
        rule: Rule,
        title: LocalizedText,
        threshold: z.number(),
        /** Value and threshold are percentages; `ratio`: of a ratio, read as one (80 is 0.80 倍). */
        shownAs: z.enum(['percent', 'ratio']),
        setAt: z.string().nullable(),
        defaultThreshold: z.number(),
        min: z.number(),
        max: z.number(),
      }),
    ),
  })
  .openapi('WarningThresholds');

const unemploymentRoute = secureRoute('indicators.read', {
  method: 'get',
  path: '/monitoring/unemployment',
  operationId: 'getUnemploymentMonitoring',
  tags,
  summary: '失业监测: per China month inflow, outflow by reason, stock at month end and mean duration of exits (by=month); or per child org unit over the months (by=unit)',
  request: { query: z.object({ orgUnit, from: month.openapi({ example: '2026-01' }), to: month.openapi({ description: 'Last month, inclusive', example: '2026-06' }), by: z.enum(['month', 'unit']).default('month') }) },
  responses: {
    200: jsonResponse(
      z.union([
        z.object({ orgUnit: Unit, from: z.string(), to: z.string(), openingStock: z.number().int(), months: z.array(Tally.extend({ month: z.string() })) }),
        z.object({ orgUnit: Unit, from: z.string(), to: z.string(), rows: z.array(Tally.extend({ orgUnit: Unit })) }),
      ]),
      'Monitoring figures',
    ),
    ...errorResponses(404),
  },
});

const thresholdsRoute = secureRoute('indicators.read', {
  method: 'get',
  path: '/monitoring/thresholds',
  operationId: 'getThresholds',
  tags,
  summary: 'The early-warning thresholds in force at an org unit: the nearest level that set one, else the ministry default',
  request: { query: z.object({ orgUnit }) },
  responses: { 200: jsonResponse(Thresholds, 'Thresholds'), ...errorResponses(404) },
});

const setThresholdRoute = secureRoute('monitoring.configure', {
  method: 'put',
  path: '/monitoring/thresholds',
  operationId: 'setThreshold',
  tags,
  summary: "Set an org unit's threshold for a rule (configurator; their own unit unless orgUnit names one below), within the ministry bounds (else 422 PARAMETER_OUT_OF_BOUNDS naming them)",
  request: { body: jsonBody(z.object({ orgUnit: z.string().min(1).optional(), rule: Rule, threshold: z.number() }).strict()) },
  responses: { 200: jsonResponse(Thresholds, 'Thresholds in force'), ...errorResponses(404, 422) },
});

const evaluateRoute = secureRoute('monitoring.evaluate', {
  method: 'post',
  path: '/monitoring/warnings/evaluate',
  operationId: 'evaluateWarnings',
  tags,
  summary: 'Evaluate every rule for an ended quarter at an org unit and each child unit; raise alerts (never twice per unit, rule and quarter)',
  request: { body: jsonBody(z.object({ orgUnit: z.string().min(1), quarter }).strict()) },
  responses: { 200: jsonResponse(z.object({ orgUnit: Unit, quarter: z.string(), previousQuarter: z.string(), evaluations: z.array(z.record(z.string(), z.unknown())), alerts: z.array(Alert.extend({ created: z.boolean() })) }), 'Evaluation'), ...errorResponses(404) },
});

const alertsRoute = secureRoute('indicators.read', {
  method: 'get',
  path: '/monitoring/alerts',
  operationId: 'listAlerts',
  tags,
  summary: "The alerts of an org unit's subtree",
  request: { query: z.object({ orgUnit, status: AlertStatus.optional(), period: quarter.optional() }).merge(Paging) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Alert), total: z.number().int() }), 'Alerts'), ...errorResponses(404) },
});

const acknowledgeRoute = secureRoute('monitoring.alerts', {
  method: 'post',
  path: '/monitoring/alerts/{id}/acknowledge',
  operationId: 'acknowledgeAlert',
  tags,
  summary: 'Acknowledge an active alert (evaluator, configurator or reviewer)',
  request: { params: IdParam, body: { required: false, content: { 'application/json': { schema: z.object({ note: z.string().trim().min(1).max(500).optional() }).strict() } } } },
  responses: { 200: jsonResponse(Alert, 'Acknowledged'), ...errorResponses(404, 409) },
});

const resolveRoute = secureRoute('monitoring.alerts', {
  method: 'post',
  path: '/monitoring/alerts/{id}/resolve',
  operationId: 'resolveAlert',
  tags,
  summary: 'Resolve an acknowledged alert with a note on what was done (evaluator, configurator or reviewer)',
  request: { params: IdParam, body: jsonBody(z.object({ note: z.string().trim().min(1).max(500) }).strict()) },
  responses: { 200: jsonResponse(Alert, 'Resolved'), ...errorResponses(404, 409) },
});

/** Unemployment monitoring and early warning (失业监测, 就业预警). */
export function monitoringRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(unemploymentRoute, async (c) => {
      const { orgUnit: orgUnitId, from, to, by } = c.req.valid('query');
      const query = { orgUnitId, from, to };
      return c.json(by === 'unit' ? await unemploymentByUnit(rt, c.get('user'), query) : await unemploymentByMonth(rt, c.get('user'), query), 200);
    })
    .openapi(thresholdsRoute, async (c) => c.json(await thresholdsInForce(rt, c.get('user'), c.req.valid('query').orgUnit), 200))
    .openapi(setThresholdRoute, async (c) => c.json(await setThreshold(rt, c.get('user'), c.req.valid('json')), 200))
    .openapi(evaluateRoute, async (c) => c.json(await evaluateWarnings(rt, c.get('user'), c.req.valid('json')), 200))
    .openapi(alertsRoute, async (c) => {
      const { orgUnit: orgUnitId, ...rest } = c.req.valid('query');
      return c.json(await listAlerts(rt, c.get('user'), { orgUnitId, ...rest }), 200);
    })
    .openapi(acknowledgeRoute, async (c) => c.json(await stepAlert(rt, c.get('user'), c.req.valid('param').id, 'acknowledge', c.req.valid('json')?.note), 200))
    .openapi(resolveRoute, async (c) => c.json(await stepAlert(rt, c.get('user'), c.req.valid('param').id, 'resolve', c.req.valid('json').note), 200));
}
