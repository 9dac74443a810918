import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { cases, employers, persons } from '../db/schema/index.ts';

type CaseRow = typeof cases.$inferSelect;

/**
 * The facts a step's rules may read, looked up before the pure engine runs: the subject's
 * own record, its status across every city (one registration nationwide), and the employer
 * a form names by credit code.
 */
export async function lookUpFacts(tx: Executor, row: CaseRow, form: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (row.subjectType !== 'person') return {};
  // One round trip: the person and their status across every city holding the same ID number.
  // The outer column is spelt out: drizzle leaves columns unqualified in a one-table select.
  const [found] = await tx
    .select({
      person: persons,
      employed: sql<boolean>`(SELECT bool_or(p.employment_status = 'employed') FROM persons p WHERE p.id_number = persons.id_number)`,
      unemployed: sql<boolean>`(SELECT bool_or(p.unemployment_status = 'registered') FROM persons p WHERE p.id_number = persons.id_number)`,
    })
    .from(persons)
    .where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId)))
    .limit(1);
  if (!found) return {};
  const { person } = found;
  const facts: Record<string, unknown> = {
    subject: {
      birthDate: person.birthDate,
      gender: person.gender,
      unemploymentStatus: person.unemploymentStatus,
      employmentStatus: person.employmentStatus,
      hasCertificate: person.certificateNo !== null,
    },
    registry: { employed: found.employed === true, unemployed: found.unemployed === true },
  };
  const creditCode = form['employerCreditCode'];
  if (typeof creditCode === 'string') {
    const [employer] = await tx
      .select({ name: employers.name })
      .from(employers)
      .where(and(eq(employers.cityCode, row.cityCode), eq(employers.creditCode, creditCode.toUpperCase())))
      .limit(1);
    facts['employer'] = { registered: employer !== undefined, name: employer?.name ?? null };
  }
  return facts;
}
