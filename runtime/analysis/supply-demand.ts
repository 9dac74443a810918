import type { SessionUser } from '../auth/index.ts';
import { unitInScope } from '../indicators/indicator-service.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { compareKeys, rowKeyOf, type Breakdown } from './breakdowns.ts';
import { countMarket } from './counts.ts';
import { cityNames, labelsFor } from './labels.ts';
import { parseQuarter, shiftQuarter, type Quarter } from './quarter.ts';
import { rankedMinorGroups, ratio, supplyDemandTable, tallyRows, type Comparison } from './table.ts';

/** The question: which org unit's subtree, which quarter (`2026-Q4`), which breakdown; `top` minor groups per major group. */
export interface SupplyDemandQuery {
  orgUnitId: string;
  quarter: string;
  by: Breakdown;
  top?: number | undefined;
}

function period(q: Quarter) {
  return { quarter: q.id, from: q.from, to: q.to };
}

async function comparisonOf(rt: RuntimeContext, q: Quarter, comparison: Comparison) {
  const names = await cityNames(rt, [...comparison.compared, ...comparison.leftOut]);
  const city = (code: string) => ({ code, name: names.get(code) ?? null });
  return { ...period(q), comparedCities: comparison.compared.map(city), leftOutCities: comparison.leftOut.map(city) };
}

/**
 * 职业供求分析 The quarterly supply and demand table of an org unit's subtree (postings and
 * registrations taken by its offices): per row demand and its share, supply and its share,
 * 求人倍率 and, against the previous quarter and the same quarter last year on the same cities,
 * the share changes in percentage points and the ratio change. For occupation each major group
 * also lists its minor groups ranked by demand. Out-of-scope org units answer 404.
 */
export async function supplyDemand(rt: RuntimeContext, user: SessionUser, query: SupplyDemandQuery) {
  const unit = await unitInScope(rt, user, query.orgUnitId);
  const current = parseQuarter(query.quarter);
  const previousQuarter = shiftQuarter(current, -1);
  const lastYear = shiftQuarter(current, -4);
  const counts = await countMarket(rt, unit.path, query.by, { current, previousQuarter, lastYear });
  const keyOf = (key: string) => rowKeyOf(query.by, key);
  const table = supplyDemandTable({ current: counts.get('current')!, previousQuarter: counts.get('previousQuarter')!, lastYear: counts.get('lastYear')! }, keyOf, compareKeys(query.by));
  const labels = await labelsFor(rt, query.by, table.rows.map((r) => r.key));
  const minors = query.by === 'occupation' ? rankedMinorGroups(counts.get('current')!, keyOf, query.top ?? 10) : null;
  return {
    orgUnit: { id: unit.id, name: unit.name },
    by: query.by,
    ...period(current),
    previousQuarter: await comparisonOf(rt, previousQuarter, table.comparisons.previousQuarter),
    lastYear: await comparisonOf(rt, lastYear, table.comparisons.lastYear),
    total: table.total,
    rows: table.rows.map((row) => ({
      ...row,
      label: labels.get(row.key) ?? null,
      ...(minors ? { minorGroups: minors.get(row.key) ?? [] } : {}),
    })),
  };
}

/**
 * 需求人数, 求职人数 and 求人倍率 of an org unit's subtree (by its tree path) in one quarter, without
 * the table: the totals only, as the early warning needs them for each unit it evaluates and the
 * national node asks them of each province (its tree's root).
 */
export async function quarterMarket(rt: RuntimeContext, path: string, quarter: string): Promise<{ demand: number; supply: number; ratio: number | null }> {
  const counts = await countMarket(rt, path, 'total', { current: parseQuarter(quarter) });
  const { total } = tallyRows(counts.get('current')!, null, (key) => key);
  return { demand: total.demand, supply: total.supply, ratio: ratio(total.demand, total.supply) };
}

/** 求人倍率 of an org unit's subtree in one quarter. */
export async function quarterRatio(rt: RuntimeContext, path: string, quarter: string): Promise<number | null> {
  return (await quarterMarket(rt, path, quarter)).ratio;
}
