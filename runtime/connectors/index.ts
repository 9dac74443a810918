export { ContributionsRequest, ContributionsResult, SOCIAL_INSURANCE_CONTRIBUTIONS, socialInsuranceContributions, type ContributionsFact } from './social-insurance.ts';
