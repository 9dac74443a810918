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
export { addDays, addMonths, ageOn, daysBetween, isDay, isMonth, monthIndex, monthOf, monthOfIndex, monthsBetween, quarterBounds } from './calendar-days.ts';
