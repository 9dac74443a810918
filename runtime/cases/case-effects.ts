import { and, eq, isNull, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { PlatformError, chinaDate } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { caseEvents, outbox, persons, tasks, timers } from '../db/schema/index.ts';
import { nextCertificateNumber } from '../numbering/index.ts';
import type { CaseRow } from '../runtime-context.ts';
import type { EffectHandlers } from './apply-effects.ts';

/** Person status fields a definition may set, with the values each may take. */
const personFields = {
  unemploymentStatus: ['none', 'registered'],
  employmentStatus: ['none', 'employed'],
  difficultyStatus: ['none', 'recognized'],
} as const;

/** Person counters a definition may add one to. */
const personCounters = { unjustifiedRefusals: persons.unjustifiedRefusals } as const;

async function setPersonField(tx: Transaction, row: CaseRow, field: string, value: unknown, now: Date) {
  const allowed = (personFields as Record<string, readonly string[]>)[field];
  if (row.subjectType !== 'person' || !allowed || typeof value !== 'string' || !allowed.includes(value)) {
    throw new PlatformError('DEFINITION_INVALID', { details: { effect: 'subject.set', field, value } });
  }
  await tx
    .update(persons)
    .set({ [field]: value, updatedAt: now })
    .where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId)));
}

async function incrementPersonField(tx: Transaction, row: CaseRow, field: string, now: Date) {
  const column = row.subjectType === 'person' ? personCounters[field as keyof typeof personCounters] : undefined;
  if (!column) throw new PlatformError('DEFINITION_INVALID', { details: { effect: 'subject.increment', field } });
  await tx
    .update(persons)
    .set({ [field]: sql`${column} + 1`, updatedAt: now })
    .where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId)));
}

async function issueCertificate(tx: Transaction, row: CaseRow, certificate: string, now: Date) {
  // Only the first registration issues a certificate: an existing number is kept.
  const [person] = await tx
    .select({ certificateNo: persons.certificateNo })
    .from(persons)
    .where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId)))
    .for('update');
  if (!person || person.certificateNo) return;
  const number = await nextCertificateNumber(tx, row.cityCode, certificate, chinaDate(now).slice(0, 4));
  await tx
    .update(persons)
    .set({ certificateNo: number, updatedAt: now })
    .where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId), isNull(persons.certificateNo)));
}

/**
 * The effects a case applies itself: the performance record (`case_events`), task and timer rows,
 * the subject's status and counters, certificate numbers, and domain events into the outbox. The
 * ledger's payment is the ledger's own (`ledgerEffects`).
 */
export const caseEffects: Omit<EffectHandlers, 'ledger.item'> = {
  record: {
    write: (writes, row, { record }, context) =>
      writes.insert(caseEvents, {
      cityCode: row.cityCode,
      caseId: row.id,
      // One record per step: its sequence is the case version the step produced.
      seq: row.version,
      processId: row.processId,
      definitionId: row.definitionId,
      fromState: record.from,
      toState: record.to,
      event: record.event,
      actorId: record.actor.id,
      actorName: record.actor.name,
      actorRole: record.actor.role,
      post: record.actor.post,
      orgUnitId: record.actor.orgUnit,
      enteredAt: new Date(record.enteredAt),
      leftAt: new Date(record.leftAt),
      dueAt: record.dueAt ? new Date(record.dueAt) : null,
      dueProvisional: record.dueProvisional,
      calendarVersion: record.calendarVersion,
      onTime: record.onTime,
      data: record.data,
      facts: context.facts ?? null,
      cause: context.cause,
    }),
  },
  'task.open': {
    write: (writes, row, effect, { now, calendarVersion }) =>
      writes.insert(tasks, {
      cityCode: row.cityCode,
      id: randomUUID(),
      caseId: row.id,
      state: effect.state,
      role: effect.role,
      post: effect.post,
      orgUnitId: row.orgUnitId,
      orgPath: row.orgPath,
      status: 'open',
      dueAt: new Date(effect.dueAt),
      dueProvisional: effect.provisional,
      calendarVersion,
      openedAt: now,
    }),
  },
  'task.close': {
    write: (writes, row, effect, { actor, now }) =>
      writes.update(
        tasks,
        { status: 'done', closedAt: now, closedEvent: effect.event, closedBy: actor.role === 'system' ? null : actor.id },
        and(eq(tasks.cityCode, row.cityCode), eq(tasks.caseId, row.id), eq(tasks.state, effect.state), eq(tasks.status, 'open'))!,
      ),
  },
  'timer.schedule': {
    write: (writes, row, effect, { calendarVersion }) =>
      writes.insert(timers, {
      cityCode: row.cityCode,
      id: randomUUID(),
      caseId: row.id,
      kind: effect.timer,
      state: effect.state,
      ...(effect.timer === 'event' ? { event: effect.event, otherwise: effect.otherwise, data: effect.data } : {}),
      fireAt: new Date(effect.at),
      provisional: effect.provisional,
      // Only deadlines counted in working days move with the calendar.
      calendarVersion: effect.timer === 'sla' || effect.workingDays ? calendarVersion : null,
    }),
  },
  'timer.cancel': {
    write: (writes, row, effect, { now }) =>
      writes.update(
        timers,
        { cancelledAt: now },
        and(eq(timers.cityCode, row.cityCode), eq(timers.caseId, row.id), eq(timers.state, effect.state), isNull(timers.firedAt), isNull(timers.cancelledAt))!,
      ),
  },
  'subject.set': { apply: (tx, row, effect, { now }) => setPersonField(tx, row, effect.field, effect.value, now) },
  'subject.increment': { apply: (tx, row, effect, { now }) => incrementPersonField(tx, row, effect.field, now) },
  'certificate.issue': { apply: (tx, row, effect, { now }) => issueCertificate(tx, row, effect.certificate, now) },
  emit: {
    apply: async (tx, row, effect, { now }) => {
    const [inserted] = await tx
      .insert(outbox)
      .values({ cityCode: row.cityCode, event: effect.event, caseId: row.id, subjectType: row.subjectType, subjectId: row.subjectId, payload: effect.payload, createdAt: now })
      .returning({ id: outbox.id });
    return { id: inserted!.id, cityCode: row.cityCode, event: effect.event, subjectId: row.subjectId, payload: effect.payload };
    },
  },
};
