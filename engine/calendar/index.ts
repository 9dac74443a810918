export {
  addWorkingDays,
  chinaDate,
  chinaDayEnd,
  chinaDayStart,
  isScheduled,
  isWorkingDay,
  workingDaysBetween,
  type CalendarDay,
  type Deadline,
  type WorkingCalendar,
} from './working-calendar.ts';
