import { and, desc, eq } from 'drizzle-orm';
import { PlatformError, type CaseData, type Definition, type FormDefinition } from '../../engine/index.ts';
import { isRecordId, retryLostRace, type Executor, type Transaction } from '../db/index.ts';
import { cases, employers } from '../db/schema/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import type { CaseRow, RuntimeContext } from '../runtime-context.ts';
import { applicantActor, employerOf, serviceOffice, type EmployerAccount } from './employer-account.ts';
import { applicantEvents, type ApplicantAction } from './applicant-events.ts';
import { reviewRemarks } from './review-remarks.ts';
import { inForceAt } from './verification-case.ts';

/** The vacancy process and its posting form, as the packages declare the published vacancy. */
function vacancy(rt: RuntimeContext): { process: string; state: string; form: string } {
  const meaning = rt.registry.meaning('publishedVacancy');
  return { process: meaning.process, state: meaning.state!, form: meaning.form! };
}

/** The credit code of the employer an account acts for: the form's `employerCreditCode` is always this one, whatever was sent. */
async function creditCodeOf(db: Executor, cityCode: string, employerId: string): Promise<string> {
  const [row] = await db.select({ creditCode: employers.creditCode }).from(employers).where(and(eq(employers.cityCode, cityCode), eq(employers.id, employerId))).limit(1);
  if (!row) throw new PlatformError('NOT_FOUND', { details: { employer: employerId } });
  return row.creditCode;
}

/** The posting form in force for the account's city, as a new posting is drafted on it. */
export async function postingForm(rt: RuntimeContext, account: EmployerAccount): Promise<FormDefinition> {
  employerOf(account);
  const { process, form } = vacancy(rt);
  const published = await inForceAt(rt.db, rt, (await serviceOffice(rt.db, account.cityCode, undefined)).path, process);
  return published.definition.forms[form]!;
}

/**
 * Submits a new posting for the account's employer: a vacancy case opened at the office of the
 * county of its work area (the city's office otherwise) by
 * the account (online channel) and its submit sent as the applicant, in one transaction, so the
 * screening rules and the form's schema refuse it whole (nothing written) or it waits for review
 * in the reviewers' inbox.
 */
export async function submitPosting(rt: RuntimeContext, account: EmployerAccount, data: CaseData): Promise<{ id: string; caseNo: string }> {
  const employerId = employerOf(account);
  const { process, form } = vacancy(rt);
  return retryLostRace(() =>
    rt.db.transaction(async (tx) => {
      // The office of the county the job is in, as a posting brought to a counter would be.
      const office = await serviceOffice(tx, account.cityCode, typeof data['workArea'] === 'string' ? data['workArea'].slice(0, 6) : undefined);
      const published = await inForceAt(tx, rt, office.path, process);
      const actor = applicantActor(account, office.id);
      const opened = await rt.stepper.open(tx, rt, { published, cityCode: account.cityCode, subjectId: employerId, orgUnit: office, actor, createdBy: null, openedByAccount: account.id, cause: null });
      const submit = applicantEvents(published.definition, opened.state, form).edit;
      if (!submit) throw new PlatformError('TRANSITION_NOT_AVAILABLE', { details: { state: opened.state, role: 'applicant' } });
      const employerCreditCode = await creditCodeOf(tx, account.cityCode, employerId);
      const stepped = await rt.stepper.step(tx, rt, opened, { event: { type: submit.event, data: { ...data, employerCreditCode } }, actor, cause: null, claim: null });
      return { id: stepped.id, caseNo: stepped.caseNo };
    }),
  );
}

