import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Definition, LocalizedText } from '../../engine/index.ts';
import { recordAccess, type RequestOrigin } from '../audit/access-log.ts';
import { actorOfUser, type SessionUser } from '../auth/index.ts';
import { caseEvents, cases, deadlineMoves, orgUnits, posts, recordRevisions, users } from '../db/schema/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import { handlesCaseData, openCaseData } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { getCaseRow } from './case-service.ts';
import { domainEventTitle } from './domain-event-title.ts';
import { exchangeFactsOf } from './facts.ts';

function title(definition: Definition, state: string | null): LocalizedText | null {
  if (state === null) return null;
  return definition.states[state]?.title ?? { 'zh-CN': state, en: state };
}

function eventTitle(definition: Definition, from: string | null, event: string): LocalizedText {
  if (from === null) return { 'zh-CN': '创建', en: 'Created' };
  return definition.states[from]?.on[event]?.title ?? { 'zh-CN': event, en: event };
}

/** The form a step's data was entered on, so a reader can label its fields; null when the step had none. */
function stepForm(definition: Definition, from: string | null, event: string) {
  const id = from === null ? undefined : definition.states[from]?.on[event]?.form;
  const form = id === undefined ? undefined : definition.forms[id];
  return id !== undefined && form ? { id, title: form.title, schema: form.schema } : null;
}

/**
 * A case's history: every step with who took it (and who had claimed its task, since when), at which post (code and name) and org unit,
 * when the state was entered and left, its SLA deadline and whether it was met (and, for a
 * deadline that was provisional, the verdict once its year's schedule came in), the form its
 * data was entered on, and for system steps the domain event (with the title of the step that
 * emitted it) and the case that caused it; then every move of its deadlines by a calendar change.
 */
export async function caseHistory(rt: RuntimeContext, user: SessionUser, id: string, origin: RequestOrigin) {
  const row = await getCaseRow(rt, user, id);
  await recordAccess(rt.db, { actor: actorOfUser(user), action: 'case.read', target: { type: 'case', id: row.id }, origin, at: rt.clock(), details: { caseNo: row.caseNo, history: true } });
  const rows = await rt.db
    .select({ event: caseEvents, revision: recordRevisions, orgUnitName: orgUnits.name, postName: posts.name, postNameEn: posts.nameEn, claimantName: users.displayName })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.claimedBy))
    .leftJoin(orgUnits, eq(orgUnits.id, caseEvents.orgUnitId))
    .leftJoin(posts, and(eq(posts.orgUnitId, caseEvents.orgUnitId), eq(posts.code, caseEvents.post)))
    .leftJoin(recordRevisions, and(eq(recordRevisions.cityCode, caseEvents.cityCode), eq(recordRevisions.caseEventId, caseEvents.id)))
    .where(and(eq(caseEvents.cityCode, row.cityCode), eq(caseEvents.caseId, row.id)))
    .orderBy(asc(caseEvents.seq));
  const definitions = new Map<string, Definition>();
  const definitionOf = async (definitionId: string) => {
    if (!definitions.has(definitionId)) definitions.set(definitionId, (await publishedDefinition(rt.db, rt.registry, definitionId)).definition);
    return definitions.get(definitionId)!;
  };
  const causes = rows.flatMap(({ event }) => (event.cause ? [event.cause.caseId] : []));
  const causeDefinitions = new Map(
    causes.length === 0
      ? []
      : (await rt.db.select({ id: cases.id, definitionId: cases.definitionId }).from(cases).where(and(eq(cases.cityCode, row.cityCode), inArray(cases.id, causes)))).map((c) => [c.id, c.definitionId]),
  );
  const items = [];
  for (const { event: e, revision, orgUnitName, postName, postNameEn, claimantName } of rows) {
    const definition = await definitionOf(e.definitionId);
    const causeDefinition = e.cause && causeDefinitions.get(e.cause.caseId);
    items.push({
      seq: e.seq,
      from: e.fromState,
      fromTitle: title(definition, e.fromState),
      to: e.toState,
      toTitle: title(definition, e.toState),
      event: e.event,
      eventTitle: eventTitle(definition, e.fromState, e.event),
      actor: { id: e.actorId, name: e.actorName, role: e.actorRole },
      claimed: e.claimedBy && e.claimedAt ? { by: { id: e.claimedBy, name: claimantName ?? '' }, at: e.claimedAt.toISOString() } : null,
      post: e.post,
      postTitle: postName !== null && postNameEn !== null ? { 'zh-CN': postName, en: postNameEn } : null,
      orgUnit: { id: e.orgUnitId, name: orgUnitName ?? e.orgUnitId },
      enteredAt: e.enteredAt.toISOString(),
      leftAt: e.leftAt.toISOString(),
      dueAt: e.dueAt?.toISOString() ?? null,
      onTime: e.onTime,
      dueProvisional: e.dueProvisional && !revision,
      calendarVersion: e.calendarVersion,
      recalculated: revision ? { dueAt: revision.dueAt.toISOString(), onTime: revision.onTime, calendarVersion: revision.calendarVersion, at: revision.revisedAt.toISOString() } : null,
      data: openCaseData(rt.cipher, e.data, handlesCaseData(user)),
      exchangeFacts: handlesCaseData(user) ? exchangeFactsOf(definition.facts, e.facts) : [],
      cause: e.cause ? { ...e.cause, eventTitle: causeDefinition ? domainEventTitle(await definitionOf(causeDefinition), e.cause.event) : null } : null,
      form: stepForm(definition, e.fromState, e.event),
    });
  }
  const moves = await rt.db
    .select()
    .from(deadlineMoves)
    .where(and(eq(deadlineMoves.cityCode, row.cityCode), eq(deadlineMoves.caseId, row.id)))
    .orderBy(asc(deadlineMoves.id));
  const current = await definitionOf(row.definitionId);
  return {
    caseId: row.id,
    caseNo: row.caseNo,
    items,
    deadlineMoves: moves.map((m) => ({
      state: m.state,
      stateTitle: title(current, m.state)!,
      target: m.target,
      event: m.event,
      from: m.fromAt.toISOString(),
      to: m.toAt.toISOString(),
      fromProvisional: m.fromProvisional,
      toProvisional: m.toProvisional,
      calendarVersion: m.calendarVersion,
      escalationWithdrawn: m.escalationWithdrawn,
      at: m.movedAt.toISOString(),
    })),
  };
}
