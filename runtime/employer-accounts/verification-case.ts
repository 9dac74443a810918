import { and, desc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { chinaDate, PlatformError } from '../../engine/index.ts';
import type { Executor, Transaction } from '../db/index.ts';
import { cases, employers, publicAccounts } from '../db/schema/index.ts';
import { processesInForce, publishedDefinition, type PluginRegistry, type PublishedDefinition } from '../plugins/index.ts';
import type { CaseRow, RuntimeContext } from '../runtime-context.ts';
import { applicantActor, serviceOffice } from './employer-account.ts';

/** What an employer states when signing up, checked by the verification process's application form. */
export interface EmployerApplication {
  creditCode: string;
  employerName: string;
  agentName: string;
  agentMobile: string;
}

/** The verification process and its two ends, as the packages declare them (`employerAccountVerified`, `employerAccountRefused`). */
export function verificationMeanings(registry: PluginRegistry) {
  const verified = registry.meaning('employerAccountVerified');
  const refused = registry.meaning('employerAccountRefused');
  return { process: verified.process, verified: verified.state!, application: verified.form!, refused: refused.state!, refusal: refused.form! };
}

/** The reason a refused verification gives the employer: the refusal form's first required field, as the caseworker wrote it. */
export function refusalReason(registry: PluginRegistry, data: Readonly<Record<string, unknown>>): string | null {
  const meanings = verificationMeanings(registry);
  const form = registry.processes.get(meanings.process)?.compiled.definition.forms[meanings.refusal];
  const field = (form?.schema as { required?: string[] } | undefined)?.required?.[0];
  const value = field === undefined ? undefined : data[field];
  return typeof value === 'string' ? value : null;
}

/** The definition of a process in force at an office, pinned by the case it opens. */
export async function inForceAt(db: Executor, rt: RuntimeContext, path: string, processId: string): Promise<PublishedDefinition> {
  const [inForce] = await processesInForce(db, path, processId);
  if (!inForce) throw new PlatformError('PROCESS_NOT_FOUND', { details: { processId } });
  return publishedDefinition(db, rt.registry, inForce.definitionId);
}

/**
 * Opens the verification of a new employer account, in the sign-up's transaction, at the office of
 * the county that issued the credit code (its window post sees the task): the application is checked by the process's form (the
 * credit code by GB 32100, the agent's mobile; nothing written on a refusal) and kept sealed where
 * the form marks it personal. The case is about the employer of that credit code on the city's
 * register; where the register has none yet, about the id its record will take when the caseworker
 * verifies the account (the verification writes it from the application).
 */
export async function openEmployerVerification(tx: Transaction, rt: RuntimeContext, account: { id: string; displayName: string; cityCode: string }, application: EmployerApplication): Promise<CaseRow> {
  const meanings = verificationMeanings(rt.registry);
  const data = { ...application, creditCode: application.creditCode.trim().toUpperCase(), employerName: application.employerName.trim(), agentName: application.agentName.trim() };
  // The county the code was issued in (its third to eighth characters, GB 32100): that county's office checks it.
  const office = await serviceOffice(tx, account.cityCode, data.creditCode.slice(2, 8));
  const published = await inForceAt(tx, rt, office.path, meanings.process);
  const fields = published.compiled.validateForm(meanings.application, data, { today: chinaDate(rt.clock()) });
  if (fields.length > 0) throw new PlatformError('FORM_INVALID', { details: { form: meanings.application, fields } });
  const [registered] = await tx.select({ id: employers.id }).from(employers).where(and(eq(employers.cityCode, account.cityCode), eq(employers.creditCode, data.creditCode))).limit(1);
  return rt.stepper.open(tx, rt, {
    published,
    cityCode: account.cityCode,
    subjectId: registered?.id ?? randomUUID(),
    orgUnit: office,
    actor: applicantActor(account, office.id),
    createdBy: null,
    openedByAccount: account.id,
    data,
    cause: null,
  });
}

/**
 * Opens the verification of an employer account just signed up, in the sign-up's transaction (the
 * accounts' `onEmployerSignedUp` hook): the application read back from the account's row, the
 * agent's name and mobile opened from their seals to be sealed again in the case.
 */
export async function openAccountVerification(tx: Transaction, rt: RuntimeContext, account: { id: string; displayName: string; cityCode: string }): Promise<CaseRow> {
  const [row] = await tx.select({ creditCode: publicAccounts.creditCode, agentName: publicAccounts.agentName, mobile: publicAccounts.mobile }).from(publicAccounts).where(eq(publicAccounts.id, account.id));
  if (!row?.creditCode || !row.agentName) throw new PlatformError('NOT_FOUND', { details: { account: account.id } });
  return openEmployerVerification(tx, rt, account, { creditCode: row.creditCode, employerName: account.displayName, agentName: rt.cipher.decrypt(row.agentName), agentMobile: rt.cipher.decrypt(row.mobile) });
}

/** {@link openAccountVerification} as the accounts' sign-up hook (`onEmployerSignedUp`) takes it. */
export async function openVerificationOfAccount(tx: Transaction, rt: RuntimeContext, account: { id: string; displayName: string; cityCode: string }): Promise<void> {
  await openAccountVerification(tx, rt, account);
}

/** The latest verification case of an account, for the employer's own page: its number and whether it is still waiting, verified or refused. */
export async function accountVerification(rt: RuntimeContext, account: { id: string; cityCode: string }) {
  const meanings = verificationMeanings(rt.registry);
  const [row] = await rt.db
    .select({ caseNo: cases.caseNo, state: cases.state })
    .from(cases)
    .where(and(eq(cases.cityCode, account.cityCode), eq(cases.processId, meanings.process), eq(cases.openedByAccount, account.id)))
    .orderBy(desc(cases.createdAt))
    .limit(1);
  if (!row) return undefined;
  const outcome = row.state === meanings.verified ? 'verified' : row.state === meanings.refused ? 'refused' : 'pending';
  return { caseNo: row.caseNo, outcome } as const;
}
