import { compile, start, step, type Actor } from '../../engine/index.ts';
import { bundledSchedules, composeCalendar } from '../../runtime/calendar/index.ts';
import { fiveStepPlugin, stepsPerCase } from './five-step.flow.ts';

/** Steps per second of the pure engine alone (no database): the ceiling the persisted path works under. */
export function pureStepsPerSecond(cases: number): number {
  const compiled = compile(fiveStepPlugin.definitions[0], fiveStepPlugin.implementations);
  const actor: Actor = { id: 'bench', name: '基准', role: 'caseworker', post: null, orgUnit: '350200-01' };
  const calendar = composeCalendar(1, bundledSchedules(), []);
  const started = performance.now();
  for (let i = 0; i < cases; i++) {
    let snapshot = start(compiled, { actor, calendar, now: new Date().toISOString() }).snapshot;
    for (let s = 0; s < stepsPerCase; s++) {
      snapshot = step(compiled, { snapshot, event: { type: 'next', data: { note: '材料已核对' } }, actor, calendar, now: new Date().toISOString() }).snapshot;
    }
  }
  return (cases * stepsPerCase) / ((performance.now() - started) / 1000);
}
