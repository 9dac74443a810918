import { z } from '@hono/zod-openapi';
import { XLSX_TYPE } from '../../exports/index.ts';
import { exportFundStatistics, fundStatistics } from '../../ledger/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { errorResponses, jsonResponse } from '../schemas.ts';

const tags = ['payments'];
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const Fund = z.enum(['employment-subsidy', 'unemployment-insurance']).openapi({ description: '就业补助资金 / 失业保险基金' });

const Query = z
  .object({
    scope: z.enum(['city', 'province']).default('city').openapi({ description: 'A city, or a province with all its cities' }),
    unit: z.string().min(1).optional().openapi({ description: 'The city or province org unit; the user’s own when absent', example: '350200' }),
    from: month.optional().openapi({ description: 'First month of approval (China time)', example: '2026-11' }),
    to: month.optional().openapi({ description: 'Last month of approval, inclusive', example: '2026-12' }),
    fund: Fund.optional(),
    item: z.string().min(1).max(200).optional().openapi({ description: 'One ledger item only' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['to'] });

const fen = z.number().int();
const persons = z.number().int();
const Figures = z.object({
  approvedFen: fen.openapi({ description: 'Items approved in the month (fen)' }),
  approvedPersons: persons,
  approvedItems: z.number().int(),
  paidFen: fen.openapi({ description: 'Payments paid or reconciled (fen)' }),
  paidPersons: persons,
  failedFen: fen.openapi({ description: 'Items whose payment the bank failed and not paid since (fen)' }),
  failedPersons: persons,
  pendingFen: fen.openapi({ description: 'Items neither paid nor ever failed: approved = paid + failed + pending' }),
  pendingPersons: persons,
  returnedFen: fen.openapi({ description: '退回: every payment the bank file failed, per attempt (fen)' }),
  returnedPersons: persons,
  returnedPayments: z.number().int(),
});

const Statistics = z
  .object({
    scope: z.enum(['city', 'province']),
    unit: z.object({ id: z.string(), name: z.string() }),
    from: z.string().nullable(),
    to: z.string().nullable(),
    fund: Fund.nullable(),
    item: z.string().nullable(),
    rows: z.array(
      Figures.extend({
        cityCode: z.string(),
        cityName: z.string().nullable(),
        orgUnitId: z.string().nullable().openapi({ description: 'The org unit of the case that approved the item' }),
        orgUnitName: z.string().nullable(),
        fund: Fund,
        item: z.string(),
        month: z.string(),
      }),
    ),
    totals: Figures.openapi({ description: 'Sums of the rows; persons are distinct over the whole selection' }),
  })
  .openapi('FundStatistics');

const statisticsRoute = secureRoute('funds.read', {
  method: 'get',
  path: '/ledger/fund-statistics',
  operationId: 'getFundStatistics',
  tags,
  summary: '经费统计: approved, paid, failed, pending and returned amounts and persons per city, org unit, fund, item and month of approval; aggregates only',
  request: { query: Query },
  responses: { 200: jsonResponse(Statistics, 'Fund statistics'), ...errorResponses(404) },
});

const exportRoute = secureRoute('funds.read', {
  method: 'get',
  path: '/ledger/fund-statistics/export',
  operationId: 'exportFundStatistics',
  tags,
  summary: 'The fund statistics as CSV (UTF-8 with BOM) or XLSX, with the numbers of the JSON answer and a totals line',
  request: { query: Query.safeExtend({ format: z.enum(['csv', 'xlsx']).default('csv') }) },
  responses: {
    200: { description: 'File', content: { 'text/csv': { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses(404),
  },
});

/** Fund statistics of the ledger for evaluators and administrators, and their exports. */
export function fundStatisticsRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(exportRoute, async (c) => {
      const { format, ...query } = c.req.valid('query');
      const file = await exportFundStatistics(rt, c.get('user'), query, format);
      return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"` });
    })
    .openapi(statisticsRoute, async (c) => c.json(await fundStatistics(rt, c.get('user'), c.req.valid('query')), 200));
}
