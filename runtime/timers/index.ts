export { fireDueTimers, periodicJobs, startTimerWorker, ESCALATION_POST } from './timer-worker.ts';
