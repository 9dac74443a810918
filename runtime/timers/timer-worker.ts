import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { PlatformError, type Actor } from '../../engine/index.ts';
import { retryLostRace, type Transaction } from '../db/index.ts';
import { auditLog, cases, tasks, timers } from '../db/schema/index.ts';
import { compactAnalyticsRollups } from '../analysis/index.ts';
import { followCalendar } from '../deadlines/index.ts';
import { deliverSearchAlerts } from '../saved-searches/index.ts';
import { deliverDue } from '../exchange/index.ts';
import { downloadNationalApplications, NATIONAL_DOWNLOAD_EVERY_MS } from '../national-applications/index.ts';
import { NATIONAL_RECONCILE_EVERY_MS, reconcileClaims } from '../national/index.ts';
import { atMostEvery } from './at-most-every.ts';
import { publishedDefinition } from '../plugins/index.ts';
import { refreshRegistry } from '../packages/index.ts';
import { SUPERVISOR_POST } from '../organisation/supervisor-post.ts';
import type { CaseRow, RuntimeContext } from '../runtime-context.ts';

type TimerRow = typeof timers.$inferSelect;

/** The post an overdue task is escalated to when its definition names none (`task.escalateTo`). */
export const ESCALATION_POST = SUPERVISOR_POST;

function timerActor(orgUnit: string): Actor {
  return { id: 'system', name: '系统定时任务', role: 'system', post: null, orgUnit };
}

/** Marks the open task of an overdue state escalated to the post its definition names, else the office supervisor. */
async function escalate(tx: Transaction, rt: RuntimeContext, row: CaseRow, timer: TimerRow, now: Date): Promise<Record<string, unknown>> {
  const { definition } = await publishedDefinition(tx, rt.registry, row.definitionId);
  const to = definition.states[timer.state]?.task?.escalateTo ?? ESCALATION_POST;
  const [task] = await tx
    .update(tasks)
    .set({ escalatedAt: now, escalatedTo: to })
    .where(and(eq(tasks.cityCode, row.cityCode), eq(tasks.caseId, row.id), eq(tasks.state, timer.state), eq(tasks.status, 'open'), isNull(tasks.escalatedAt)))
    .returning({ id: tasks.id });
  if (!task) return { skipped: 'no open task' };
  await tx.insert(auditLog).values({ cityCode: row.cityCode, action: 'task.escalated', target: task.id, details: { caseId: row.id, caseNo: row.caseNo, state: timer.state, to }, at: now });
  return { escalated: task.id, to };
}

/** Sends one event in a savepoint; a refusal (the event does not apply, or no longer) rolls back only the attempt and is returned. */
async function trySend(tx: Transaction, rt: RuntimeContext, row: CaseRow, event: string, data: Record<string, unknown>): Promise<string | null> {
  try {
    await tx.transaction((savepoint) => rt.stepper.step(savepoint, rt, row, { event: { type: event, data }, actor: timerActor(row.orgUnitId), cause: null }));
    return null;
  } catch (error) {
    if (error instanceof PlatformError && error.kind === 'refusal') return error.code;
    throw error;
  }
}

/** Sends the timer's event, or its `otherwise` event when the first is refused. */
async function sendTimerEvent(tx: Transaction, rt: RuntimeContext, row: CaseRow, timer: TimerRow): Promise<Record<string, unknown>> {
  const refused = await trySend(tx, rt, row, timer.event!, timer.data);
  if (refused === null) return { sent: timer.event };
  if (!timer.otherwise) return { refused: { event: timer.event, code: refused } };
  const otherwiseRefused = await trySend(tx, rt, row, timer.otherwise, {});
  return otherwiseRefused === null ? { sent: timer.otherwise, refused: { event: timer.event, code: refused } } : { refused: { event: timer.otherwise, code: otherwiseRefused } };
}

async function fire(tx: Transaction, rt: RuntimeContext, timer: TimerRow, row: CaseRow, now: Date): Promise<Record<string, unknown>> {
  if (row.status !== 'active' || row.state !== timer.state) return { skipped: 'case left the state' };
  return timer.kind === 'sla' ? escalate(tx, rt, row, timer, now) : sendTimerEvent(tx, rt, row, timer);
}

/**
 * Claims and fires one due timer in its own transaction. The timer and its case are locked
 * together with `FOR UPDATE SKIP LOCKED`: concurrent workers (in this or another process) each
 * take a different timer, none fires one twice, and a worker never waits for a case a user is
 * stepping (it takes another timer), so workers and users cannot deadlock. The timer is marked
 * fired before its event is sent, so the step leaving the state does not also cancel it.
 * Returns undefined when nothing is due.
 */
