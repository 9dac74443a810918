import type { CaseContext, CaseData, EventTimer } from '../actions/index.ts';
import { addMonths, addWorkingDays, chinaDate, chinaDayEnd, chinaDayStart, type WorkingCalendar } from '../calendar/index.ts';
import type { Definition, TimerDefinition } from '../definition/index.ts';

/** The first day of the month after a `YYYY-MM` period. */
function firstDayAfter(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** A timer's count of days or months: the number written, or the parameter it names when that is a positive whole number. */
export function timerCount(days: number | string, parameters: Readonly<Record<string, unknown>>): number | undefined {
  if (typeof days === 'number') return days;
  const value = parameters[days];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * When a timer fires and what its event carries besides the timer's own `data`, or undefined when the case lacks what the
 * timer needs (no date in the field, no such parameter): such a timer is not armed.
 */
function firing(timer: TimerDefinition, context: CaseContext, parameters: Readonly<Record<string, unknown>>, calendar: WorkingCalendar): { at: string; data: CaseData; provisional: boolean } | undefined {
  const { at } = timer;
  if ('workingDays' in at) {
    const days = timerCount(at.workingDays, parameters);
    return days === undefined ? undefined : { ...addWorkingDays(calendar, context.enteredAt, days), data: {} };
  }
  if ('endOfDate' in at) {
    const date = context.data[at.endOfDate];
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
    return { at: chinaDayEnd(date).toISOString(), data: {}, provisional: false };
  }
  if ('months' in at) {
    const months = timerCount(at.months, parameters);
    return months === undefined ? undefined : { at: chinaDayEnd(addMonths(chinaDate(context.enteredAt), months)).toISOString(), data: {}, provisional: false };
  }
  // Monthly: the month after the last one handled, never earlier than now, so months spent
  // suspended are not paid on resumption.
  const last = context.data['period'];
  const next = typeof last === 'string' && /^\d{4}-\d{2}$/.test(last) ? chinaDayStart(firstDayAfter(last)).toISOString() : context.enteredAt;
  const fireAt = Date.parse(next) > Date.parse(context.enteredAt) ? next : context.enteredAt;
  return { at: fireAt, data: { period: chinaDate(fireAt).slice(0, 7) }, provisional: false };
}

/** The event timers a case arms on entering `state`. */
export function armTimers(definition: Definition, state: string, context: CaseContext, parameters: Readonly<Record<string, unknown>>, calendar: WorkingCalendar): EventTimer[] {
  const timers = definition.states[state]?.timers ?? [];
  return timers.flatMap((timer) => {
    const fire = firing(timer, context, parameters, calendar);
    if (!fire) return [];
    const workingDays = 'workingDays' in timer.at;
    return [{ kind: 'timer.schedule', timer: 'event', state, at: fire.at, event: timer.event, otherwise: timer.otherwise ?? null, data: { ...timer.data, ...fire.data }, workingDays, provisional: fire.provisional }];
  });
}

/** The working-day timers of `state` counted again with `calendar`; timers set by a date or by the month do not depend on it. */
export function workingDayTimers(definition: Definition, state: string, context: CaseContext, parameters: Readonly<Record<string, unknown>>, calendar: WorkingCalendar): EventTimer[] {
  return armTimers(definition, state, context, parameters, calendar).filter((timer) => timer.workingDays);
}
