export { applyToPosting, NOTE_MAX, type ApplicationInput } from './apply.ts';
export { postingApplications, postingOfApplication, recordHire, declineApplication, type EmployerApplicationView } from './employer-applications.ts';
export { myApplications, hasApplied, type MyApplication } from './my-applications.ts';
export { jobSeekingForm, registerJobSeekerOnline, activeJobSeeking } from './job-seeking-online.ts';
export { citizenPerson, accountEmployer } from './accounts.ts';
