export { bundledSchedules, BUNDLED_SOURCE } from './bundled-schedules.ts';
export { enterNationalSchedules, enterProvincialHolidays, seedBundledCalendar, type ScheduleChange } from './calendar-changes.ts';
export { calendarStatus, WARN_FROM_MONTH_DAY, type CalendarStatus } from './calendar-status.ts';
export { calendarAt, calendarInForce, currentCalendarVersion, NATIONAL_SCOPE, provinceOf, scheduleOf, schedulesAt, type ScheduleRow } from './calendar-store.ts';
export { diffSchedules, type ScheduleDiff } from './schedule-diff.ts';
export { calendarDaySchema, parseScheduleFile, SCHEDULE_CSV_HEADER, toYearSchedule, yearScheduleSchema } from './schedule-file.ts';
export { checkSchedule, composeCalendar, nationalNoticeTitle, sortedDays, type Notice, type ScheduleProblem, type YearSchedule } from './year-schedule.ts';
export { calendarOverview, yearCalendar } from './calendar-views.ts';
