import type { Answer, RequestBody } from '../../../client/index.ts';

type ScheduleEntry = RequestBody<'/api/calendar/years/{year}', 'put'>;

/** A day the State Council or a province sets apart from the Monday-to-Friday week. */
export type CalendarDay = ScheduleEntry['days'][number];

/** The notice a year's schedule comes from. */
export type Notice = NonNullable<ScheduleEntry['notice']>;

/** The answer to entering or importing schedules. */
export type ScheduleChangeResult = Answer<'/api/calendar/years/{year}', 'put'>;

/** A deadline moved by a calendar change, as a case's history lists it. */
export type DeadlineMove = Answer<'/api/cases/{id}/history', 'get'>['deadlineMoves'][number];

/** `GET /api/calendar`. */
export type CalendarOverview = Answer<'/api/calendar', 'get'>;

/** A year's schedule as the calendar lists it. */
export type YearSummary = CalendarOverview['national'][number];

/** `GET /api/calendar/years/{year}`. */
export type YearCalendar = Answer<'/api/calendar/years/{year}', 'get'>;
