export { applicantActor, employerOf, serviceOffice, type EmployerAccount } from './employer-account.ts';
export { accountVerification, openEmployerVerification, openAccountVerification, openVerificationOfAccount, verificationMeanings, type EmployerApplication } from './verification-case.ts';
export { employerVerificationProjection } from './verification-projection.ts';
export { actOnPosting, employerPosting, employerPostings, postingForm, submitPosting, type EmployerPostingView } from './employer-postings.ts';
export type { ApplicantAction, OfferedEvent } from './applicant-events.ts';
export type { ReviewRemark } from './review-remarks.ts';
