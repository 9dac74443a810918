export { addWorkingDays, chinaDate, isWorkingDay } from './working-days.ts';
