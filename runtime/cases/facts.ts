import { and, asc, desc, eq, not, sql, type SQL } from 'drizzle-orm';
import { chinaDate, type CaseData, type FactSource, type StatusDeclaration } from '../../engine/index.ts';
import type { z } from '@hono/zod-openapi';
import { civilAffairsConnector, disabledPersonsConnector, exchangeFact, marketRegulationConnector, socialInsuranceConnector, type ExchangeConnector } from '../connectors/index.ts';
import type { Transaction } from '../db/index.ts';
import type { ExchangeContext } from '../exchange/index.ts';
import { cases, employers, institutions, ledgerItems, persons } from '../db/schema/index.ts';

type CaseRow = typeof cases.$inferSelect;

/** What a provider reads from: the case, the form being sent, and the declaration's parameters. */
interface FactRequest<S extends FactSource> {
  tx: Transaction;
  /** The exchange, for facts asked of another organisation. */
  exchange: ExchangeContext;
  row: CaseRow;
  form: CaseData;
  source: S;
  /** The subject statuses the loaded packages declare. */
  statuses: ReadonlyMap<string, StatusDeclaration>;
}

type Provider<S extends FactSource> = (request: FactRequest<S>) => Promise<unknown>;

/** A field of the form being sent, else of the case so far (a review step carries no field for it). */
function fieldValue(row: CaseRow, form: CaseData, field: string): unknown {
  return form[field] ?? row.data[field];
}

/** The blind index of the case's person's ID number, as a scalar subquery: the key to the same person in every city. */
function subjectIdNumberIndex(row: CaseRow): SQL {
  return sql`(SELECT s.id_number_index FROM persons s WHERE s.city_code = ${row.cityCode} AND s.id = ${row.subjectId})`;
}

/**
 * The case's person: birth date, gender, every declared status under its key
 * (`facts.subject.unemploymentStatus`; one never set, or set back, reads as its default, the first
 * declared value), the counters and whether a certificate was issued.
 */
const person: Provider<Extract<FactSource, { provider: 'person' }>> = async ({ tx, row, statuses }) => {
  if (row.subjectType !== 'person') return null;
  const [found] = await tx
    .select()
    .from(persons)
    .where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId)))
    .limit(1);
  if (!found) return null;
  return {
    ...Object.fromEntries([...statuses].map(([key, declared]) => [key, declared.values[0]])),
    ...found.statuses,
    birthDate: found.birthDate,
    gender: found.gender,
    unjustifiedRefusals: found.unjustifiedRefusals,
    hasCertificate: found.certificateNo !== null,
  };
};

/**
 * The person's statuses across every city holding the same ID number: each registry flag the
 * packages declare (`unemployed`, `employed`, `recognized`, …) is true when any of those records
 * holds the status value it names.
 */
const personNationwide: Provider<Extract<FactSource, { provider: 'personNationwide' }>> = async ({ tx, row, statuses }) => {
  if (row.subjectType !== 'person') return null;
  const flags = [...statuses].flatMap(([key, declared]) => Object.entries(declared.registryFlags ?? {}).map(([flag, value]) => ({ flag, key, value })));
  if (flags.length === 0) return {};
  const [found] = await tx
    .select(Object.fromEntries(flags.map(({ flag, key, value }) => [flag, sql<boolean>`bool_or(p.statuses->>${key} = ${value})`])))
    .from(sql`persons p`)
    .where(sql`p.id_number_index = ${subjectIdNumberIndex(row)}`);
  return Object.fromEntries(flags.map(({ flag }) => [flag, found?.[flag] === true]));
};

/**
 * The employer of the unified social credit code in a field, in the case's city: whether it is
 * registered, its name and establishment date; whether its legal representative is the case's
 * person (blind indexes compared, the ID number never leaves the database); and how many other
 * businesses in any city (the blind index is the same nationwide) the same representative has
 * that were established before it, or whose date is unknown, so that 0 says a first business.
 */
