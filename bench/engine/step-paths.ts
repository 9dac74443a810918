import { and, eq, isNull } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { actorOf, type SessionUser } from '../../runtime/auth/index.ts';
import { getCaseRow, startCase, StepWrites } from '../../runtime/cases/index.ts';
import { caseEvents, cases, tasks, timers } from '../../runtime/db/schema/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';

const form = { note: '材料已核对' };
const nextState: Record<string, string> = { intake: 'check', check: 'review', review: 'approve', approve: 'archive', archive: 'done' };

/** Opens one case per person through the real service. */
export async function openCases(rt: RuntimeContext, user: SessionUser, personIds: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const subjectId of personIds) ids.push((await startCase(rt, user, { processId: 'bench-five-step', subjectId })).id);
  return ids;
}

/** The engine path, as a request takes it: lock the case, look up facts, step purely, write snapshot, record, tasks, timers. */
export async function engineStep(rt: RuntimeContext, user: SessionUser, caseId: string): Promise<void> {
  await rt.db.transaction(async (tx) => {
    const row = await getCaseRow(rt, user, caseId, tx, true);
    await rt.stepper.step(tx, rt, row, { event: { type: 'next', data: form }, actor: actorOf(user), cause: null });
  });
}

/**
 * The baseline: the same reads and writes as the engine path, sent the same way (one statement for
 * the step's writes, `StepWrites`), with no engine, no facts, no validation, a precomputed next state.
 */
export async function rawStep(rt: RuntimeContext, user: SessionUser, caseId: string): Promise<void> {
  await rt.db.transaction(async (tx) => {
    const row = await getCaseRow(rt, user, caseId, tx, true);
    const next = nextState[row.state]!;
    const now = new Date();
    const dueAt = new Date(now.getTime() + 2 * 86_400_000);
    const final = next === 'done';
    const context = { ...row.snapshot.context, data: { ...row.snapshot.context.data, ...form }, enteredAt: now.toISOString(), dueAt: final ? null : dueAt.toISOString(), lastActors: { next: user.id } };
    const writes = new StepWrites(tx);
    await writes.update(
      cases,
      { state: next, status: final ? 'final' : 'active', snapshot: { state: next, context }, data: context.data, version: row.version + 1, updatedAt: now, closedAt: final ? now : null },
      and(eq(cases.cityCode, row.cityCode), eq(cases.id, row.id), eq(cases.version, row.version))!,
    );
    await writes.update(
      tasks,
      { status: 'done', closedAt: now, closedBy: user.id, closedEvent: 'next' },
      and(eq(tasks.cityCode, row.cityCode), eq(tasks.caseId, row.id), eq(tasks.state, row.state), eq(tasks.status, 'open'))!,
    );
    await writes.update(timers, { cancelledAt: now }, and(eq(timers.cityCode, row.cityCode), eq(timers.caseId, row.id), eq(timers.state, row.state), isNull(timers.firedAt), isNull(timers.cancelledAt))!);
    writes.insert(caseEvents, {
      cityCode: row.cityCode,
      caseId: row.id,
      seq: row.version + 1,
      processId: row.processId,
      definitionId: row.definitionId,
      fromState: row.state,
      toState: next,
      event: 'next',
      actorId: user.id,
      actorName: user.displayName,
      actorRole: user.role,
      post: null,
      orgUnitId: user.orgUnit.id,
      enteredAt: new Date(row.snapshot.context.enteredAt),
      leftAt: now,
      dueAt: row.snapshot.context.dueAt ? new Date(row.snapshot.context.dueAt) : null,
      onTime: true,
      data: form,
      channel: 'window',
    });
    if (!final) {
      writes.insert(tasks, { cityCode: row.cityCode, id: randomUUID(), caseId: row.id, state: next, role: 'caseworker', post: null, orgUnitId: row.orgUnitId, orgPath: row.orgPath, status: 'open', dueAt, openedAt: now });
      writes.insert(timers, { cityCode: row.cityCode, id: randomUUID(), caseId: row.id, kind: 'sla', state: next, fireAt: dueAt });
    }
    await writes.flush();
  });
}

/** Runs every case through all its steps with `concurrency` workers; returns elapsed seconds. */
export async function drive(caseIds: readonly string[], concurrency: number, stepsPerCase: number, stepOne: (caseId: string) => Promise<void>): Promise<number> {
  const queue = [...caseIds];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        for (let s = 0; s < stepsPerCase; s++) await stepOne(id);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}
