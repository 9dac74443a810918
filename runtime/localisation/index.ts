export { effectiveProcess, saveDraft, verifyDraft, diffLevels, publishDraft } from './overlay-service.ts';
export { migrateCases, type CaseMigration } from './migration-service.ts';
export { caseRecordedSteps, replayDraft } from './replay-service.ts';
export { versionHistory, type PublishedVersion } from './version-history.ts';
