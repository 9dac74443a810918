import { sql, type SQL } from 'drizzle-orm';
import { PlatformError, chinaDayStart, type Fund } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { queryRows } from '../db/index.ts';
import { toCsv, toXlsx, XLSX_TYPE, type Cell } from '../exports/index.ts';
import { unitInScope } from '../indicators/indicator-service.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/**
 * 经费统计 Fund statistics: the ledger summed per city, org unit (of the case that approved the
 * item), fund, item and month of approval (China time). Every figure hangs off the approved
 * ledger item, so the rows add up to the ledger to the fen:
 * - approved: the items approved in the month;
 * - paid: their payments the bank paid (paid or reconciled);
 * - failed: items the bank returned a payment of and which are not paid since (re-issued ones
 *   awaiting the bank again included); pending: items neither paid nor ever returned, so that
 *   approved = paid + failed + pending;
 * - returned (退回): every payment the bank's reconciliation file failed, counted per attempt
 *   (an item returned twice counts twice), whether or not the item was paid later. The ledger
 *   does not model a payment the bank takes back after paying it: a return is a failed line.
 * Persons are distinct persons (by the blind index of the ID number, so across cities too):
 * a row's persons do not add up to the totals' when one person has items in several rows.
 * Aggregates only: no name or ID number leaves, so reading is not an access to personal data.
 */

/** What to sum: the city or province (the user's own, or `unit` in their subtree), months of approval, one fund, one item. */
export interface FundStatisticsQuery {
  scope: 'city' | 'province';
  unit?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  fund?: Fund | undefined;
  item?: string | undefined;
}

/** The figures of a row or of the totals, amounts in integer fen. */
export interface FundFigures {
  approvedFen: number;
  approvedPersons: number;
  approvedItems: number;
  paidFen: number;
  paidPersons: number;
  failedFen: number;
  failedPersons: number;
  pendingFen: number;
  pendingPersons: number;
  returnedFen: number;
  returnedPersons: number;
  returnedPayments: number;
}

/** One row: a city's org unit, a fund, an item and a month of approval. */
export interface FundStatisticsRow extends FundFigures {
  cityCode: string;
  cityName: string | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
  fund: Fund;
  item: string;
  month: string;
}

const FIGURES = ['approvedFen', 'approvedPersons', 'approvedItems', 'paidFen', 'paidPersons', 'failedFen', 'failedPersons', 'pendingFen', 'pendingPersons', 'returnedFen', 'returnedPersons', 'returnedPayments'] as const;

/** The instant a China month starts (`YYYY-MM`), and the one the month after starts. */
function monthBounds(month: string): [Date, Date] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return [chinaDayStart(`${month}-01`), chinaDayStart(`${next}-01`)];
}

/**
 * The city or province asked about: `unit` when given (of the scope's kind, in the user's
 * subtree, else 400 or 404), else the user's own unit when it is of that kind. A city user
 * asking for the province answers 404, like any record out of reach.
 */
async function scopeUnit(rt: RuntimeContext, user: SessionUser, query: FundStatisticsQuery) {
  if (query.unit) {
    const unit = await unitInScope(rt, user, query.unit);
    if (unit.kind !== query.scope) throw new PlatformError('BAD_REQUEST', { details: { orgUnit: unit.id, kind: unit.kind, scope: query.scope, reason: 'unit is not of the scope’s kind' } });
    return unit;
  }
  const [own] = await queryRows<{ id: string; name: string; kind: string; path: string }>(rt.db, sql`SELECT id, name, kind, path FROM org_units WHERE kind = ${query.scope} AND ${user.orgUnit.path} LIKE path || '%'`);
  if (!own) {
    throw new PlatformError('BAD_REQUEST', {
      message: { 'zh-CN': '请指定要统计的市或省（unit）', en: 'Name the city or province to sum (unit)' },
      details: { scope: query.scope, reason: 'unit required above this level' },
    });
  }
  // The user's own province, asked by a city user: above their reach.
  if (!own.path.startsWith(user.orgUnit.path)) throw new PlatformError('NOT_FOUND', { details: { orgUnit: own.id, scope: query.scope } });
  return own;
}

/** The ledger items of the scope's cities approved in the months, of the fund and item asked. */
function selection(path: string, query: FundStatisticsQuery): SQL {
  const conditions: SQL[] = [sql`i.city_code IN (SELECT city_code FROM org_units WHERE kind = 'city' AND path LIKE ${`${path}%`})`];
  if (query.from) conditions.push(sql`i.approved_at >= ${monthBounds(query.from)[0].toISOString()}`);
  if (query.to) conditions.push(sql`i.approved_at < ${monthBounds(query.to)[1].toISOString()}`);
  if (query.fund) conditions.push(sql`i.fund = ${query.fund}`);
  if (query.item) conditions.push(sql`i.item = ${query.item}`);
  return sql.join(conditions, sql` AND `);
}

type Raw = Record<string, string | number | null> & { total: string | number };

