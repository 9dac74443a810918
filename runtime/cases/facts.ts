import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { cases, employers, persons } from '../db/schema/index.ts';

type CaseRow = typeof cases.$inferSelect;

/** The person's own record and their status across every city holding the same ID number. */
async function personFacts(tx: Executor, row: CaseRow): Promise<Record<string, unknown>> {
  // One round trip. The outer column is spelt out: drizzle leaves columns unqualified in a one-table select.
  const [found] = await tx
    .select({
      person: persons,
      employed: sql<boolean>`(SELECT bool_or(p.employment_status = 'employed') FROM persons p WHERE p.id_number_index = persons.id_number_index)`,
      unemployed: sql<boolean>`(SELECT bool_or(p.unemployment_status = 'registered') FROM persons p WHERE p.id_number_index = persons.id_number_index)`,
      recognized: sql<boolean>`(SELECT bool_or(p.difficulty_status = 'recognized') FROM persons p WHERE p.id_number_index = persons.id_number_index)`,
    })
    .from(persons)
    .where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId)))
    .limit(1);
  if (!found) return {};
  const { person } = found;
  return {
    subject: {
      birthDate: person.birthDate,
      gender: person.gender,
      unemploymentStatus: person.unemploymentStatus,
      employmentStatus: person.employmentStatus,
      difficultyStatus: person.difficultyStatus,
      unjustifiedRefusals: person.unjustifiedRefusals,
      hasCertificate: person.certificateNo !== null,
    },
    registry: { employed: found.employed === true, unemployed: found.unemployed === true, recognized: found.recognized === true },
  };
}

async function employerFacts(tx: Executor, cityCode: string, creditCode: string) {
  const [employer] = await tx
    .select({ name: employers.name })
    .from(employers)
    .where(and(eq(employers.cityCode, cityCode), eq(employers.creditCode, creditCode.toUpperCase())))
    .limit(1);
  return { registered: employer !== undefined, name: employer?.name ?? null };
}

/** A vacancy posting named by case number: whether it is published now, and whose it is. */
async function vacancyFacts(tx: Executor, cityCode: string, caseNo: string) {
  const [vacancy] = await tx
    .select({ state: cases.state, data: cases.data })
    .from(cases)
    .where(and(eq(cases.cityCode, cityCode), eq(cases.caseNo, caseNo), eq(cases.processId, 'vacancy-posting')))
    .limit(1);
  if (!vacancy) return { found: false, published: false, employerCreditCode: null, title: null, occupation: null };
  const { employerCreditCode, title, occupation } = vacancy.data;
  return { found: true, published: vacancy.state === 'published', employerCreditCode: employerCreditCode ?? null, title: title ?? null, occupation: occupation ?? null };
}

/**
 * The facts a step's rules may read, looked up before the pure engine runs: a person
 * subject's own record and nationwide status (one registration nationwide), the employer the
 * form or case names by credit code, and the vacancy a form names by case number.
 */
export async function lookUpFacts(tx: Executor, row: CaseRow, form: Record<string, unknown>): Promise<Record<string, unknown>> {
  const facts = row.subjectType === 'person' ? await personFacts(tx, row) : {};
  // The employer named on this form, or earlier on the case (a later review step carries no form field for it).
  const creditCode = form['employerCreditCode'] ?? row.data['employerCreditCode'];
  if (typeof creditCode === 'string') facts['employer'] = await employerFacts(tx, row.cityCode, creditCode);
  const vacancyCaseNo = form['vacancyCaseNo'];
  if (typeof vacancyCaseNo === 'string') facts['vacancy'] = await vacancyFacts(tx, row.cityCode, vacancyCaseNo);
  return facts;
}
