import { and, asc, desc, eq, inArray, like, ne } from 'drizzle-orm';
import { MIGRATE_EVENT, chinaDate, replay, type RecordedStep, type WorkingCalendar } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { calendarAt, currentCalendarVersion } from '../calendar/index.ts';
import { caseEvents, cases } from '../db/schema/index.ts';
import { localParameterValues, orgUnitIdsOf, resolveParameters } from '../plugins/index.ts';
import { openCaseData } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { draftDefinition } from './overlay-service.ts';

type CaseEventRow = typeof caseEvents.$inferSelect;

/**
 * A case's recorded steps as replay takes them. Each step counts the deadlines of the state it
 * entered with the calendar that counted them then: the version on the record of the step that
 * left that state, or, for the last step, its own (records older than the calendar: the current one).
 */
async function recordedSteps(rt: RuntimeContext, orgPath: string, records: readonly CaseEventRow[], current: number): Promise<RecordedStep[]> {
  const calendars = new Map<number, WorkingCalendar>();
  const calendarOf = async (version: number | null | undefined) => {
    const v = version ?? current;
    if (!calendars.has(v)) calendars.set(v, await calendarAt(rt.db, rt, v, orgPath));
    return calendars.get(v)!;
  };
  const steps: RecordedStep[] = [];
  for (const [index, r] of records.entries()) {
    steps.push({
      event: r.event,
      to: r.toState,
      actor: { id: r.actorId, name: r.actorName, role: r.actorRole, post: r.post, orgUnit: r.orgUnitId },
      at: r.leftAt.toISOString(),
      data: openCaseData(rt.cipher, r.data, true),
      facts: r.facts,
      dueAt: r.dueAt?.toISOString() ?? null,
      calendar: await calendarOf(records[index + 1]?.calendarVersion ?? r.calendarVersion),
    });
  }
  return steps;
}

/** One case's recorded steps as replay takes them, migrations left out (see `replayDraft`), from its performance records alone. */
export async function caseRecordedSteps(rt: RuntimeContext, caseId: string): Promise<RecordedStep[]> {
  const [row] = await rt.db.select({ orgPath: cases.orgPath }).from(cases).where(eq(cases.id, caseId));
  if (!row) return [];
  const records = await rt.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), ne(caseEvents.event, MIGRATE_EVENT))).orderBy(asc(caseEvents.seq));
  return recordedSteps(rt, row.orgPath, records, await currentCalendarVersion(rt.db));
}

/**
 * Replays the recorded histories of the last `limit` closed cases of a process under the
 * user's level against the draft, before it is published: the same events, actors, times, form
 * data, recorded facts and the calendar of their time, with the draft's parameter values in
 * place of the level's published ones. Reports per case whether it would have ended the same,
 * been refused (where and why) or gone elsewhere, and which deadlines would differ.
 */
export async function replayDraft(rt: RuntimeContext, user: SessionUser, processId: string, options: { limit: number }) {
  const { definition, overlay, plugin } = await draftDefinition(rt.db, rt, user, processId);
  const compiled = rt.registry.compileStored(plugin.id, definition);

  const local = await localParameterValues(rt.db, plugin.id, user.orgUnit.path);
  const ownLevel = orgUnitIdsOf(user.orgUnit.path).length - 1;
  for (const spec of plugin.parameters) {
    const layers = local.get(spec.id) ?? orgUnitIdsOf(user.orgUnit.path).map(() => []);
    layers[ownLevel] = overlay.parameters.filter((p) => p.id === spec.id).map((p) => ({ from: p.from, value: p.value }));
    local.set(spec.id, layers);
  }
  const parametersOn = (instant: string) => resolveParameters(rt.registry, plugin.id, local, chinaDate(instant));

  const closed = await rt.db
    .select({ id: cases.id, caseNo: cases.caseNo, cityCode: cases.cityCode, state: cases.state, orgPath: cases.orgPath })
    .from(cases)
    .where(and(eq(cases.processId, processId), eq(cases.status, 'final'), like(cases.orgPath, `${user.orgUnit.path}%`)))
    .orderBy(desc(cases.closedAt))
    .limit(options.limit);
  const records = closed.length === 0 ? [] : await rt.db.select().from(caseEvents).where(inArray(caseEvents.caseId, closed.map((c) => c.id))).orderBy(asc(caseEvents.seq));

  const current = await currentCalendarVersion(rt.db);
  const results = [];
  for (const row of closed) {
    // A migration record is left out: it moved the case between versions with its state and data
    // unchanged, and the replay runs the whole history against one definition, where it is nothing.
    // The step after it carries the deadline the migration counted, so deadlines still compare.
    const steps = await recordedSteps(rt, row.orgPath, records.filter((r) => r.caseId === row.id && r.event !== MIGRATE_EVENT), current);
    results.push({ caseId: row.id, caseNo: row.caseNo, recordedFinalState: row.state, ...replay(compiled, steps, parametersOn) });
  }
  return {
    processId,
    replayed: results.length,
    same: results.filter((r) => r.result === 'same').length,
    refused: results.filter((r) => r.result === 'refused').length,
    different: results.filter((r) => r.result === 'different').length,
    cases: results,
  };
}