/** Fund statistics of a city or a province: the rows and their totals (distinct persons over the whole selection). */
export async function fundStatistics(rt: RuntimeContext, user: SessionUser, query: FundStatisticsQuery) {
  const unit = await scopeUnit(rt, user, query);
  const raw = await queryRows<Raw>(
    rt.db,
    sql`WITH scoped AS (
          SELECT i.city_code, c.org_unit_id, i.fund, i.item, i.amount_fen,
                 to_char(i.approved_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
                 coalesce(i.id_number_index, i.city_code || ':' || i.person_id::text) AS person,
                 pay.paid_fen, pay.returned_fen, pay.returned_count
          FROM ledger_items i
          LEFT JOIN cases c ON c.city_code = i.city_code AND c.id = i.case_id
          CROSS JOIN LATERAL (
            SELECT coalesce(sum(p.amount_fen) FILTER (WHERE p.status IN ('paid', 'reconciled')), 0) AS paid_fen,
                   coalesce(sum(p.amount_fen) FILTER (WHERE p.status = 'failed'), 0) AS returned_fen,
                   count(*) FILTER (WHERE p.status = 'failed') AS returned_count
            FROM payments p WHERE p.city_code = i.city_code AND p.item_id = i.id
          ) pay
          WHERE ${selection(unit.path, query)}
        ), sums AS (
          SELECT city_code, org_unit_id, fund, item, month, grouping(city_code, org_unit_id, fund, item, month) AS total,
                 coalesce(sum(amount_fen), 0) AS "approvedFen",
                 count(DISTINCT person) AS "approvedPersons",
                 count(*) AS "approvedItems",
                 coalesce(sum(paid_fen), 0) AS "paidFen",
                 count(DISTINCT person) FILTER (WHERE paid_fen > 0) AS "paidPersons",
                 coalesce(sum(amount_fen) FILTER (WHERE paid_fen = 0 AND returned_count > 0), 0) AS "failedFen",
                 count(DISTINCT person) FILTER (WHERE paid_fen = 0 AND returned_count > 0) AS "failedPersons",
                 coalesce(sum(amount_fen) FILTER (WHERE paid_fen = 0 AND returned_count = 0), 0) AS "pendingFen",
                 count(DISTINCT person) FILTER (WHERE paid_fen = 0 AND returned_count = 0) AS "pendingPersons",
                 coalesce(sum(returned_fen), 0) AS "returnedFen",
                 count(DISTINCT person) FILTER (WHERE returned_count > 0) AS "returnedPersons",
                 coalesce(sum(returned_count), 0) AS "returnedPayments"
          FROM scoped
          GROUP BY GROUPING SETS ((city_code, org_unit_id, fund, item, month), ())
        )
        SELECT s.*, city.name AS city_name, unit.name AS org_unit_name
        FROM sums s
        LEFT JOIN org_units city ON city.kind = 'city' AND city.city_code = s.city_code
        LEFT JOIN org_units unit ON unit.id = s.org_unit_id
        ORDER BY s.city_code, s.org_unit_id, s.fund, s.item, s.month`,
  );
  const figures = (row: Raw) => Object.fromEntries(FIGURES.map((key) => [key, Number(row[key] ?? 0)])) as unknown as FundFigures;
  const rows: FundStatisticsRow[] = raw
    .filter((row) => Number(row.total) === 0)
    .map((row) => ({
      cityCode: String(row['city_code']),
      cityName: row['city_name'] === null ? null : String(row['city_name']),
      orgUnitId: row['org_unit_id'] === null ? null : String(row['org_unit_id']),
      orgUnitName: row['org_unit_name'] === null ? null : String(row['org_unit_name']),
      fund: row['fund'] as Fund,
      item: String(row['item']),
      month: String(row['month']),
      ...figures(row),
    }));
  const totals = figures(raw.find((row) => Number(row.total) !== 0)!);
  return { scope: query.scope, unit: { id: unit.id, name: unit.name }, from: query.from ?? null, to: query.to ?? null, fund: query.fund ?? null, item: query.item ?? null, rows, totals };
}

/** The exported columns, zh-CN first with English; amounts in fen, as the ledger keeps them. */
export const FUND_STATISTICS_HEADER = [
  '市代码 City code',
  '市 City',
  '机构代码 Org unit',
  '机构 Org unit name',
  '资金 Fund',
  '项目 Item',
  '核定月份 Month approved',
  '核定金额（分） Approved (fen)',
  '核定人数 Approved persons',
  '核定笔数 Approved items',
  '已发放金额（分） Paid (fen)',
  '已发放人数 Paid persons',
  '发放失败金额（分） Failed (fen)',
  '发放失败人数 Failed persons',
  '待发放金额（分） Pending (fen)',
  '待发放人数 Pending persons',
  '退回金额（分） Returned (fen)',
  '退回人数 Returned persons',
  '退回笔数 Returned payments',
] as const;

const FUND_NAMES: Record<Fund, string> = { 'employment-subsidy': '就业补助资金 employment-subsidy', 'unemployment-insurance': '失业保险基金 unemployment-insurance' };

/** The statistics as a table: the header, a line per row, then the totals. */
export function fundStatisticsTable(result: Awaited<ReturnType<typeof fundStatistics>>): Cell[][] {
  const figures = (f: FundFigures): Cell[] => FIGURES.map((key) => f[key]);
  return [
    [...FUND_STATISTICS_HEADER],
    ...result.rows.map((r) => [r.cityCode, r.cityName, r.orgUnitId, r.orgUnitName, FUND_NAMES[r.fund], r.item, r.month, ...figures(r)]),
    [null, null, null, null, null, null, '合计 Total', ...figures(result.totals)],
  ];
}

/** 导出 The statistics as a CSV (UTF-8 with BOM) or XLSX file, with the numbers of the JSON answer. */
export async function exportFundStatistics(rt: RuntimeContext, user: SessionUser, query: FundStatisticsQuery, format: 'csv' | 'xlsx') {
  const result = await fundStatistics(rt, user, query);
  const table = fundStatisticsTable(result);
  const base = `fund-statistics_${result.unit.id}_${query.from ?? 'start'}_${query.to ?? 'now'}`.replace(/[^\w.-]/g, '_');
  if (format === 'csv') return { body: toCsv(table, { forPeople: true }), contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
  return { body: await toXlsx('经费统计 Fund statistics', table), contentType: XLSX_TYPE, fileName: `${base}.xlsx` };
}
