import { codeName } from '../code-tables/index.ts';
import type { PeriodCounts, Tally } from './counts.ts';

/**
 * 供求表计算 The arithmetic of the supply and demand table, pure.
 *
 * Shares are percentages of the column total, ratios (求人倍率) demand / supply, both rounded to
 * 2 decimals (share null when the total is 0, ratio null when supply is 0). Changes are the
 * differences of those rounded figures, so a reader can check them from the response: shares in
 * percentage points (pp), the ratio as a plain difference; null where either side is null.
 *
 * 同口径 Like for like: a change compares the same set of cities in both periods, the cities with
 * any demand or supply in both. A city with data in only one of the two periods is left out of
 * both sides of that comparison (and listed), so a city joining or leaving the statistics does
 * not show as a change of the market. The row figures themselves count every city.
 */

/** A row's figures for one period and set of cities. */
export interface Figures {
  demand: number;
  demandShare: number | null;
  supply: number;
  supplyShare: number | null;
  ratio: number | null;
}

/** A row's change against a base period, over the cities present in both. */
export interface Change {
  demandSharePp: number | null;
  supplySharePp: number | null;
  ratioChange: number | null;
  /** The current period restricted to the compared cities. */
  comparable: Figures;
  /** The base period, same cities. */
  base: Figures;
}

export interface Row extends Figures {
  key: string;
  vsPreviousQuarter: Change | null;
  vsLastYear: Change | null;
}

/** Which cities a comparison kept and which it left out. */
export interface Comparison {
  compared: string[];
  leftOut: string[];
}

/** Rounds to 2 decimals. */
export function round2(value: number): number {
  return Math.round((value + Math.sign(value) * Number.EPSILON) * 100) / 100;
}

function share(part: number, total: number): number | null {
  return total === 0 ? null : round2((part / total) * 100);
}

/** 求人倍率 demand / supply, 2 decimals; null without supply. */
export function ratio(demand: number, supply: number): number | null {
  return supply === 0 ? null : round2(demand / supply);
}

function difference(current: number | null, base: number | null): number | null {
  return current === null || base === null ? null : round2(current - base);
}

export function figures(tally: Tally, total: Tally): Figures {
  return { demand: tally.demand, demandShare: share(tally.demand, total.demand), supply: tally.supply, supplyShare: share(tally.supply, total.supply), ratio: ratio(tally.demand, tally.supply) };
}

/** Cities with any demand or supply in the period. */
export function citiesWithData(counts: PeriodCounts): Set<string> {
  const cities = new Set<string>();
  for (const [city, keys] of counts) if ([...keys.values()].some((t) => t.demand > 0 || t.supply > 0)) cities.add(city);
  return cities;
}

/** Tallies per row key over the given cities (all when null), with the total. */
export function tallyRows(counts: PeriodCounts, cities: ReadonlySet<string> | null, rowKeyOf: (key: string) => string) {
  const rows = new Map<string, Tally>();
  const total: Tally = { demand: 0, supply: 0 };
  for (const [city, keys] of counts) {
    if (cities && !cities.has(city)) continue;
    for (const [key, tally] of keys) {
      const rowKey = rowKeyOf(key);
      const row = rows.get(rowKey) ?? { demand: 0, supply: 0 };
      row.demand += tally.demand;
      row.supply += tally.supply;
      rows.set(rowKey, row);
      total.demand += tally.demand;
      total.supply += tally.supply;
    }
  }
  return { rows, total };
}

const ZERO: Tally = { demand: 0, supply: 0 };

/** The comparison of the current period with a base period on the cities present in both. */
function comparing(current: PeriodCounts, base: PeriodCounts, rowKeyOf: (key: string) => string) {
  const now = citiesWithData(current);
  const then = citiesWithData(base);
  const compared = new Set([...now].filter((c) => then.has(c)));
  const comparison: Comparison = { compared: [...compared].sort(), leftOut: [...new Set([...now, ...then])].filter((c) => !compared.has(c)).sort() };
  if (compared.size === 0) return { comparison, changeOf: (): Change | null => null, keys: [] as string[] };
  const a = tallyRows(current, compared, rowKeyOf);
  const b = tallyRows(base, compared, rowKeyOf);
  const changeOf = (key: string | null): Change => {
    const comparable = key === null ? figures(a.total, a.total) : figures(a.rows.get(key) ?? ZERO, a.total);
    const baseFigures = key === null ? figures(b.total, b.total) : figures(b.rows.get(key) ?? ZERO, b.total);
    return {
      demandSharePp: difference(comparable.demandShare, baseFigures.demandShare),
      supplySharePp: difference(comparable.supplyShare, baseFigures.supplyShare),
      ratioChange: difference(comparable.ratio, baseFigures.ratio),
      comparable,
      base: baseFigures,
    };
  };
  return { comparison, changeOf, keys: [...b.rows.keys()] };
}

/**
 * The table: the total and one row per key, each with its changes against the previous quarter
 * and the same quarter last year. A key counted only in a compared base period still gets a row
 * (with zeros now), so a group that vanished shows its fall.
 */
export function supplyDemandTable(
  periods: { current: PeriodCounts; previousQuarter: PeriodCounts; lastYear: PeriodCounts },
  rowKeyOf: (key: string) => string,
  compareKeys: (a: string, b: string) => number,
) {
  const current = tallyRows(periods.current, null, rowKeyOf);
  const previous = comparing(periods.current, periods.previousQuarter, rowKeyOf);
  const lastYear = comparing(periods.current, periods.lastYear, rowKeyOf);
  const keys = [...new Set([...current.rows.keys(), ...previous.keys, ...lastYear.keys])].sort(compareKeys);
  const total: Row = { key: 'total', ...figures(current.total, current.total), vsPreviousQuarter: previous.changeOf(null), vsLastYear: lastYear.changeOf(null) };
  const rows: Row[] = keys.map((key) => ({ key, ...figures(current.rows.get(key) ?? ZERO, current.total), vsPreviousQuarter: previous.changeOf(key), vsLastYear: lastYear.changeOf(key) }));
  return { total, rows, comparisons: { previousQuarter: previous.comparison, lastYear: lastYear.comparison } };
}

/**
 * 小类排名 The minor groups within each major group, ranked by demand (then supply, then code),
 * at most `top` per major group, with shares of the whole column and their names from the 2022
 * 大典 (null for the few minor groups the shipped table lacks).
 */
export function rankedMinorGroups(counts: PeriodCounts, majorOf: (key: string) => string, top: number) {
  const { rows, total } = tallyRows(counts, null, (key) => key);
  const byMajor = new Map<string, { key: string; tally: Tally }[]>();
  for (const [key, tally] of rows) byMajor.set(majorOf(key), [...(byMajor.get(majorOf(key)) ?? []), { key, tally }]);
  return new Map(
    [...byMajor].map(([major, minors]) => [
      major,
      minors
        .sort((a, b) => b.tally.demand - a.tally.demand || b.tally.supply - a.tally.supply || a.key.localeCompare(b.key))
        .slice(0, top)
        .map(({ key, tally }, index) => ({ rank: index + 1, key, name: codeName('occupation-2022', key) ?? null, ...figures(tally, total) })),
    ]),
  );
}