const employerByCreditCode: Provider<Extract<FactSource, { provider: 'employerByCreditCode' }>> = async ({ tx, row, form, source }) => {
  const creditCode = fieldValue(row, form, source.field);
  if (typeof creditCode !== 'string') return null;
  const code = creditCode.toUpperCase();
  const subjectIndex =
    row.subjectType === 'person' ? subjectIdNumberIndex(row) : sql`NULL::text`;
  const [employer] = await tx
    .select({
      name: employers.name,
      establishedOn: employers.establishedOn,
      legalRepresentativeIsSubject: sql<boolean>`coalesce(${employers.legalRepIdNumberIndex} = ${subjectIndex}, false)`,
      // Spelt out: drizzle leaves a column of a one-table select unqualified, which inside the subquery would name `o`'s.
      otherBusinessesOfRepresentative: sql<number>`(SELECT count(DISTINCT o.credit_code)::int FROM employers o
        WHERE o.legal_rep_id_number_index = "employers"."legal_rep_id_number_index" AND o.credit_code <> "employers"."credit_code"
          AND (o.established_on IS NULL OR "employers"."established_on" IS NULL OR o.established_on < "employers"."established_on"))`,
    })
    .from(employers)
    .where(and(eq(employers.cityCode, row.cityCode), eq(employers.creditCode, code)))
    .limit(1);
  return {
    registered: employer !== undefined,
    name: employer?.name ?? null,
    establishedOn: employer?.establishedOn ?? null,
    legalRepresentativeIsSubject: employer?.legalRepresentativeIsSubject === true,
    otherBusinessesOfRepresentative: employer === undefined ? null : Number(employer.otherBusinessesOfRepresentative),
  };
};

/**
 * The institution of the declared kind whose unified social credit code is in a field, in the case's
 * city: whether it is registered, its name, status (active, suspended, revoked), the days its
 * qualification is valid from and until, and the occupation codes in its scope, so that a rule can
 * refuse a lapsed, suspended or revoked institution, or one not qualified for the occupation.
 */
const institution: Provider<Extract<FactSource, { provider: 'institution' }>> = async ({ tx, row, form, source }) => {
  const creditCode = fieldValue(row, form, source.field);
  if (typeof creditCode !== 'string') return null;
  const [found] = await tx
    .select({ name: institutions.name, status: institutions.status, validFrom: institutions.validFrom, validUntil: institutions.validUntil, occupations: institutions.occupations })
    .from(institutions)
    .where(and(eq(institutions.cityCode, row.cityCode), eq(institutions.creditCode, creditCode.trim().toUpperCase()), eq(institutions.kind, source.kind)))
    .limit(1);
  return {
    registered: found !== undefined,
    name: found?.name ?? null,
    status: found?.status ?? null,
    validFrom: found?.validFrom ?? null,
    validUntil: found?.validUntil ?? null,
    occupations: found?.occupations ?? [],
  };
};

/** A case of the named process, by the case number in a field: whether it exists, its state, and the data fields asked for. */
const caseByNumber: Provider<Extract<FactSource, { provider: 'caseByNumber' }>> = async ({ tx, row, form, source }) => {
  const caseNo = fieldValue(row, form, source.field);
  if (typeof caseNo !== 'string') return null;
  const [found] = await tx
    .select({ state: cases.state, data: cases.data })
    .from(cases)
    .where(and(eq(cases.cityCode, row.cityCode), eq(cases.caseNo, caseNo), eq(cases.processId, source.process)))
    .limit(1);
  const fields = Object.fromEntries(source.fields.map((field) => [field, found?.data[field] ?? null]));
  return { found: found !== undefined, state: found?.state ?? null, ...fields };
};

/**
 * The subject's latest active (not final) case of the named process: whether there is one, its
 * number and state, the China day it entered that state (a registration's date: the step that
 * registered it), and the data fields asked for. Another subject's case never answers.
 */
