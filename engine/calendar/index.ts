export { addWorkingDays, chinaDate, chinaDayEnd, chinaDayStart, isWorkingDay, workingDaysBetween } from './working-days.ts';
