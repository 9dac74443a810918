import type { CalendarDay, WorkingCalendar } from '../../engine/index.ts';
import { bundledSchedules, composeCalendar } from '../../runtime/calendar/index.ts';

/** The calendar a new installation starts with (the State Council's schedules to 2026), as version 1. */
export const calendar: WorkingCalendar = composeCalendar(1, bundledSchedules(), []);

function range(name: string, kind: CalendarDay['kind'], from: string, to: string): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push({ date: new Date(t).toISOString().slice(0, 10), kind, name });
  return days;
}

/**
 * A 2027 schedule entered in the tests, shaped like the State Council's (it is not the real
 * notice): New Year's Day 1-3 January; the Spring Festival 5-13 February with the make-up working
 * Saturday 20 February; National Day 1-7 October with the make-up working days Sunday 26 September
 * and Saturday 9 October.
 */
export const schedule2027 = {
  notice: { number: '国办发明电〔2026〕99号（测试）', title: '国务院办公厅关于2027年部分节假日安排的通知', date: '2026-11-10' },
  days: [
    ...range('元旦', 'holiday', '2027-01-01', '2027-01-03'),
    ...range('春节', 'holiday', '2027-02-05', '2027-02-13'),
    { date: '2027-02-20', kind: 'workday', name: '春节' },
    { date: '2027-09-26', kind: 'workday', name: '国庆节' },
    ...range('国庆节', 'holiday', '2027-10-01', '2027-10-07'),
    { date: '2027-10-09', kind: 'workday', name: '国庆节' },
  ] satisfies CalendarDay[],
};

/** The calendar after the 2027 schedule is entered, as version 2. */
export const calendarWith2027: WorkingCalendar = composeCalendar(2, [...bundledSchedules(), { year: 2027, notice: schedule2027.notice, days: schedule2027.days }], []);
