import { z } from '@hono/zod-openapi';
import { XLSX_TYPE } from '../../exports/index.ts';
import { PERIOD_PATTERN, acceptPeriod, approvePeriod, commentPeriod, exportDrillDown, listReviews, reviewOf } from '../../review/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const tags = ['review'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const period = z.string().regex(PERIOD_PATTERN, 'YYYY-Qn or YYYY-MM');
const params = z.object({
  orgUnit: z.string().min(1).openapi({ param: { name: 'orgUnit', in: 'path' }, example: '350200' }),
  period: period.openapi({ param: { name: 'period', in: 'path' }, example: '2026-Q3' }),
});

const Figure = z.object({ numerator: z.number().int(), denominator: z.number().int(), value: z.number().nullable() });
const Figures = z.record(z.string(), Figure);
const Person = z.object({ id: z.string(), name: z.string() }).nullable();
const Unit = z.object({ id: z.string(), name: z.string(), kind: z.string() });

const LateRecord = z.object({
  id: z.number().int(),
  caseId: z.string(),
  caseNo: z.string(),
  processId: z.string(),
  processTitle: z.object({ 'zh-CN': z.string(), en: z.string() }),
  event: z.string(),
  post: z.object({ code: z.string(), name: z.object({ 'zh-CN': z.string(), en: z.string() }) }).nullable(),
  orgUnit: z.object({ id: z.string(), name: z.string() }),
  leftAt: z.string(),
});

/** Where a review stands and who decided it: the same in the list and in one review. */
const decisions = {
  status: z.enum(['open', 'approved', 'accepted']),
  approvedBy: Person,
  approvedAt: z.string().nullable(),
  acceptedBy: Person,
  acceptedAt: z.string().nullable(),
  comment: z.string().nullable(),
  score: z.number().int().nullable(),
};

const ReviewSummary = z.object({ orgUnit: Unit, ...decisions, figures: Figures.nullable() });

const ReviewList = ReviewSummary.extend({ period: z.string(), from: z.string(), to: z.string(), items: z.array(ReviewSummary) }).openapi('PeriodReviewList');

const Review = z
  .object({
    orgUnit: Unit,
    period: z.string(),
    from: z.string(),
    to: z.string(),
    ...decisions,
    commentedBy: Person,
    commentedAt: z.string().nullable(),
    lastRecordId: z.number().int().nullable().openapi({ description: 'The highest performance record id the frozen figures counted' }),
    lateRecords: z.number().int().openapi({ description: 'Records of the period written after approval: flagged, not added' }),
    lateRecordList: z.array(LateRecord).openapi({ description: 'The latest 100 of those records, latest written first; empty where the user may not see the figures' }),
    figures: Figures.nullable().openapi({ description: 'The frozen figures; null before approval or where the user may not see them yet' }),
    live: Figures.nullable().openapi({ description: 'The same indicators computed now' }),
    differences: z.record(z.string(), z.object({ numerator: z.number().int(), denominator: z.number().int() })).nullable(),
  })
  .openapi('PeriodReview');

const getRoute = secureRoute('review.read', {
  method: 'get',
  path: '/review/{orgUnit}/{period}',
  operationId: 'getReview',
  tags,
  summary: 'The review of a unit\u2019s period: status, who and when, frozen figures, live figures and late records',
  request: { params },
  responses: { 200: jsonResponse(Review, 'Review'), ...errorResponses(404) },
});

const listRoute = secureRoute('review.read', {
  method: 'get',
  path: '/review',
  operationId: 'getReviewStatus',
  tags,
  summary: 'A unit\u2019s review status and its children\u2019s for a period (figures only where the user may see them)',
  request: { query: z.object({ orgUnit: z.string().min(1).openapi({ example: '350000' }), period: period.openapi({ example: '2026-Q3' }) }) },
  responses: { 200: jsonResponse(ReviewList, 'Statuses'), ...errorResponses(404) },
});

const approveRoute = secureRoute('review.approve', {
  method: 'post',
  path: '/review/{orgUnit}/{period}/approve',
  operationId: 'approveReview',
  tags,
  summary: 'The city approves an ended period: every indicator is computed and frozen (city-level configurator)',
  request: { params },
  responses: { 200: jsonResponse(Review, 'Approved'), ...errorResponses(404, 409, 422) },
});

const acceptRoute = secureRoute('review.accept', {
  method: 'post',
  path: '/review/{orgUnit}/{period}/accept',
  operationId: 'acceptReview',
  tags,
  summary: 'The province accepts approved figures (province-level configurator or evaluator)',
  request: { params },
  responses: { 200: jsonResponse(Review, 'Accepted'), ...errorResponses(404, 409) },
});

const commentRoute = secureRoute('review.comment', {
  method: 'post',
  path: '/review/{orgUnit}/{period}/comment',
  operationId: 'commentOnReview',
  tags,
  summary: 'An evaluator above the city comments on and scores (0-100) approved figures',
  request: { params, body: jsonBody(z.object({ comment: z.string().trim().min(1).max(2000), score: z.number().int().min(0).max(100) }).strict()) },
  responses: { 200: jsonResponse(Review, 'Commented'), ...errorResponses(404, 409) },
});

const exportRoute = secureRoute('review.read', {
  method: 'get',
  path: '/review/export',
  operationId: 'exportReview',
  tags,
  summary: 'An indicator\u2019s drill-down as CSV (UTF-8 with BOM) or XLSX, with the numbers of the drill-down API',
  request: {
    query: z.object({
      indicator: z.string().min(1),
      orgUnit: z.string().min(1).openapi({ example: '350200' }),
      from: date.openapi({ example: '2026-07-01' }),
      to: date.openapi({ description: 'Last day, inclusive', example: '2026-09-30' }),
      post: z.string().optional().openapi({ description: 'Only steps taken at this post' }),
      by: z.enum(['unit', 'post']).default('unit'),
      format: z.enum(['csv', 'xlsx']).default('csv'),
    }),
  },
  responses: {
    200: { description: 'File', content: { 'text/csv': { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses(404),
  },
});

/** Review of a period's figures (approval, acceptance, freezing, comments) and exports. */
export function reviewRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(exportRoute, async (c) => {
      const { indicator, orgUnit, format, ...rest } = c.req.valid('query');
      const file = await exportDrillDown(rt, c.get('user'), indicator, { orgUnitId: orgUnit, ...rest }, format, c.get('origin'));
      return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"` });
    })
    .openapi(listRoute, async (c) => {
      const { orgUnit, period: p } = c.req.valid('query');
      return c.json(await listReviews(rt, c.get('user'), orgUnit, p), 200);
    })
    .openapi(getRoute, async (c) => {
      const { orgUnit, period: p } = c.req.valid('param');
      return c.json(await reviewOf(rt, c.get('user'), orgUnit, p), 200);
    })
    .openapi(approveRoute, async (c) => {
      const { orgUnit, period: p } = c.req.valid('param');
      return c.json(await approvePeriod(rt, c.get('user'), orgUnit, p), 200);
    })
    .openapi(acceptRoute, async (c) => {
      const { orgUnit, period: p } = c.req.valid('param');
      return c.json(await acceptPeriod(rt, c.get('user'), orgUnit, p), 200);
    })
    .openapi(commentRoute, async (c) => {
      const { orgUnit, period: p } = c.req.valid('param');
      return c.json(await commentPeriod(rt, c.get('user'), orgUnit, p, c.req.valid('json')), 200);
    });
}
