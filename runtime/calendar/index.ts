export { bundledSchedules } from './bundled-schedules.ts';
export { enterNationalSchedules, enterProvincialHolidays, seedBundledCalendar, type ScheduleChange } from './calendar-changes.ts';
export { calendarStatus, type CalendarStatus } from './calendar-status.ts';
export { calendarAt, calendarInForce, currentCalendarVersion, NATIONAL_SCOPE, noteCalendarVersion, schedulesAt } from './calendar-store.ts';
export { calendarOverview, yearCalendar } from './calendar-views.ts';
export { calendarDaySchema, parseScheduleFile, SCHEDULE_CSV_HEADER, toYearSchedule, yearScheduleSchema } from './schedule-file.ts';
export { composeCalendar, type Notice } from './year-schedule.ts';