/** One of the employer's postings, locked for a step or read; another employer's, or no posting, is not found. */
async function ownPosting(tx: Executor, rt: RuntimeContext, account: EmployerAccount, id: string, lock: boolean): Promise<CaseRow> {
  const employerId = employerOf(account);
  if (!isRecordId(id)) throw new PlatformError('NOT_FOUND', { details: { posting: id } });
  const query = tx
    .select()
    .from(cases)
    .where(and(eq(cases.cityCode, account.cityCode), eq(cases.id, id), eq(cases.processId, vacancy(rt).process), eq(cases.subjectType, 'employer'), eq(cases.subjectId, employerId)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new PlatformError('NOT_FOUND', { details: { posting: id } });
  return row;
}

/** A posting as its employer sees it on the public site: its own data, state, the reviewer's last remarks and what it may do now. */
function postingView(rt: RuntimeContext, row: CaseRow, definition: Definition, remarks: Awaited<ReturnType<typeof reviewRemarks>>) {
  const { state, form } = vacancy(rt);
  const actions = row.status === 'active' ? applicantEvents(definition, row.state, form) : {};
  return {
    id: row.id,
    caseNo: row.caseNo,
    title: typeof row.data['title'] === 'string' ? row.data['title'] : '',
    state: row.state,
    stateTitle: definition.states[row.state]!.title,
    live: row.state === state,
    final: row.status === 'final',
    version: row.version,
    data: row.data,
    updatedAt: row.updatedAt.toISOString(),
    remarks: remarks.get(row.id) ?? [],
    edit: actions.edit,
    withdraw: actions.withdraw,
  };
}

export type EmployerPostingView = ReturnType<typeof postingView>;

/** The account's employer's postings, newest first, each with its state and the reviewer's last remarks; only its own. */
export async function employerPostings(rt: RuntimeContext, account: EmployerAccount): Promise<EmployerPostingView[]> {
  const employerId = employerOf(account);
  const rows = await rt.db
    .select()
    .from(cases)
    .where(and(eq(cases.cityCode, account.cityCode), eq(cases.processId, vacancy(rt).process), eq(cases.subjectType, 'employer'), eq(cases.subjectId, employerId)))
    .orderBy(desc(cases.createdAt), cases.id)
    .limit(200);
  const definitions = new Map<string, Definition>();
  for (const id of new Set(rows.map((row) => row.definitionId))) definitions.set(id, (await publishedDefinition(rt.db, rt.registry, id)).definition);
  const remarks = await reviewRemarks(rt.db, account.cityCode, rows.map((row) => ({ id: row.id, definition: definitions.get(row.definitionId)! })));
  return rows.map((row) => postingView(rt, row, definitions.get(row.definitionId)!, remarks));
}

/** One of the account's employer's postings; another employer's is not found (404). */
export async function employerPosting(rt: RuntimeContext, account: EmployerAccount, id: string): Promise<EmployerPostingView & { form: FormDefinition; withdrawForm: FormDefinition | undefined }> {
  const row = await ownPosting(rt.db, rt, account, id, false);
  const { definition } = await publishedDefinition(rt.db, rt.registry, row.definitionId);
  const view = postingView(rt, row, definition, await reviewRemarks(rt.db, account.cityCode, [{ id: row.id, definition }]));
  return { ...view, form: definition.forms[vacancy(rt).form]!, withdrawForm: view.withdraw?.form === undefined ? undefined : definition.forms[view.withdraw.form] };
}

/**
 * Acts on one of the account's postings as the applicant: `edit` sends the posting form by the
 * event the state offers the applicant for it (submit, resubmit, or revise, which takes a live
 * posting off the site until it is approved again); `withdraw` the withdrawal. `version` is the
 * one the employer saw (409 after anyone acted since); the flow's roles and rules decide the rest.
 */
export async function actOnPosting(rt: RuntimeContext, account: EmployerAccount, id: string, input: { action: ApplicantAction; version: number; data: CaseData }): Promise<{ id: string; state: string }> {
  const { form } = vacancy(rt);
  return retryLostRace(() =>
    rt.db.transaction(async (tx: Transaction) => {
      const row = await ownPosting(tx, rt, account, id, true);
      if (row.version !== input.version) throw new PlatformError('CASE_VERSION_CONFLICT', { details: { caseId: id, version: row.version } });
      const { definition } = await publishedDefinition(tx, rt.registry, row.definitionId);
      const offered = row.status === 'active' ? applicantEvents(definition, row.state, form)[input.action] : undefined;
      if (!offered) throw new PlatformError('TRANSITION_NOT_AVAILABLE', { details: { state: row.state, action: input.action } });
      const data = input.action === 'edit' ? { ...input.data, employerCreditCode: await creditCodeOf(tx, row.cityCode, row.subjectId) } : input.data;
      const stepped = await rt.stepper.step(tx, rt, row, { event: { type: offered.event, data }, actor: applicantActor(account, row.orgUnitId), cause: null, claim: null });
      return { id: stepped.id, state: stepped.state };
    }),
  );
}
