import type { Localized } from '../api.ts';

/** A day the State Council or a province sets apart from the Monday-to-Friday week. */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** The notice a year's schedule comes from. */
export interface Notice {
  number: string | null;
  title: string;
  date: string | null;
}

/** `GET /api/health`'s calendar, and `status` of `GET /api/calendar`. */
export interface CalendarStatus {
  version: number;
  lastScheduledYear: number | null;
  missingYears: number[];
}

/** A year's schedule as the calendar lists it. */
export interface YearSummary {
  year: number;
  version: number;
  notice: Notice;
  holidays: number;
  workdays: number;
  source: string;
  enteredAt: string;
  enteredBy: string | null;
}

/** `GET /api/calendar`. */
export interface CalendarOverview {
  status: CalendarStatus;
  national: YearSummary[];
  province: { id: string; years: YearSummary[] } | null;
}

/** `GET /api/calendar/years/{year}`. */
export interface YearCalendar {
  year: number;
  national: (YearSummary & { days: CalendarDay[] }) | null;
  province: { id: string; schedule: (YearSummary & { days: CalendarDay[] }) | null } | null;
  history: (YearSummary & { scope: string; changedFrom: string | null })[];
}

/** What entering a schedule changed, or would change on a dry run. */
export interface ScheduleChange {
  scope: string;
  year: number;
  version: number | null;
  changes: boolean;
  diff: { added: CalendarDay[]; removed: CalendarDay[]; changed: { date: string; before: CalendarDay; after: CalendarDay }[]; changedFrom: string | null };
}

/** The answer to entering or importing schedules. */
export interface ScheduleChangeResult {
  changes: ScheduleChange[];
  followUp: { calendarVersion: number; unaffected: number; cases: number; moved: number; recalculatedRecords: number } | null;
}

/** A deadline moved by a calendar change, as a case's history lists it. */
export interface DeadlineMove {
  state: string;
  stateTitle: Localized;
  target: 'task' | 'timer';
  event: string | null;
  from: string;
  to: string;
  fromProvisional: boolean;
  toProvisional: boolean;
  calendarVersion: number;
  escalationWithdrawn: boolean;
  at: string;
}