const activeCaseOfSubject: Provider<Extract<FactSource, { provider: 'activeCaseOfSubject' }>> = async ({ tx, row, source }) => {
  const [found] = await tx
    .select({ caseNo: cases.caseNo, state: cases.state, data: cases.data, enteredAt: sql<string>`${cases.snapshot}->'context'->>'enteredAt'` })
    .from(cases)
    .where(and(eq(cases.cityCode, row.cityCode), eq(cases.subjectType, row.subjectType), eq(cases.subjectId, row.subjectId), eq(cases.processId, source.process), eq(cases.status, 'active')))
    .orderBy(desc(cases.createdAt))
    .limit(1);
  const fields = Object.fromEntries(source.fields.map((field) => [field, found?.data[field] ?? null]));
  return { found: found !== undefined, caseNo: found?.caseNo ?? null, state: found?.state ?? null, enteredOn: found ? chinaDate(found.enteredAt) : null, ...fields };
};

/** The case's person: the same ID number in any city (its blind index), or the person row itself where it has none. */
function samePerson(row: CaseRow, cityColumn: string, personColumn: string) {
  const city = sql.raw(cityColumn);
  const person = sql.raw(personColumn);
  return sql`(${person} IN (SELECT p.id FROM persons p WHERE p.city_code = ${city} AND p.id_number_index = ${subjectIdNumberIndex(row)})
    OR (${city} = ${row.cityCode} AND ${person} = ${row.subjectId}))`;
}

/**
 * The ledger items paid to the case's person in any city (as the ledger's once key counts them)
 * whose item starts with `itemPrefix`, oldest first: item, period, fund, amount and the China day approved.
 */
const personLedgerItems: Provider<Extract<FactSource, { provider: 'personLedgerItems' }>> = async ({ tx, row, source }) => {
  if (row.subjectType !== 'person') return null;
  const found = await tx
    .select({ item: ledgerItems.item, period: ledgerItems.period, fund: ledgerItems.fund, amountFen: ledgerItems.amountFen, approvedAt: ledgerItems.approvedAt })
    .from(ledgerItems)
    .where(and(sql`left(${ledgerItems.item}, ${source.itemPrefix.length}) = ${source.itemPrefix}`, samePerson(row, 'ledger_items.city_code', 'ledger_items.person_id')))
    .orderBy(asc(ledgerItems.approvedAt));
  return found.map(({ approvedAt, ...item }) => ({ ...item, approvedOn: chinaDate(approvedAt) }));
};

/** The case person's other cases of `process` in any city, oldest first: state, and the data fields asked for. */
const personCases: Provider<Extract<FactSource, { provider: 'personCases' }>> = async ({ tx, row, source }) => {
  if (row.subjectType !== 'person') return null;
  const found = await tx
    .select({ state: cases.state, data: cases.data })
    .from(cases)
    .where(
      and(
        eq(cases.processId, source.process),
        eq(cases.subjectType, 'person'),
        not(and(eq(cases.cityCode, row.cityCode), eq(cases.id, row.id))!),
        samePerson(row, 'cases.city_code', 'cases.subject_id'),
      ),
    )
    .orderBy(asc(cases.createdAt));
  return found.map(({ state, data }) => ({ state, ...Object.fromEntries(source.fields.map((field) => [field, data[field] ?? null])) }));
};

/** The exchange providers' declarations: what to do when the agency does not answer, and when to ask at all. */
type ExchangeSource = Extract<FactSource, { onUnavailable: unknown }>;

/**
 * A fact asked of another agency over the exchange (`connectors/`), the request's payload made from
 * the case by `payloadOf` (null: nothing to ask, the fact is null): the value with its source and
 * as-of time, kept on the step's record, so a replay reads it there and never asks again. With
 * `askWhen`, a case whose field holds none of the values asks nothing and sends no personal data.
 * When the agency does not answer, the declaration decides (`exchangeFact`): the retryable
 * `EXCHANGE_PEER_UNAVAILABLE` refuses the step, or the caseworker's value in `field` stands in.
 */
function exchangeProvider<S extends ExchangeSource, Request extends z.ZodObject, Result extends z.ZodObject<{ asOf: z.ZodType<string> }>>(
  connector: ExchangeConnector<Request, Result>,
  payloadOf: (request: FactRequest<S>) => Promise<z.infer<Request> | null>,
): Provider<S> {
  return async (request) => {
    const { tx, exchange, row, form, source } = request;
    if (source.askWhen && !source.askWhen.in.includes(fieldValue(row, form, source.askWhen.field) as string)) return null;
    const payload = await payloadOf(request);
    if (payload === null) return null;
    const typed = source.field === undefined ? undefined : fieldValue(row, form, source.field);
    return exchangeFact(connector, exchange, tx, { cityCode: row.cityCode, caseNo: row.caseNo, payload }, { onUnavailable: source.onUnavailable, typed });
  };
}

