import { asc, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/index.ts';
import { orgUnits } from '../db/schema/index.ts';
import { unitInScope } from '../indicators/indicator-service.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { flowRows, tally } from './flows.ts';
import { checkMonthRange, monthStart, nextMonth, previousMonth } from './months.ts';

/** Where and when: an org unit (with its subtree) and China months `from`..`to`, inclusive. */
export interface MonitoringQuery {
  orgUnitId: string;
  from: string;
  to: string;
}

/**
 * 失业监测 per month: for an org unit's subtree, each month's inflow (registrations), outflow
 * (cancellations, by reason), the registered unemployed stock at the month's end and the mean
 * duration of the month's exits. `openingStock` is the stock at the end of the month before
 * `from`. Everything is read from the performance records.
 */
export async function unemploymentByMonth(rt: RuntimeContext, user: SessionUser, query: MonitoringQuery) {
  const months = checkMonthRange(query.from, query.to);
  const unit = await unitInScope(rt, user, query.orgUnitId);
  const rows = await flowRows(rt, unit.path, monthStart(nextMonth(query.to)), false);
  const before = previousMonth(query.from);
  return {
    orgUnit: { id: unit.id, name: unit.name, kind: unit.kind },
    from: query.from,
    to: query.to,
    openingStock: tally(rows, before, before).stock,
    months: months.map((month) => ({ month, ...tally(rows, month, month) })),
  };
}

/**
 * The same figures one level down, per child org unit (districts of a city, streets and the
 * office of a district …) over the months `from`..`to` together: inflow and outflow summed,
 * the stock at the end of `to`, the mean duration of the span's exits. Every child is listed,
 * with zeros when it has no cases; cases held at the unit itself form its own row, listed
 * only when it has any. The rows add up to the unit's figures.
 */
export async function unemploymentByUnit(rt: RuntimeContext, user: SessionUser, query: MonitoringQuery) {
  checkMonthRange(query.from, query.to);
  const unit = await unitInScope(rt, user, query.orgUnitId);
  const rows = await flowRows(rt, unit.path, monthStart(nextMonth(query.to)), true);
  const children = await rt.db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
    .from(orgUnits)
    .where(eq(orgUnits.parentId, unit.id))
    .orderBy(asc(orgUnits.id));
  const ownRows = rows.filter((r) => r.key === '');
  const own = ownRows.length > 0 ? [{ orgUnit: { id: unit.id, name: unit.name, kind: unit.kind }, ...tally(ownRows, query.from, query.to) }] : [];
  return {
    orgUnit: { id: unit.id, name: unit.name, kind: unit.kind },
    from: query.from,
    to: query.to,
    rows: [
      ...own,
      ...children.map((child) => ({ orgUnit: child, ...tally(rows.filter((r) => r.key === child.id), query.from, query.to) })),
    ],
  };
}
