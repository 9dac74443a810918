export { fireDueTimers, startTimerWorker, ESCALATION_POST } from './timer-worker.ts';
