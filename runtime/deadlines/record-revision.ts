import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { addWorkingDays } from '../../engine/index.ts';
import { NATIONAL_SCOPE, calendarAt, currentCalendarVersion, schedulesAt } from '../calendar/index.ts';
import { caseEvents, cases, recordRevisions } from '../db/schema/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/**
 * Judges again the performance records whose deadline was provisional (counted Monday to Friday
 * through a year with no schedule) once that year's schedule is in: the deadline counted from the
 * state's entry with the SLA of the record's definition and the calendar in force, and whether the
 * step met it. The record stays as written; the revision is kept beside it, once, and indicators
 * count it. Records still provisional (their year is still missing) wait. Returns how many were judged.
 */
export async function reviseProvisionalRecords(rt: RuntimeContext): Promise<number> {
  const version = await currentCalendarVersion(rt.db);
  const years = (await schedulesAt(rt.db, version, [NATIONAL_SCOPE])).map((row) => row.year);
  if (years.length === 0) return 0;
  const dueYear = sql<number>`extract(year from ${caseEvents.dueAt} AT TIME ZONE 'Asia/Shanghai')::int`;
  const waiting = await rt.db
    .select({ record: caseEvents, orgPath: cases.orgPath })
    .from(caseEvents)
    .innerJoin(cases, and(eq(cases.cityCode, caseEvents.cityCode), eq(cases.id, caseEvents.caseId)))
    .leftJoin(recordRevisions, and(eq(recordRevisions.cityCode, caseEvents.cityCode), eq(recordRevisions.caseEventId, caseEvents.id)))
    .where(and(eq(caseEvents.dueProvisional, true), isNull(recordRevisions.caseEventId), inArray(dueYear, years)));
  let revised = 0;
  for (const { record, orgPath } of waiting) {
    const { definition } = await publishedDefinition(rt.db, rt.registry, record.definitionId);
    const days = record.fromState === null ? undefined : definition.states[record.fromState]?.task?.slaWorkingDays;
    if (!days) continue;
    const due = addWorkingDays(await calendarAt(rt.db, rt, version, orgPath), record.enteredAt.toISOString(), days);
    if (due.provisional) continue;
    const inserted = await rt.db
      .insert(recordRevisions)
      .values({ cityCode: record.cityCode, caseEventId: record.id, dueAt: new Date(due.at), onTime: record.leftAt.getTime() <= Date.parse(due.at), calendarVersion: version, revisedAt: rt.clock() })
      .onConflictDoNothing()
      .returning({ id: recordRevisions.caseEventId });
    revised += inserted.length;
  }
  return revised;
}
