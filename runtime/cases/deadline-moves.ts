import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DeadlineMove } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { cases, deadlineMoves, tasks, timers } from '../db/schema/index.ts';

type CaseRow = typeof cases.$inferSelect;
type TaskMove = Extract<DeadlineMove, { kind: 'task.reschedule' }>;
type TimerMove = Extract<DeadlineMove, { kind: 'timer.reschedule' }>;

/** When and by which calendar a deadline is moved. */
export interface MoveContext {
  now: Date;
  calendarVersion: number;
}

const pendingTimers = (row: CaseRow, state: string) =>
  and(eq(timers.cityCode, row.cityCode), eq(timers.caseId, row.id), eq(timers.state, state), isNull(timers.firedAt), isNull(timers.cancelledAt));

/**
 * Moves the open task of a state, and its SLA timer, to a deadline counted again; records the
 * move when the deadline or its provisional mark changed, and otherwise only notes the calendar
 * version that counted it. A task escalated on the old deadline that the new one has not reached
 * is escalated no more, and gets an SLA timer again.
 */
export async function moveTask(tx: Transaction, row: CaseRow, move: TaskMove, context: MoveContext): Promise<boolean> {
  const thisTask = and(eq(tasks.cityCode, row.cityCode), eq(tasks.caseId, row.id), eq(tasks.state, move.state), eq(tasks.status, 'open'));
  const [task] = await tx.select().from(tasks).where(thisTask).for('update');
  if (!task) return false;
  const dueAt = new Date(move.dueAt);
  const moved = task.dueAt.getTime() !== dueAt.getTime() || task.dueProvisional !== move.provisional;
  const withdraw = moved && task.escalatedAt !== null && dueAt > context.now;
  await tx
    .update(tasks)
    .set({ dueAt, dueProvisional: move.provisional, calendarVersion: context.calendarVersion, ...(withdraw ? { escalatedAt: null, escalatedTo: null } : {}) })
    .where(and(eq(tasks.cityCode, row.cityCode), eq(tasks.id, task.id)));
  const timer = { fireAt: dueAt, provisional: move.provisional, calendarVersion: context.calendarVersion };
  const rearmed = await tx.update(timers).set(timer).where(and(pendingTimers(row, move.state), eq(timers.kind, 'sla'))).returning({ id: timers.id });
  if (rearmed.length === 0 && withdraw) {
    await tx.insert(timers).values({ cityCode: row.cityCode, id: randomUUID(), caseId: row.id, kind: 'sla', state: move.state, ...timer });
  }
  if (!moved) return false;
  await tx.insert(deadlineMoves).values({
    cityCode: row.cityCode,
    caseId: row.id,
    state: move.state,
    target: 'task',
    event: null,
    fromAt: task.dueAt,
    toAt: dueAt,
    fromProvisional: task.dueProvisional,
    toProvisional: move.provisional,
    calendarVersion: context.calendarVersion,
    escalationWithdrawn: withdraw,
    movedAt: context.now,
  });
  return true;
}

/** Moves a state's pending working-day timer to its time counted again, recording the move when it changed. */
export async function moveTimer(tx: Transaction, row: CaseRow, move: TimerMove, context: MoveContext): Promise<boolean> {
  const thisTimer = and(pendingTimers(row, move.state), eq(timers.kind, 'event'), eq(timers.event, move.event));
  const [timer] = await tx.select().from(timers).where(thisTimer).for('update');
  if (!timer) return false;
  const at = new Date(move.at);
  const moved = timer.fireAt.getTime() !== at.getTime() || timer.provisional !== move.provisional;
  await tx
    .update(timers)
    .set({ fireAt: at, provisional: move.provisional, calendarVersion: context.calendarVersion })
    .where(and(eq(timers.cityCode, row.cityCode), eq(timers.id, timer.id)));
  if (!moved) return false;
  await tx.insert(deadlineMoves).values({
    cityCode: row.cityCode,
    caseId: row.id,
    state: move.state,
    target: 'timer',
    event: move.event,
    fromAt: timer.fireAt,
    toAt: at,
    fromProvisional: timer.provisional,
    toProvisional: move.provisional,
    calendarVersion: context.calendarVersion,
    movedAt: context.now,
  });
  return true;
}
