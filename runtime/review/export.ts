import { recordAccess, type RequestOrigin } from '../audit/access-log.ts';
import { actorOfUser, type SessionUser } from '../auth/index.ts';
import { drillDown, type IndicatorQuery } from '../indicators/index.ts';
import { toCsv, toXlsx, XLSX_TYPE, type Cell } from '../exports/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** The columns of an exported drill-down, zh-CN first with English. */
export const EXPORT_HEADER = ['代码 Code', '名称 Name', '分子 Numerator', '分母 Denominator', '值 Value'] as const;

/** The drill-down rows (`drillDown`'s numbers, unchanged) as a table with its header. */
export async function drillDownTable(rt: RuntimeContext, user: SessionUser, indicator: string, query: IndicatorQuery & { by: 'unit' | 'post' }): Promise<Cell[][]> {
  const result = await drillDown(rt, user, indicator, query);
  return [[...EXPORT_HEADER], ...result.rows.map((r) => [r.key, r.name, r.numerator, r.denominator, r.value])];
}

/** 导出 An indicator's drill-down as a CSV or XLSX file (recorded in the access log): the body, its content type and a file name. */
export async function exportDrillDown(
  rt: RuntimeContext,
  user: SessionUser,
  indicator: string,
  query: IndicatorQuery & { by: 'unit' | 'post' },
  format: 'csv' | 'xlsx',
  origin: RequestOrigin,
): Promise<{ body: string | Uint8Array<ArrayBuffer>; contentType: string; fileName: string }> {
  const table = await drillDownTable(rt, user, indicator, query);
  await recordAccess(rt.db, { actor: actorOfUser(user), action: 'export', target: { type: 'indicator', id: indicator }, origin, at: rt.clock(), details: { ...query, format } });
  const base = `${indicator}_${query.orgUnitId}_${query.from}_${query.to}_${query.by}`.replace(/[^\w.-]/g, '_');
  if (format === 'csv') return { body: toCsv(table, { forPeople: true }), contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
  return { body: await toXlsx(indicator, table), contentType: XLSX_TYPE, fileName: `${base}.xlsx` };
}
