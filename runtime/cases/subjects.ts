import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { persons } from '../db/schema/index.ts';
import { personSubject, type SubjectSummary } from './case-views.ts';

/** Subject summaries for a page of cases or tasks, in one query. */
export async function subjectsOf(db: Executor, rows: readonly { subjectId: string; subjectType: string }[]): Promise<Map<string, SubjectSummary>> {
  const ids = [...new Set(rows.filter((r) => r.subjectType === 'person').map((r) => r.subjectId))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: persons.id, name: persons.name, idNumber: persons.idNumber }).from(persons).where(inArray(persons.id, ids));
  return new Map(found.map((p) => [p.id, personSubject(p)]));
}

/** The person a new case is about, if it is in the user's city. */
export async function personInCity(db: Executor, cityCode: string, id: string) {
  const [person] = await db
    .select({ id: persons.id, name: persons.name, idNumber: persons.idNumber })
    .from(persons)
    .where(and(eq(persons.cityCode, cityCode), eq(persons.id, id)))
    .limit(1);
  return person;
}
