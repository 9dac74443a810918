import { and, asc, eq, inArray } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { alerts, orgUnits } from '../db/schema/index.ts';
import { quarterRatio } from '../analysis/index.ts';
import { unitInScope } from '../indicators/indicator-service.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { alertViews } from './alerts.ts';
import { flowRows, tally, type FlowRow } from './flows.ts';
import { previousQuarter, quarterEnd, quarterMonths } from './months.ts';
import { thresholdsAt } from './thresholds.ts';
import { warningRule, type QuarterFigures } from './warning-rules.ts';

function figures(rows: readonly FlowRow[], quarter: string): QuarterFigures {
  const [first, , last] = quarterMonths(quarter);
  const { stock, outflow } = tally(rows, first, last);
  return { stock, outflow };
}

/**
 * 预警评估: evaluates every rule for a quarter that has ended, at an org unit and at each of
 * its child units (one level down), each against the threshold in force there. A rule whose
 * value is past its threshold (above it, or below it for the ratio) raises an alert (status `active`). Alerts are unique per
 * unit, rule and quarter: evaluating again raises nothing twice and answers the alerts that
 * already exist (`created: false`); an alert stays once raised, even if a later evaluation no
 * longer crosses (resolving it is a person's decision).
 */
export async function evaluateWarnings(rt: RuntimeContext, user: SessionUser, input: { orgUnit: string; quarter: string }) {
  const end = quarterEnd(input.quarter);
  const previous = previousQuarter(input.quarter);
  const now = rt.clock();
  if (now < end) {
    throw new PlatformError('BAD_REQUEST', {
      message: { 'zh-CN': `${input.quarter} 尚未结束，季度结束后才能评估预警`, en: `${input.quarter} has not ended: a quarter is evaluated once it is over` },
      details: { quarter: input.quarter, reason: 'the quarter has not ended' },
    });
  }
  const unit = await unitInScope(rt, user, input.orgUnit);
  const children = await rt.db.select().from(orgUnits).where(eq(orgUnits.parentId, unit.id)).orderBy(asc(orgUnits.id));
  const units = [unit, ...children];
  const rows = await flowRows(rt, unit.path, end, true);
  const thresholds = await thresholdsAt(rt, units);

  // 求人倍率 of each unit in the quarter, from the supply/demand analysis.
  const ratios = new Map<string, number | null>();
  for (const u of units) ratios.set(u.id, await quarterRatio(rt, u.path, input.quarter));

  const evaluations = units.flatMap((u) => {
    const own = u.id === unit.id ? rows : rows.filter((r) => r.key === u.id);
    const current = { ...figures(own, input.quarter), ratio: ratios.get(u.id) ?? null };
    const before = figures(own, previous);
    return thresholds.get(u.id)!.map(({ rule, threshold, setAt }) => {
      const { direction, value: valueOf } = warningRule(rule)!;
      const value = valueOf(current, before);
      const raised = value !== null && (direction === 'above' ? value > threshold : value < threshold);
      return { orgUnit: { id: u.id, name: u.name }, rule, current, previous: before, value, threshold, thresholdSetAt: setAt, raised };
    });
  });

  const raised = evaluations.filter((e) => e.raised);
  const created = raised.length === 0
    ? []
    : await rt.db
        .insert(alerts)
        .values(raised.map((e) => ({ id: randomUUID(), orgUnitId: e.orgUnit.id, rule: e.rule, period: input.quarter, value: e.value!, threshold: e.threshold, status: 'active' as const, raisedAt: now })))
        .onConflictDoNothing({ target: [alerts.orgUnitId, alerts.rule, alerts.period] })
        .returning({ id: alerts.id });
  const createdIds = new Set(created.map((a) => a.id));
  const existing = await alertViews(rt, and(inArray(alerts.orgUnitId, units.map((u) => u.id)), eq(alerts.period, input.quarter))!);
  return {
    orgUnit: { id: unit.id, name: unit.name },
    quarter: input.quarter,
    previousQuarter: previous,
    evaluations,
    alerts: existing.map((a) => ({ ...a, created: createdIds.has(a.id) })),
  };
}
