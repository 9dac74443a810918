export { exchangeFact, type ExchangeConnector, type ExchangeFact } from './exchange-fact.ts';
export { ContributionsRequest, ContributionsResult, SOCIAL_INSURANCE_CONTRIBUTIONS, socialInsuranceConnector } from './social-insurance.ts';
export { BUSINESS_STATUSES, EmployerRegistrationResult, MARKET_REGULATION_EMPLOYER, marketRegulationConnector } from './market-regulation.ts';
export { CIVIL_AFFAIRS_MINIMUM_LIVING, civilAffairsConnector, MinimumLivingResult } from './civil-affairs.ts';
export { CertificateResult, DISABLED_PERSONS_CERTIFICATE, disabledPersonsConnector } from './disabled-persons.ts';
export { SOCIAL_INSURANCE_ENROLMENT, SOCIAL_INSURANCE_STOP, socialInsuranceEvents, type AgencyEvent } from './social-insurance-events.ts';
