import { and, eq, inArray, sql } from 'drizzle-orm';
import { PlatformError, type Actor, type Definition, type FormDefinition, type LocalizedText, type MaterialDefinition } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { orgUnits, persons } from '../db/schema/index.ts';
import { processesInForce, publishedDefinition, type PublishedDefinition } from '../plugins/index.ts';
import type { PublicAccount } from '../public-accounts/types.ts';
import type { CaseRow, RuntimeContext } from '../runtime-context.ts';

/** The public employment service office an online application goes to. */
export interface Office {
  id: string;
  path: string;
  name: string;
}

/** What an applicant fills in online: the process in force at the office, the event they may send now, its form and the materials it asks for. */
export interface OnlineForm {
  processId: string;
  title: LocalizedText;
  office: Office;
  published: PublishedDefinition;
  event: string;
  eventTitle: LocalizedText;
  formId: string;
  form: FormDefinition;
  materials: MaterialDefinition[];
}

/** The person a citizen's account is, in its city: only an active citizen account applies online (ROLE_NOT_PERMITTED otherwise). */
export async function citizenPerson(db: Executor, account: PublicAccount) {
  if (account.kind !== 'citizen' || account.status !== 'active' || !account.personId) {
    throw new PlatformError('ROLE_NOT_PERMITTED', { details: { account: account.id, kind: account.kind, status: account.status } });
  }
  const [person] = await db
    .select({ id: persons.id, residenceArea: persons.residenceArea, address: persons.address, phone: persons.phone, mergedInto: persons.mergedInto })
    .from(persons)
    .where(and(eq(persons.cityCode, account.cityCode), eq(persons.id, account.personId)))
    .limit(1);
  if (!person) throw new PlatformError('NOT_FOUND', { details: { person: account.personId } });
  return person;
}

/**
 * The office an application from `residenceArea` goes to: the public employment service office of
 * the residence's district (a citizen registers where they live), else the city's own office (a
 * residence outside the city's districts, or none given). NOT_FOUND for a city without an office.
 */
export async function officeFor(db: Executor, cityCode: string, residenceArea: string | null | undefined): Promise<Office> {
  const district = /^\d{6}/.exec(residenceArea ?? '')?.[0];
  const parents = district && district !== cityCode ? [district, cityCode] : [cityCode];
  const [office] = await db
    .select({ id: orgUnits.id, path: orgUnits.path, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'office'), eq(orgUnits.cityCode, cityCode), inArray(orgUnits.parentId, parents)))
    .orderBy(sql`${orgUnits.parentId} = ${parents[0]} DESC`, orgUnits.id)
    .limit(1);
  if (!office) throw new PlatformError('NOT_FOUND', { details: { office: cityCode } });
  return office;
}

/** The events of a state that the applicant may send, in the order the definition lists them. */
export function applicantEvents(definition: Definition, state: string): string[] {
  return Object.entries(definition.states[state]?.on ?? {})
    .filter(([, transition]) => transition.roles.includes('applicant') && transition.form !== undefined)
    .map(([event]) => event);
}

/** The form of an applicant's event in a state of a published definition: undefined when the applicant sends nothing there. */
export function formAt(published: PublishedDefinition, state: string, office: Office): OnlineForm | undefined {
  const { definition } = published;
  const event = applicantEvents(definition, state)[0];
  if (event === undefined) return undefined;
  const transition = definition.states[state]!.on[event]!;
  const form = definition.forms[transition.form!];
  if (!form) return undefined;
  return { processId: definition.id, title: definition.title, office, published, event, eventTitle: transition.title, formId: transition.form!, form, materials: transition.materials ?? [] };
}

/**
 * The form an applicant sends a case of theirs on in the state it is in now (after a return for
 * correction), from the definition the case is pinned to; TRANSITION_NOT_AVAILABLE when the case
 * waits for no one but staff.
 */
export async function formOfCase(rt: RuntimeContext, row: CaseRow): Promise<OnlineForm | undefined> {
  if (row.status !== 'active') return undefined;
  const published = await publishedDefinition(rt.db, rt.registry, row.definitionId);
  const [unit] = await rt.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, row.orgUnitId)).limit(1);
  return formAt(published, row.state, { id: row.orgUnitId, path: row.orgPath, name: unit?.name ?? '' });
}

/**
 * The application form of a process for a citizen, as in force for their city at the office it
 * goes to (a city's published overlay applies): the applicant's event in the process's first
 * state. PROCESS_NOT_FOUND for a process not in force there, about another kind of subject, or not
 * offered online (no event of its first state names `applicant`).
 */
export async function onlineForm(rt: RuntimeContext, account: PublicAccount, processId: string, residenceArea?: string | null): Promise<OnlineForm> {
  const person = await citizenPerson(rt.db, account);
  return applicationForm(rt, rt.db, account.cityCode, processId, residenceArea ?? person.residenceArea);
}

/**
 * The application form of a process in a city for an applicant living in `residenceArea`, as in
 * force at the office the application goes to (`officeFor`; a published overlay applies): what an
 * online application and a downloaded national one are both checked and sent on, read through `db`
 * (the database, or the transaction a downloaded application is taken in). PROCESS_NOT_FOUND as for
 * `onlineForm`.
 */
export async function applicationForm(rt: RuntimeContext, db: Executor, cityCode: string, processId: string, residenceArea: string | null | undefined): Promise<OnlineForm> {
  const office = await officeFor(db, cityCode, residenceArea);
  const [inForce] = await processesInForce(db, office.path, processId);
  if (!inForce) throw new PlatformError('PROCESS_NOT_FOUND', { details: { processId } });
  const published = await publishedDefinition(db, rt.registry, inForce.definitionId);
  const found = published.definition.subject === 'person' ? formAt(published, published.definition.initial, office) : undefined;
  if (!found) throw new PlatformError('PROCESS_NOT_FOUND', { details: { processId, online: false } });
  return found;
}

/** The applicant as a step's actor: their account, at the office of the case. */
export function applicantActor(account: PublicAccount, orgUnitId: string): Actor {
  return { id: account.id, name: account.displayName, role: 'applicant', post: null, orgUnit: orgUnitId };
}
