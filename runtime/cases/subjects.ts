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

/** The person or employer a new case is about, if it is in the user's city; a person merged into another names the kept one. */
export async function subjectInCity(db: Executor, type: 'person' | 'employer', cityCode: string, id: string): Promise<{ id: string; mergedInto: string | null } | undefined> {
  if (type === 'person') {
    const [person] = await db
      .select({ id: persons.id, mergedInto: persons.mergedInto })
      .from(persons)
      .where(and(eq(persons.cityCode, cityCode), eq(persons.id, id)))
      .limit(1);
    return person;
  }
  const [employer] = await db
    .select({ id: employers.id })
    .from(employers)
    .where(and(eq(employers.cityCode, cityCode), eq(employers.id, id)))
    .limit(1);
  return employer && { id: employer.id, mergedInto: null };
}
