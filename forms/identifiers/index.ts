export { parseCitizenId, isCitizenId, maskCitizenId, citizenIdCheckCharacter } from './citizen-id.ts';
export type { CitizenId, CitizenIdProblem, CitizenIdResult } from './citizen-id.ts';
export { parseCreditCode, isCreditCode, creditCodeCheckCharacter, organizationCodeCheckCharacter } from './credit-code.ts';
export type { CreditCodeProblem, CreditCodeResult } from './credit-code.ts';
export { maskPhone } from './phone.ts';
export { isSocialSecurityCardNo, maskSocialSecurityCardNo, normalSocialSecurityCardNo } from './social-security-card.ts';
