export { DECISION_RESULTS, NATIONAL_APPLICATIONS, NATIONAL_DECISIONS, NationalApplication, NationalDecision, type DecisionResult } from './national-messages.ts';
export { downloadNationalApplications, NATIONAL_DOWNLOAD_EVERY_MS, nationalServiceHandlers, type DownloadOutcome } from './download.ts';
export { takeNationalApplication, type TakeOutcome } from './take-application.ts';
export { nationalDecisionProjection, nationalRoute, uploadDecision } from './upload-decision.ts';