async function fireNext(rt: RuntimeContext): Promise<{ timer: TimerRow; outcome: Record<string, unknown> } | undefined> {
  const now = rt.clock();
  return rt.db.transaction(async (tx) => {
    const [claimed] = await tx
      .select({ timer: timers, row: cases })
      .from(timers)
      .innerJoin(cases, and(eq(cases.cityCode, timers.cityCode), eq(cases.id, timers.caseId)))
      .where(and(isNull(timers.firedAt), isNull(timers.cancelledAt), lte(timers.fireAt, now)))
      .orderBy(asc(timers.fireAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!claimed) return undefined;
    const { timer, row } = claimed;
    const thisTimer = and(eq(timers.cityCode, timer.cityCode), eq(timers.id, timer.id));
    await tx.update(timers).set({ firedAt: now }).where(thisTimer);
    let outcome: Record<string, unknown>;
    try {
      // A race lost to another transaction (a deadlock with a user's step) is run once more in a fresh
      // savepoint; its statements then see what the winner committed. The timer and its case stay locked.
      outcome = await retryLostRace(() => tx.transaction((savepoint) => fire(savepoint, rt, timer, row, now)));
    } catch (error) {
      // A fault, or a race lost twice (CONCURRENT_UPDATE), is recorded on the timer instead of blocking the queue forever.
      outcome = { failed: error instanceof PlatformError ? error.code : 'INTERNAL_ERROR' };
    }
    await tx.update(timers).set({ outcome }).where(thisTimer);
    return { timer, outcome };
  });
}

/** Fires every timer due by the runtime clock (up to `limit`), oldest first; returns what each did. */
export async function fireDueTimers(rt: RuntimeContext, limit = 1000): Promise<{ caseId: string; kind: string; state: string; outcome: Record<string, unknown> }[]> {
  const fired = [];
  while (fired.length < limit) {
    const next = await fireNext(rt);
    if (!next) break;
    fired.push({ caseId: next.timer.caseId, kind: next.timer.kind, state: next.timer.state, outcome: next.outcome });
  }
  return fired;
}

/**
 * The timer worker's periodic jobs, each run at most once in its interval of the runtime clock: every city's
 * download of the national platform's applications (five minutes) and, at a national node, the national
 * claims' reconciliation with the provinces (a quarter of an hour).
 */
export function periodicJobs(rt: RuntimeContext) {
  return {
    downloadNational: atMostEvery(rt.clock, NATIONAL_DOWNLOAD_EVERY_MS, () => downloadNationalApplications(rt)),
    reconcileNational: atMostEvery(rt.clock, NATIONAL_RECONCILE_EVERY_MS, () => reconcileClaims(rt)),
  };
}

/**
 * Every `intervalMs` until stopped, takes up a package version another process installed, brings
 * deadlines up to the calendar in force (after a change, or a step that was under way during one),
 * then fires the timers that are due, sends the saved searches' alerts that are due, pushes the
 * exchange's messages that are due to their receivers (retried with backoff), folds the analytics
 * roll-ups' deltas into their sums, every five minutes downloads the national platform's
 * applications (a city's download that stopped is reported to `onError`) and, at a national node,
 * every quarter of an hour reconciles the national claims with the provinces; runs never overlap.
 */
export function startTimerWorker(rt: RuntimeContext, intervalMs: number, onError: (error: unknown) => void): () => Promise<void> {
  let run: Promise<void> | null = null;
  const { downloadNational, reconcileNational } = periodicJobs(rt);
  const handle = setInterval(() => {
    if (run) return;
    run = refreshRegistry(rt)
      .then(() => followCalendar(rt))
      .then(() => fireDueTimers(rt))
      .then(() => deliverSearchAlerts(rt))
      .then(() => deliverDue(rt))
      .then(() => compactAnalyticsRollups(rt))
      .then(() => downloadNational())
      .then((downloads) => {
        for (const { error } of downloads) if (error) onError(error);
      })
      .then(() => reconcileNational())
      .then((provinces) => {
        for (const { province, error } of provinces) if (error) onError(new Error(`national claims: province ${province} did not answer the reconciliation (${error}); its claims are checked again next time`));
      }, onError)
      .finally(() => {
        run = null;
      });
  }, intervalMs);
  // Stopping waits for a run under way, so the database is not closed beneath it.
  return async () => {
    clearInterval(handle);
    await run;
  };
}