/** The case person's citizen ID number, decrypted to be sent in the signed payload; null for an employer's case. */
async function subjectIdNumber({ tx, exchange, row }: FactRequest<ExchangeSource>): Promise<{ idNumber: string } | null> {
  if (row.subjectType !== 'person') return null;
  const [found] = await tx
    .select({ idNumber: persons.idNumber })
    .from(persons)
    .where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId)))
    .limit(1);
  return found ? { idNumber: exchange.cipher.decrypt(found.idNumber) } : null;
}

/** The person's unemployment insurance contributions, asked of the city's social insurance agency. */
const socialInsurance = exchangeProvider(socialInsuranceConnector, subjectIdNumber);

/** The employer whose credit code is in `creditCodeField`, asked of the city's market regulation administration. */
const marketRegulation = exchangeProvider(
  marketRegulationConnector,
  async ({ row, form, source }: FactRequest<Extract<FactSource, { provider: 'marketRegulation' }>>) => {
    const creditCode = fieldValue(row, form, source.creditCodeField);
    return typeof creditCode === 'string' ? { creditCode: creditCode.trim().toUpperCase() } : null;
  },
);

/** Whether the person receives the minimum living allowance (低保), asked of the city's civil affairs bureau. */
const minimumLiving = exchangeProvider(civilAffairsConnector, subjectIdNumber);

/** Whether the person holds a valid disability certificate (残疾人证), asked of the city's disabled persons' federation. */
const disabilityCertificate = exchangeProvider(disabledPersonsConnector, subjectIdNumber);

/** The providers that ask another organisation: their recorded values, with source and as-of time, are shown on the case's history. */
export const EXCHANGE_PROVIDERS: ReadonlySet<FactSource['provider']> = new Set(['socialInsurance', 'marketRegulation', 'minimumLiving', 'disabilityCertificate']);

/**
 * The facts of a step's record that came from another organisation (or a caseworker's value in
 * their place), by the definition's declarations: what the caseworker sees beside the step.
 */
export function exchangeFactsOf(declared: Readonly<Record<string, FactSource>>, recorded: Record<string, unknown> | null): { name: string; provider: string; value: Record<string, unknown> }[] {
  if (!recorded) return [];
  return Object.entries(declared).flatMap(([name, source]) => {
    const value = recorded[name];
    return EXCHANGE_PROVIDERS.has(source.provider) && typeof value === 'object' && value !== null ? [{ name, provider: source.provider, value: value as Record<string, unknown> }] : [];
  });
}

/** The runtime's fact providers, by the name a definition's `facts` declares. */
const providers: { [P in FactSource['provider']]: Provider<Extract<FactSource, { provider: P }>> } = {
  person,
  personNationwide,
  employerByCreditCode,
  institution,
  caseByNumber,
  activeCaseOfSubject,
  personLedgerItems,
  personCases,
  socialInsurance,
  marketRegulation,
  minimumLiving,
  disabilityCertificate,
};

/**
 * The facts a step's rules read, looked up before the pure engine runs: each fact the
 * definition declares and the step reads, from its provider. A fact whose field is empty is null.
 */
export async function lookUpFacts(
  exchange: ExchangeContext,
  tx: Transaction,
  row: CaseRow,
  form: CaseData,
  declared: Readonly<Record<string, FactSource>>,
  names: readonly string[],
  statuses: ReadonlyMap<string, StatusDeclaration>,
): Promise<Record<string, unknown>> {
  // Sent together: on PostgreSQL the transaction's connection pipelines them, one round trip for all.
  const values = await Promise.all(names.map((name) => (providers[declared[name]!.provider] as Provider<FactSource>)({ tx, exchange, row, form, source: declared[name]!, statuses })));
  return Object.fromEntries(names.map((name, i) => [name, values[i]]));
}
