import type { CalendarDay } from './types.ts';

/** Consecutive holidays of one name, as a notice states them: 春节 2月15日至23日. */
export interface HolidayPeriod {
  name: string;
  from: string;
  to: string;
}

/** A make-up working day (调休上班). */
export interface MakeUpDay {
  name: string;
  date: string;
}

const DAY_MS = 86_400_000;
const next = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** A schedule's days as the notice states them: holiday periods, and make-up working days, in date order. */
export function periodsOf(days: readonly CalendarDay[]): { holidays: HolidayPeriod[]; workdays: MakeUpDay[] } {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const holidays: HolidayPeriod[] = [];
  for (const day of sorted.filter((d) => d.kind === 'holiday')) {
    const last = holidays.at(-1);
    if (last && last.name === day.name && next(last.to) === day.date) last.to = day.date;
    else holidays.push({ name: day.name, from: day.date, to: day.date });
  }
  return { holidays, workdays: sorted.filter((d) => d.kind === 'workday').map((d) => ({ name: d.name, date: d.date })) };
}

/** The days of holiday periods and make-up working days, one per date, in date order. A period ending before it starts gives no day. */
export function daysOf(holidays: readonly HolidayPeriod[], workdays: readonly MakeUpDay[]): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const period of holidays) {
    for (let date = period.from; date <= period.to && days.length < 400; date = next(date)) days.push({ date, kind: 'holiday', name: period.name });
  }
  for (const day of workdays) days.push({ date: day.date, kind: 'workday', name: day.name });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
