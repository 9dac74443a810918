import { and, asc, eq } from 'drizzle-orm';
import { PlatformError, type CaseData, type Definition, type FormDefinition } from '../../engine/index.ts';
import { retryLostRace, isUniqueViolation } from '../db/index.ts';
import { cases, orgUnits, persons } from '../db/schema/index.ts';
import type { PublicAccount } from '../public-accounts/types.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { citizenPerson } from './accounts.ts';
import { definitionInForce, openOnline, type Office } from './online-case.ts';

/**
 * The registration a citizen makes online: the `activeJobSeeker` meaning's process, and the event of
 * its initial state offered to the applicant that leads to the meaning's state.
 */
function registration(rt: RuntimeContext, definition?: Definition) {
  const meaning = rt.registry.meaning('activeJobSeeker');
  const initial = definition?.states[definition.initial];
  const event = Object.entries(initial?.on ?? {}).find(([, transition]) => transition.roles.includes('applicant') && transition.target === meaning.state)?.[0];
  return { process: meaning.process, event };
}

/**
 * The office that keeps the citizen's record: their online cases go there. A record signed up online
 * sits at the city itself, whose public employment service office (the office directly under it)
 * takes the case, so that the caseworkers there see it.
 */
async function personOffice(rt: RuntimeContext, account: PublicAccount): Promise<Office> {
  const personId = citizenPerson(account);
  const [unit] = await rt.db
    .select({ id: orgUnits.id, path: orgUnits.path, kind: orgUnits.kind })
    .from(persons)
    .innerJoin(orgUnits, eq(orgUnits.id, persons.orgUnitId))
    .where(and(eq(persons.cityCode, account.cityCode), eq(persons.id, personId)))
    .limit(1);
  if (!unit) throw new PlatformError('NOT_FOUND', { details: { person: personId } });
  if (unit.kind === 'office') return { id: unit.id, path: unit.path };
  const [office] = await rt.db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, unit.id), eq(orgUnits.kind, 'office')))
    .orderBy(asc(orgUnits.id))
    .limit(1);
  return office ?? { id: unit.id, path: unit.path };
}

/**
 * The job-seeking registration form in force for the citizen's office (the city's overlays
 * applied): what the public page renders and what the step validates, one schema for both.
 */
export async function jobSeekingForm(rt: RuntimeContext, account: PublicAccount): Promise<{ event: string; name: string; form: FormDefinition }> {
  const published = await definitionInForce(rt, rt.db, await personOffice(rt, account), registration(rt).process);
  const { process, event } = registration(rt, published.definition);
  const name = event === undefined ? undefined : published.definition.states[published.definition.initial]?.on[event]?.form;
  const form = name === undefined ? undefined : published.definition.forms[name];
  if (event === undefined || name === undefined || !form) throw new PlatformError('PROCESS_NOT_FOUND', { details: { processId: process } });
  return { event, name, form };
}

/** The citizen's active job-seeking registration (its case number and state), if any. */
export async function activeJobSeeking(rt: RuntimeContext, account: PublicAccount) {
  const personId = citizenPerson(account);
  const [row] = await rt.db
    .select({ id: cases.id, caseNo: cases.caseNo, state: cases.state, data: cases.data })
    .from(cases)
    .where(and(eq(cases.cityCode, account.cityCode), eq(cases.subjectId, personId), eq(cases.processId, registration(rt).process), eq(cases.status, 'active')))
    .limit(1);
  return row ? { id: row.id, caseNo: row.caseNo, state: row.state, validUntil: typeof row.data['validUntil'] === 'string' ? row.data['validUntil'] : null } : undefined;
}

/**
 * A citizen registers as a job seeker from the public site: a job-seeking case opened online at
 * the office that keeps their record, and its applicant's event sent by the citizen with the
 * form, validated by the definition's own schema and rules. One active registration per person
 * (the process's key): a second is refused with `DUPLICATE_RECORD`.
 */
export async function registerJobSeekerOnline(rt: RuntimeContext, account: PublicAccount, data: CaseData) {
  const personId = citizenPerson(account);
  const office = await personOffice(rt, account);
  const { process } = registration(rt);
  if (await activeJobSeeking(rt, account)) throw duplicate(process, personId);
  const { event } = await jobSeekingForm(rt, account);
  try {
    const row = await retryLostRace(() => rt.db.transaction((tx) => openOnline(tx, rt, { account, processId: process, subjectId: personId, office, event, data })));
    return { id: row.id, caseNo: row.caseNo, state: row.state };
  } catch (error) {
    if (isUniqueViolation(error) || (error instanceof PlatformError && error.code === 'CONCURRENT_UPDATE')) throw duplicate(process, personId);
    throw error;
  }
}

function duplicate(process: string, personId: string) {
  return new PlatformError('DUPLICATE_RECORD', {
    message: { 'zh-CN': '您已有有效的求职登记', en: 'You already have an active job-seeking registration' },
    details: { processId: process, subjectId: personId },
  });
}
