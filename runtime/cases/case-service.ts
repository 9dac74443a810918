import { and, eq } from 'drizzle-orm';
import { PlatformError, type CaseData } from '../../engine/index.ts';
import { recordAccess, type RequestOrigin } from '../audit/access-log.ts';
import { actorOf, actorOfUser, inSubtree, type SessionUser } from '../auth/index.ts';
import { isUniqueViolation, retryLostRace, type Executor } from '../db/index.ts';
import { cases } from '../db/schema/index.ts';
import { requireCity } from '../persons/index.ts';
import { processesInForce, publishedDefinition } from '../plugins/index.ts';
import { handlesCaseData, openCaseData } from '../privacy/index.ts';
import type { CaseRow, RuntimeContext } from '../runtime-context.ts';
import { searchCaseRows, type CaseSearchQuery } from './case-search.ts';
import { availableActions, caseDetail, caseSummary } from './case-views.ts';
import { stepConsequences } from './step-consequences.ts';
import { subjectInCity, subjectsOf } from './subjects.ts';
import { bindMaterials, requireMaterials } from './step-materials.ts';
import { holdsPostAt, taskForStep } from './task-offer.ts';

async function detail(rt: RuntimeContext, user: SessionUser, row: CaseRow) {
  const published = await publishedDefinition(rt.db, rt.registry, row.definitionId);
  const subjects = await subjectsOf(rt.db, [row]);
  const events = row.status === 'active' ? availableActions(published.definition, row.state, user).map((action) => action.event) : [];
  const consequences = await stepConsequences(rt.db, rt, row, published.definition, events);
  return caseDetail({ ...row, data: openCaseData(rt.cipher, row.data, handlesCaseData(user)) }, published, subjects.get(row.subjectId), user, consequences);
}

/** A case in the user's subtree, or 404: a case out of scope is indistinguishable from none. */
export async function getCaseRow(rt: RuntimeContext, user: SessionUser, id: string, tx: Executor = rt.db, lock = false): Promise<CaseRow> {
  const query = tx.select().from(cases).where(and(eq(cases.id, id), inSubtree(cases.orgPath, user))).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new PlatformError('NOT_FOUND', { details: { case: id } });
  return row;
}

/**
 * Opens a case of a process in force for the user's org unit, about a person or employer of
 * the user's city. The case pins the published definition version it starts on.
 */
export async function startCase(rt: RuntimeContext, user: SessionUser, input: { processId: string; subjectId: string }) {
  const cityCode = requireCity(user);
  const [inForce] = await processesInForce(rt.db, user.orgUnit.path, input.processId);
  if (!inForce) throw new PlatformError('PROCESS_NOT_FOUND', { details: { processId: input.processId } });
  const published = await publishedDefinition(rt.db, rt.registry, inForce.definitionId);
  const { definition } = published;
  const first = definition.states[definition.initial]?.task;
  if (first?.role !== user.role) throw new PlatformError('ROLE_NOT_PERMITTED', { details: { processId: input.processId, roles: first?.role ? [first.role] : [] } });
  // The first task is the starter's: it is offered, as every task naming a post, to the post's holders.
  const post = first.post ?? null;
  if (post !== null && !holdsPostAt(user, post, user.orgUnit.id)) throw new PlatformError('TASK_POST_REQUIRED', { details: { processId: input.processId, post, role: first.role } });
  const subject = await subjectInCity(rt.db, definition.subject, cityCode, input.subjectId);
  if (!subject) throw new PlatformError('NOT_FOUND', { details: { subject: input.subjectId } });
  // A duplicate merged into another record takes no new work: it belongs on the record kept.
  if (subject.mergedInto) throw new PlatformError('RECORD_MERGED', { details: { person: subject.id, mergedInto: subject.mergedInto } });

  try {
    const row = await rt.db.transaction((tx) =>
      rt.stepper.open(tx, rt, { published, cityCode, subjectId: subject.id, orgUnit: user.orgUnit, actor: actorOf(user, post), createdBy: user.id, cause: null }),
    );
    return detail(rt, user, row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new PlatformError('DUPLICATE_RECORD', {
        message: { 'zh-CN': '该对象已有正在办理的同类业务', en: 'The subject already has an active case of this process' },
        details: { processId: input.processId, subjectId: input.subjectId },
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Sends an event to a case on behalf of the user. `version` is the case version the user
 * saw: if anyone has acted since, the step is refused with 409 and nothing is written. The open
 * task of the case's state must be offered to the user (its post held in its jurisdiction,
 * `TASK_POST_REQUIRED`) and claimed by no one else (`TASK_CLAIMED`); the step is recorded at that
 * post with the claim it closes.
 */
export async function sendEvent(rt: RuntimeContext, user: SessionUser, id: string, input: { type: string; data?: CaseData | undefined; version: number }) {
  const event = input.data === undefined ? { type: input.type } : { type: input.type, data: input.data };
  // A step that deadlocks with another process's (coordination touches other cases) runs once more.
  const updated = await retryLostRace(() =>
    rt.db.transaction(async (tx) => {
      // Locked, so a concurrent step waits here and then sees the version it must not overwrite.
      const row = await getCaseRow(rt, user, id, tx, true);
      if (row.version !== input.version) throw new PlatformError('CASE_VERSION_CONFLICT', { details: { caseId: id, version: row.version } });
      const { post, claim } = await taskForStep(tx, user, row);
      const { definition } = await publishedDefinition(tx, rt.registry, row.definitionId);
      await requireMaterials(tx, row, definition, input.type);
      const stepped = await rt.stepper.step(tx, rt, row, { event, actor: actorOf(user, post), cause: null, claim });
      // The step's record is the version it produced: its files are shown beside it from now on.
      await bindMaterials(tx, row, input.type, stepped.version);
      return stepped;
    }),
  );
  return detail(rt, user, updated);
}

/** One case in full, with the data its forms collected: the read is recorded in the access log first. */
export async function getCase(rt: RuntimeContext, user: SessionUser, id: string, origin: RequestOrigin) {
  const row = await getCaseRow(rt, user, id);
  await recordAccess(rt.db, { actor: actorOfUser(user), action: 'case.read', target: { type: 'case', id: row.id }, origin, at: rt.clock(), details: { caseNo: row.caseNo } });
  return detail(rt, user, row);
}

/**
 * Cases in the user's subtree found by a search (`caseSearchWhere`): a case or ID number, a name
 * or its pinyin initials, and filters; in the order asked, most recently updated first by default.
 */
export async function listCases(rt: RuntimeContext, user: SessionUser, query: CaseSearchQuery & { page: number; pageSize: number }) {
  const { rows, total } = await searchCaseRows(rt, user, query);
  const subjects = await subjectsOf(rt.db, rows);
  const items = [];
  for (const row of rows) {
    const { definition } = await publishedDefinition(rt.db, rt.registry, row.definitionId);
    items.push(caseSummary(row, definition, subjects.get(row.subjectId)));
  }
  return { items, total };
}
