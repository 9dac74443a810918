import type { Answer } from '../../../client/index.ts';

/** The funds a ledger item is paid from. */
export const FUNDS = ['employment-subsidy', 'unemployment-insurance'] as const;
export type Fund = (typeof FUNDS)[number];

/** What the screen asks for: a province or one of its cities, months of approval, a fund, an item. */
export interface FundFilters {
  scope: 'city' | 'province';
  /** The city (or province) org unit; the user's own when null. */
  unit: string | null;
  from: string | null;
  to: string | null;
  fund: Fund | null;
  item: string | null;
}

/** The API's answer (`GET /api/ledger/fund-statistics`). */
export type FundStatistics = Answer<'/api/ledger/fund-statistics', 'get'>;

/** One city, fund, item and month of the statistics. */
export type FundRow = FundStatistics['rows'][number];

/** The figures of a row, and of the totals. */
export type FundFigures = FundStatistics['totals'];

/** Where the screen opens: a city user on their city, anyone above on their province. */
export function defaultFilters(level: string | undefined): FundFilters {
  return { scope: level === 'city' ? 'city' : 'province', unit: null, from: null, to: null, fund: null, item: null };
}

/** The query string of the filters, without what is not set. */
export function statisticsQuery(filters: FundFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ scope: filters.scope });
  for (const key of ['unit', 'from', 'to', 'fund', 'item'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** The export's API path and the file name the browser saves it under. */
export function exportOf(filters: FundFilters, unitId: string, format: 'csv' | 'xlsx'): { path: string; fileName: string } {
  const name = `fund-statistics_${unitId}_${filters.from ?? 'start'}_${filters.to ?? 'now'}`.replace(/[^\w.-]/g, '_');
  return { path: `/ledger/fund-statistics/export?${statisticsQuery(filters, { format })}`, fileName: `${name}.${format}` };
}

/** The cities of a province's answer, for choosing one: code and name, each once, in order. */
export function citiesOf(rows: readonly FundRow[]): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const row of rows) if (!seen.has(row.cityCode)) seen.set(row.cityCode, row.cityName ?? row.cityCode);
  return [...seen].map(([value, label]) => ({ value, label }));
}

/** The items the answer holds, each once, sorted: the item filter's choices. */
export function itemsOf(rows: readonly FundRow[]): string[] {
  return [...new Set(rows.map((row) => row.item))].sort();
}
