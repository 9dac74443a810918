export { AgencyAsOf, askAgency, caseworkerFact, exchangeFact, IdNumberRequest, type ExchangeConnector, type ExchangeFact, type FactOrigin, type WhenUnavailable } from './exchange-fact.ts';
export { ContributionsRequest, ContributionsResult, SOCIAL_INSURANCE_CONTRIBUTIONS, socialInsuranceConnector, type ContributionsFact } from './social-insurance.ts';
export { BUSINESS_STATUSES, BusinessStatus, EmployerRegistrationRequest, EmployerRegistrationResult, MARKET_REGULATION_EMPLOYER, marketRegulationConnector, type EmployerRegistrationFact } from './market-regulation.ts';
export { CIVIL_AFFAIRS_MINIMUM_LIVING, civilAffairsConnector, MinimumLivingRequest, MinimumLivingResult, type MinimumLivingFact } from './civil-affairs.ts';
export { CertificateRequest, CertificateResult, DISABLED_PERSONS_CERTIFICATE, DisabilityCategory, disabledPersonsConnector, type CertificateFact } from './disabled-persons.ts';
