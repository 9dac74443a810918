export { uploadImport, type UploadInput } from './dry-run.ts';
export { approveImport, commitImport, discardImport, isCommitting, resumeImport, COMMIT_BATCH } from './commit-import.ts';
export { getImport, importHistory } from './import-jobs.ts';
export { importIssuesPage, importReportXlsx } from './import-report.ts';
export { importKind, importKinds } from './import-kinds.ts';
export { importReasons } from './import-reasons.ts';
export { listTemplates, saveTemplate } from './templates.ts';
