import type { RuntimeContext } from '../runtime-context.ts';
import { recountDeadlines, type RecountReport } from './deadline-recount.ts';
import { reviseProvisionalRecords } from './record-revision.ts';

/** What following a calendar change did to deadlines and records. */
export interface CalendarFollowUp extends RecountReport {
  recalculatedRecords: number;
}

/**
 * Brings work in progress and performance records up to the calendar in force: open deadlines
 * counted again (and moved where they change), provisional records judged again once their year
 * is scheduled. Run right after a change is committed, and by the timer worker on every round.
 */
export async function followCalendar(rt: RuntimeContext): Promise<CalendarFollowUp> {
  const recount = await recountDeadlines(rt);
  return { ...recount, recalculatedRecords: await reviseProvisionalRecords(rt) };
}
