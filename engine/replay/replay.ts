import type { WorkingCalendar } from '../calendar/index.ts';
import type { CompiledDefinition } from '../compile/index.ts';
import { isPlatformError, type ErrorCode } from '../errors/index.ts';
import type { Actor, CaseData } from '../actions/index.ts';
import { readsFacts, start, step, type CaseSnapshot } from '../step/index.ts';

/** One recorded step of a case, as its performance record holds it. */
export interface RecordedStep {
  /** `create` for the first record. */
  event: string;
  to: string;
  actor: Actor;
  /** When the step was taken (ISO instant). */
  at: string;
  data: CaseData;
  /** The facts the step's rules saw; null for records written before facts were kept. */
  facts: Record<string, unknown> | null;
  /** The deadline of the state the step left, as recorded (null for the creation and for states without one). */
  dueAt: string | null;
  /** The calendar that counted the deadlines of the state the step entered: the calendar of its time. */
  calendar: WorkingCalendar;
}

/**
 * How a recorded case fares under another definition. `factsMissing` lists the steps whose
 * rules read facts under the definition replayed but whose record kept none (its original
 * rules read none): those rules saw no facts, so a refusal there may not be real.
 * `deadlinesDiffer` lists the steps whose state left had another deadline in the replay than on
 * record (a changed SLA, or a calendar other than the one that counted it).
 */
export type ReplayResult = { factsMissing: number[]; deadlinesDiffer: number[] } & (
  | { result: 'same'; finalState: string }
  | { result: 'refused'; step: number; event: string; code: ErrorCode; details: unknown }
  | { result: 'different'; step: number; event: string; recorded: string; replayed: string }
);

/**
 * Re-runs a case's recorded history against a definition (a draft, before publishing): the same
 * events, by the same actors, at the same times, with the same form data, the facts the original
 * steps saw and the calendar of their time, and the draft's parameters in force on each step's
 * date. Reports whether the case would have ended the same, where it would have been refused and
 * why, or where it would have gone elsewhere. Pure.
 */
export function replay(compiled: CompiledDefinition, steps: readonly RecordedStep[], parametersOn: (instant: string) => Record<string, unknown>): ReplayResult {
  const [created, ...rest] = steps;
  if (!created) throw new RangeError('a recorded case has at least its creation');
  const factsMissing: number[] = [];
  const deadlinesDiffer: number[] = [];
  let snapshot: CaseSnapshot = start(compiled, { actor: created.actor, now: created.at, calendar: created.calendar, data: created.data, parameters: parametersOn(created.at) }).snapshot;
  if (snapshot.state !== created.to) return { factsMissing, deadlinesDiffer, result: 'different', step: 0, event: created.event, recorded: created.to, replayed: snapshot.state };
  for (const [index, recorded] of rest.entries()) {
    if (recorded.facts === null && readsFacts(compiled, snapshot.state, recorded.event)) factsMissing.push(index + 1);
    if (snapshot.context.dueAt !== recorded.dueAt) deadlinesDiffer.push(index + 1);
    try {
      snapshot = step(compiled, {
        snapshot,
        event: { type: recorded.event, data: recorded.data },
        actor: recorded.actor,
        now: recorded.at,
        calendar: recorded.calendar,
        facts: recorded.facts ?? {},
        parameters: parametersOn(recorded.at),
      }).snapshot;
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      return { factsMissing, deadlinesDiffer, result: 'refused', step: index + 1, event: recorded.event, code: error.code, details: error.details };
    }
    if (snapshot.state !== recorded.to) return { factsMissing, deadlinesDiffer, result: 'different', step: index + 1, event: recorded.event, recorded: recorded.to, replayed: snapshot.state };
  }
  return { factsMissing, deadlinesDiffer, result: 'same', finalState: snapshot.state };
}
