export { fireDueTimers, startTimerWorker, ESCALATION_POST } from './timer-worker.ts';
export { atMostEvery } from './at-most-every.ts';
