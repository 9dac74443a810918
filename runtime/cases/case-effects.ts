import { and, eq, isNull, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { PlatformError, chinaDate, type StatusDeclaration } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { caseEvents, outbox, persons, tasks, timers } from '../db/schema/index.ts';
import { nextCertificateNumber } from '../numbering/index.ts';
import type { CaseRow, StepWriter } from '../runtime-context.ts';
import type { EffectHandlers } from './apply-effects.ts';
import { channelOf } from './case-search.ts';
import { setNationwideStatus, type NationwideClaim } from './nationwide-statuses.ts';
import { StepWrites } from './step-writes.ts';
import { officeOffering } from './task-offer.ts';

/** Person counters a definition may add one to. */
const personCounters = { unjustifiedRefusals: persons.unjustifiedRefusals } as const;

/**
 * Sets a status a loaded package declares to one of its declared values; anything else is a
 * definition the platform cannot apply. The declared default (the first value, `none`) is kept
 * as no key at all, as a person never given the status has. A status declared nationwide is also
 * taken or given up in `nationwide_statuses` (`setNationwideStatus`), in the same statement.
 */
async function setPersonStatus(writes: StepWriter, statuses: ReadonlyMap<string, StatusDeclaration>, row: CaseRow, field: string, value: unknown, now: Date) {
  const declared = statuses.get(field);
  if (row.subjectType !== 'person' || !declared || typeof value !== 'string' || !declared.values.includes(value)) {
    throw new PlatformError('DEFINITION_INVALID', { details: { effect: 'subject.set', field, value } });
  }
  const isDefault = value === declared.values[0];
  const next = isDefault ? sql`${persons.statuses} - ${field}::text` : sql`${persons.statuses} || jsonb_build_object(${field}::text, ${value}::text)`;
  await writes.update(persons, { statuses: next, updatedAt: now }, and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId))!);
  if (!declared.nationwide) return undefined;
  const set = { key: field, value, isDefault, exclusion: declared.nationwide };
  await setNationwideStatus(writes, row, set, now);
  return set;
}

function incrementPersonField(writes: StepWriter, row: CaseRow, field: string, now: Date) {
  const column = row.subjectType === 'person' ? personCounters[field as keyof typeof personCounters] : undefined;
  if (!column) throw new PlatformError('DEFINITION_INVALID', { details: { effect: 'subject.increment', field } });
  return writes.update(persons, { [field]: sql`${column} + 1`, updatedAt: now }, and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId))!);
}

/**
 * The effects on a case's subject: `subject.set` of a status, checked against the statuses the
 * loaded packages declare (`plugin.json` `statuses`, from the registry the step runs with), and
 * `subject.increment` of a counter (a column of its own: a counter is the platform's, not a
 * package's status). With `claimNationally` (a province under a national node, `NATIONAL_CLAIMS`),
 * a nationwide status is also claimed at the national node before the step commits; without it (a
 * city on its own) a status is written with the step's other writes, as ever.
 */
export function subjectEffects(statuses: ReadonlyMap<string, StatusDeclaration>, claimNationally?: NationwideClaim): Pick<EffectHandlers, 'subject.set' | 'subject.increment'> {
  return {
    'subject.set': claimNationally
      ? {
          // A province under a national node: its own database takes the status first (refusing it
          // held by another city here), then the national node is asked before the step commits.
          apply: async (tx, row, effect, { now }) => {
            const writes = new StepWrites(tx);
            const set = await setPersonStatus(writes, statuses, row, effect.field, effect.value, now);
            await writes.flush();
            if (set) await claimNationally(tx, row, set);
          },
        }
        : { write: async (writes, row, effect, { now }) => void (await setPersonStatus(writes, statuses, row, effect.field, effect.value, now)) },
    'subject.increment': { write: (writes, row, effect, { now }) => incrementPersonField(writes, row, effect.field, now) },
  };
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
 * certificate numbers, and domain events into the outbox. The subject's statuses and counters
 * depend on the loaded packages (`subjectEffects`); the ledger's payment is the ledger's own
 * (`ledgerEffects`).
 */
export const caseEffects: Omit<EffectHandlers, 'ledger.item' | 'subject.set' | 'subject.increment'> = {
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
      claimedBy: context.claim?.by ?? null,
      claimedAt: context.claim?.at ?? null,
      importedFrom: context.importedFrom ?? null,
      channel: channelOf(row),
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
      orgUnitId: effect.post ? officeOffering(effect.post, row) : row.orgUnitId,
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
