export { recountDeadlines, type RecountReport } from './deadline-recount.ts';
export { reviseProvisionalRecords } from './record-revision.ts';
export { followCalendar, type CalendarFollowUp } from './follow-calendar.ts';
