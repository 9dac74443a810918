import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { employers, persons } from '../db/schema/index.ts';
import { personSubject, type SubjectSummary } from './case-views.ts';

/** Subject summaries for a page of cases or tasks: one query per subject type present. */
export async function subjectsOf(db: Executor, rows: readonly { subjectId: string; subjectType: string }[]): Promise<Map<string, SubjectSummary>> {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.subjectType === type).map((r) => r.subjectId))];
  const personIds = idsOf('person');
  const employerIds = idsOf('employer');
  const summaries = new Map<string, SubjectSummary>();
  if (personIds.length > 0) {
    const found = await db.select({ id: persons.id, name: persons.name, masked: persons.idNumberMasked }).from(persons).where(inArray(persons.id, personIds));
    for (const p of found) summaries.set(p.id, personSubject(p));
  }
  if (employerIds.length > 0) {
    const found = await db.select({ id: employers.id, name: employers.name, creditCode: employers.creditCode }).from(employers).where(inArray(employers.id, employerIds));
    for (const e of found) summaries.set(e.id, { type: 'employer', id: e.id, name: e.name, identifier: e.creditCode });
  }
  return summaries;
}

/** The person or employer a new case is about, if it is in the user's city. */
export async function subjectInCity(db: Executor, type: 'person' | 'employer', cityCode: string, id: string): Promise<{ id: string } | undefined> {
  const table = type === 'person' ? persons : employers;
  const [found] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.cityCode, cityCode), eq(table.id, id)))
    .limit(1);
  return found;
}
