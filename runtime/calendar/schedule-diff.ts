import type { CalendarDay } from '../../engine/index.ts';

/** What a new schedule changes against the one it replaces, day by day. */
export interface ScheduleDiff {
  added: CalendarDay[];
  removed: CalendarDay[];
  /** Days on both whose kind or name differs. */
  changed: { date: string; before: CalendarDay; after: CalendarDay }[];
  /** The first date whose status (holiday, make-up working day, or neither) differs; null when none does. */
  changedFrom: string | null;
}

/** Day by day, what `after` changes against `before`. */
export function diffSchedules(before: readonly CalendarDay[], after: readonly CalendarDay[]): ScheduleDiff {
  const old = new Map(before.map((day) => [day.date, day]));
  const next = new Map(after.map((day) => [day.date, day]));
  const added = after.filter((day) => !old.has(day.date));
  const removed = before.filter((day) => !next.has(day.date));
  const changed = after.flatMap((day) => {
    const was = old.get(day.date);
    return was && (was.kind !== day.kind || was.name !== day.name) ? [{ date: day.date, before: was, after: day }] : [];
  });
  const statusChanges = [...added, ...removed, ...changed.filter((c) => c.before.kind !== c.after.kind)].map((day) => day.date).sort();
  return { added, removed, changed, changedFrom: statusChanges[0] ?? null };
}

/** True when nothing in the diff changes. */
export function isEmptyDiff(diff: ScheduleDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
