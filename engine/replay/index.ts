export { replay, type RecordedStep, type ReplayResult } from './replay.ts';
