import { addWorkingDays, chinaDate, chinaDayEnd, chinaDayStart } from '../calendar/index.ts';
import type { Definition, TimerDefinition } from '../definition/index.ts';
import type { CaseContext, CaseData, EventTimer } from './step-types.ts';

/** The first day of the month after a `YYYY-MM` period. */
function firstDayAfter(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

function workingDaysOf(days: number | string, parameters: Readonly<Record<string, unknown>>): number | undefined {
  if (typeof days === 'number') return days;
  const value = parameters[days];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * When a timer fires and what its event carries, or undefined when the case lacks what the
 * timer needs (no date in the field, no such parameter): such a timer is not armed.
 */
function firing(timer: TimerDefinition, context: CaseContext, parameters: Readonly<Record<string, unknown>>): { at: string; data: CaseData } | undefined {
  const { at } = timer;
  if ('workingDays' in at) {
    const days = workingDaysOf(at.workingDays, parameters);
    return days === undefined ? undefined : { at: addWorkingDays(context.enteredAt, days), data: {} };
  }
  if ('endOfDate' in at) {
    const date = context.data[at.endOfDate];
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
    return { at: chinaDayEnd(date).toISOString(), data: {} };
  }
  // Monthly: the month after the last one handled, never earlier than now, so months spent
  // suspended are not paid on resumption.
  const last = context.data['period'];
  const next = typeof last === 'string' && /^\d{4}-\d{2}$/.test(last) ? chinaDayStart(firstDayAfter(last)).toISOString() : context.enteredAt;
  const fireAt = Date.parse(next) > Date.parse(context.enteredAt) ? next : context.enteredAt;
  return { at: fireAt, data: { period: chinaDate(fireAt).slice(0, 7) } };
}

/** The event timers a case arms on entering `state`. */
export function armTimers(definition: Definition, state: string, context: CaseContext, parameters: Readonly<Record<string, unknown>>): EventTimer[] {
  const timers = definition.states[state]?.timers ?? [];
  return timers.flatMap((timer) => {
    const fire = firing(timer, context, parameters);
    if (!fire) return [];
    return [{ kind: 'timer.schedule', timer: 'event', state, at: fire.at, event: timer.event, otherwise: timer.otherwise ?? null, data: fire.data }];
  });
}
