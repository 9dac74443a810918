import type { HistoryStep } from './types.ts';

/** How long the case stayed in the state a step led to; `leftAt` is null while the case is still there. */
export interface StateStay {
  enteredAt: string;
  leftAt: string | null;
  /** The state the case is in now, still open: shown as lasting until now. */
  current: boolean;
}

/**
 * The stay in each step's target state, in the order of the steps. A history step records the
 * state it left (`enteredAt`, `leftAt` are the times of its `from` state, as the performance
 * records count them), so the state a step led to was entered at that step's time and left at
 * the next step's; the last step's target is where the case is now, current while it is active.
 */
export function stateStays(steps: readonly HistoryStep[], active: boolean): StateStay[] {
  return steps.map((step, index) => {
    const next = steps[index + 1];
    return { enteredAt: step.leftAt, leftAt: next?.leftAt ?? null, current: next === undefined && active };
  });
}
