import { describe, expect, it } from 'vitest';
import { stateStays } from '../../admin-ui/src/caseworker/case/state-stays.ts';
import type { HistoryStep } from '../../admin-ui/src/caseworker/case/types.ts';

/** A step as the history API gives it: its times are those of the state it left. */
function step(seq: number, from: string | null, to: string, enteredAt: string, leftAt: string): HistoryStep {
  const title = { 'zh-CN': to, en: to };
  return {
    seq, from, fromTitle: from ? { 'zh-CN': from, en: from } : null, to, toTitle: title, event: 'e', eventTitle: title,
    actor: { id: 'u', name: 'n', role: 'caseworker' }, post: null, postTitle: null, orgUnit: { id: 'o', name: 'o' },
    claimed: null, enteredAt, leftAt, dueAt: null, onTime: null, dueProvisional: false, calendarVersion: null, recalculated: null, data: {}, exchangeFacts: [], cause: null, form: null,
  };
}

const opened = step(1, null, 'draft', '2026-12-01T02:00:00.000Z', '2026-12-01T02:00:00.000Z');
const submitted = step(2, 'draft', 'submitted', '2026-12-01T02:00:00.000Z', '2026-12-02T03:30:00.000Z');
const approved = step(3, 'submitted', 'registered', '2026-12-02T03:30:00.000Z', '2026-12-04T08:00:00.000Z');

describe('the stay in each state of a case’s history', () => {
  it('shows the state a new case is in as entered when it opened and still current, never as left', () => {
    expect(stateStays([opened], true)).toEqual([{ enteredAt: '2026-12-01T02:00:00.000Z', leftAt: null, current: true }]);
  });

  it('gives a state left its entry and the time of the step that left it, the state the case is in now current', () => {
    expect(stateStays([opened, submitted, approved], true)).toEqual([
      { enteredAt: '2026-12-01T02:00:00.000Z', leftAt: '2026-12-02T03:30:00.000Z', current: false },
      { enteredAt: '2026-12-02T03:30:00.000Z', leftAt: '2026-12-04T08:00:00.000Z', current: false },
      { enteredAt: '2026-12-04T08:00:00.000Z', leftAt: null, current: true },
    ]);
  });

  it('does not call the final state of a closed case current', () => {
    expect(stateStays([opened, submitted], false).at(-1)).toEqual({ enteredAt: '2026-12-02T03:30:00.000Z', leftAt: null, current: false });
  });
});
