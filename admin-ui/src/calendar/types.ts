import type { Answer, RequestBody } from '../../../client/index.ts';

type ScheduleEntry = RequestBody<'/api/calendar/years/{year}', 'put'>;

/** A day the State Council or a province sets apart from the Monday-to-Friday week. */
export type CalendarDay = ScheduleEntry['days'][number];

/** The notice a year's schedule comes from. */
export type Notice = NonNullable<ScheduleEntry['notice']>;

/** `GET /api/health`'s calendar, and `status` of `GET /api/calendar`. */
export type CalendarStatus = Answer<'/api/calendar', 'get'>['status'];

/** The answer to entering or importing schedules. */
export type ScheduleChangeResult = Answer<'/api/calendar/years/{year}', 'put'>;

/** What entering a schedule changed, or would change on a dry run. */
export type ScheduleChange = ScheduleChangeResult['changes'][number];

/** A deadline moved by a calendar change, as a case's history lists it. */
export type DeadlineMove = Answer<'/api/cases/{id}/history', 'get'>['deadlineMoves'][number];

// The two answers below are not described in the OpenAPI document beyond "an object" (GET
// /api/calendar's national and province, GET /api/calendar/years/{year}): kept here until it is.

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
