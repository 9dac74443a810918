export { personForSignUp, publicAccountOf, refusalReasonOf, signUpCitizen, signUpCities, signUpEmployer, type CitizenIdentity, type EmployerSignedUp } from './account-service.ts';
export { accountOfSession, endSession, signIn, startSession, type PublicSignIn } from './public-sessions.ts';
export { citizenSignUpSchema, employerSignUpSchema, signUpFieldErrors, type CitizenSignUp, type EmployerSignUp } from './signup-forms.ts';
export { demoSmsSender, missingSmsSender, type SmsSender } from './sms-sender.ts';
export type { PublicAccount, PublicAccountKind, PublicAccountStatus } from './types.ts';
export { sendVerificationCode, spendVerificationCode, type CodePurpose } from './verification-codes.ts';
export { maskPhone as maskMobile } from '../../forms/index.ts';
