export { addWorkingDays, chinaDate, isWorkingDay, workingDaysBetween } from './working-days.ts';
