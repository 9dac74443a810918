import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { MIGRATE_EVENT, type CaseData, type Definition, type FormDefinition, type LocalizedText } from '../../engine/index.ts';
import { caseAttachments, caseEvents, cases, orgUnits } from '../db/schema/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import { openCaseData } from '../privacy/index.ts';
import type { PublicAccount } from '../public-accounts/types.ts';
import type { CaseRow, RuntimeContext } from '../runtime-context.ts';
import { applicantEvents, formOfCase, type OnlineForm } from './online-form.ts';
import { ownCaseRow } from './submit-application.ts';

/**
 * Where an application stands, in the applicant's terms: with the office (`review`), under public
 * notice (`notice`: its state declares a 公示, which moves on when the period ends), back with the
 * applicant to correct (`returned`), granted (`approved`: the process reached a state that is no
 * one's task, or ended completed), `rejected`, or `cancelled`.
 */
export type ApplicationPhase = 'review' | 'notice' | 'returned' | 'approved' | 'rejected' | 'cancelled';

/** One of the account's applications, as its list shows it. */
export interface ApplicationSummary {
  caseId: string;
  caseNo: string;
  processId: string;
  title: LocalizedText;
  stateTitle: LocalizedText;
  phase: ApplicationPhase;
  submittedAt: string;
  updatedAt: string;
}

/** A step the office took that the applicant is told of: a return with its reason, or a decision, with the fields of its form. */
export interface OfficeStep {
  event: string;
  title: LocalizedText;
  at: string;
  form: FormDefinition | null;
  data: CaseData;
}

/** One application in full for its applicant: the summary, the office, what was sent, the office's last word, and the form to send again when returned. */
export interface ApplicationDetail extends ApplicationSummary {
  version: number;
  office: string;
  data: CaseData;
  /** The form the application was made on (the applicant's event of the first state), to show `data` by. */
  sentForm: FormDefinition | null;
  files: { fileName: string; material: string; uploadedAt: string; withdrawn: boolean }[];
  /** The return (when `returned`) or the decision (when `rejected` or `approved`) with its reasons. */
  officeStep: OfficeStep | null;
  /** The form to correct and send again, when `returned`. */
  resubmit: OnlineForm | null;
}

/** The phase of a case in `state` (`status` final or not), given whether the applicant is the one to act there. */
export function phaseOf(definition: Definition, row: Pick<CaseRow, 'state' | 'status'>, applicantActs: boolean): ApplicationPhase {
  const state = definition.states[row.state];
  if (row.status === 'final') return state?.outcome === 'rejected' ? 'rejected' : state?.outcome === 'cancelled' ? 'cancelled' : 'approved';
  if (applicantActs) return 'returned';
  if (state?.publicNotice) return 'notice';
  return state?.task ? 'review' : 'approved';
}

async function summaryOf(rt: RuntimeContext, row: CaseRow): Promise<{ summary: ApplicationSummary; definition: Definition; resubmit: OnlineForm | undefined }> {
  const { definition } = await publishedDefinition(rt.db, rt.registry, row.definitionId);
  const resubmit = await formOfCase(rt, row);
  const summary: ApplicationSummary = {
    caseId: row.id,
    caseNo: row.caseNo,
    processId: row.processId,
    title: definition.title,
    stateTitle: definition.states[row.state]?.title ?? { 'zh-CN': row.state, en: row.state },
    phase: phaseOf(definition, row, resubmit !== undefined),
    submittedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
  return { summary, definition, resubmit };
}

/** The applications the account made online, newest first. */
export async function myApplications(rt: RuntimeContext, account: PublicAccount): Promise<ApplicationSummary[]> {
  const rows = await rt.db
    .select()
    .from(cases)
    .where(and(eq(cases.cityCode, account.cityCode), eq(cases.openedByAccount, account.id)))
    .orderBy(desc(cases.createdAt), desc(cases.caseNo));
  const items: ApplicationSummary[] = [];
  for (const row of rows) items.push((await summaryOf(rt, row)).summary);
  return items;
}

/**
 * One application of the account (NOT_FOUND for anyone else's): its state in plain words, what
 * was sent, the documents, and the office's last step when it returned the application (with the
 * reason and what to add) or decided it (the fields of a rejection's form; a grant says only that).
 */
export async function myApplication(rt: RuntimeContext, account: PublicAccount, caseId: string): Promise<ApplicationDetail> {
  const row = await ownCaseRow(rt.db, account, caseId);
  const { summary, definition, resubmit } = await summaryOf(rt, row);
  const [unit] = await rt.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, row.orgUnitId)).limit(1);
  const files = await rt.db
    .select({ fileName: caseAttachments.fileName, material: caseAttachments.material, uploadedAt: caseAttachments.uploadedAt, withdrawnAt: caseAttachments.withdrawnAt })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.cityCode, row.cityCode), eq(caseAttachments.caseId, row.id)))
    .orderBy(asc(caseAttachments.uploadedAt), asc(caseAttachments.id));
  let officeStep: OfficeStep | null = null;
  if (summary.phase !== 'review' && summary.phase !== 'notice') {
    const [last] = await rt.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.cityCode, row.cityCode), eq(caseEvents.caseId, row.id), ne(caseEvents.event, MIGRATE_EVENT), ne(caseEvents.actorRole, 'applicant')))
      .orderBy(desc(caseEvents.seq))
      .limit(1);
    const transition = last?.fromState ? definition.states[last.fromState]?.on[last.event] : undefined;
    if (last && transition) {
      // A grant's review opinion is the office's own note; a return's or a rejection's form is written to the applicant.
      // An objection to a public notice is a third party's word to the office, which verifies it: not passed on.
      const objection = definition.states[last.fromState!]?.publicNotice?.objection === last.event;
      const told = (summary.phase === 'returned' || summary.phase === 'rejected') && !objection;
      officeStep = {
        event: last.event,
        title: transition.title,
        at: last.leftAt.toISOString(),
        form: told && transition.form ? (definition.forms[transition.form] ?? null) : null,
        data: told ? openCaseData(rt.cipher, last.data, true) : {},
      };
    }
  }
  const first = applicantEvents(definition, definition.initial)[0];
  const sentFormId = first === undefined ? undefined : definition.states[definition.initial]!.on[first]!.form;
  return {
    ...summary,
    version: row.version,
    sentForm: sentFormId ? (definition.forms[sentFormId] ?? null) : null,
    office: unit?.name ?? '',
    data: openCaseData(rt.cipher, row.data, true),
    files: files.map((f) => ({ fileName: f.fileName, material: f.material, uploadedAt: f.uploadedAt.toISOString(), withdrawn: f.withdrawnAt !== null })),
    officeStep,
    resubmit: resubmit ?? null,
  };
}
