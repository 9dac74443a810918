import { parameterValueOn, type EffectiveValue, type Overlay, type ParameterSpec } from '../../engine/index.ts';
import type { LocalParameterValues } from '../plugins/index.ts';

type Value = number | readonly string[];

/** A parameter from a date on: its value in force then, or, when a change is scheduled, each value with its first day. */
export type ParameterSchedule = Value | { from: string; value: Value }[];

/**
 * Every parameter of a plugin as one level of a path sees it from `today` on: `depth` levels of
 * `local` count (1: the ministry alone), and `draft`, when given, replaces the values of the level
 * at `depth`. Dates of later changes at any of those levels (or the ministry's) split the schedule.
 */
export function parameterSchedules(
  specs: readonly ParameterSpec[],
  local: LocalParameterValues,
  depth: number,
  today: string,
  draft?: Overlay['parameters'],
): Record<string, ParameterSchedule> {
  return Object.fromEntries(
    specs.map((spec) => {
      const levels: EffectiveValue<Value>[][] = Array.from({ length: depth }, (_, i) => local.get(spec.id)?.[i] ?? []);
      if (draft) levels[depth - 1] = draft.filter((entry) => entry.id === spec.id).map(({ from, value }) => ({ from, value }));
      const later = [...(spec.changes ?? []), ...levels.flat()].map((entry) => entry.from).filter((from) => from > today);
      const schedule: { from: string; value: Value }[] = [];
      for (const from of [today, ...new Set(later)].sort()) {
        const value = parameterValueOn(spec, from, levels);
        if (JSON.stringify(value) !== JSON.stringify(schedule.at(-1)?.value)) schedule.push({ from, value });
      }
      return [spec.id, schedule.length === 1 ? schedule[0]!.value : schedule];
    }),
  );
}
