export { applicantEvents, applicationForm, officeFor, onlineForm, type Office, type OnlineForm } from './online-form.ts';
export { attachAndSend, checkApplication, resubmitApplication, submitApplication, type ApplicationInput, type SupportingFile } from './submit-application.ts';
export { myApplication, myApplications, phaseOf, type ApplicationDetail, type ApplicationPhase, type ApplicationSummary, type OfficeStep } from './my-applications.ts';
