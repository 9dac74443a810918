import { z } from '@hono/zod-openapi';
import { AgencyAsOf, IdNumberRequest, type ExchangeConnector } from './exchange-fact.ts';

/** The exchange service a social insurance agency answers: a person's unemployment insurance contributions. */
export const SOCIAL_INSURANCE_CONTRIBUTIONS = 'social-insurance.contributions';

/** The request's payload: the person's citizen ID number (personal data: only in the signed payload, never logged). */
export const ContributionsRequest = IdNumberRequest.openapi('SocialInsuranceContributionsRequest');
export type ContributionsRequest = z.infer<typeof ContributionsRequest>;

/** The response's `result`: whether the agency knows the person, the cumulative insured months and contributions paid (fen), and the time its records stood so. */
export const ContributionsResult = z
  .object({
    found: z.boolean(),
    contributionMonths: z.number().int().min(0).max(1200),
    contributionsPaidFen: z.number().int().min(0),
    asOf: AgencyAsOf,
  })
  .strict()
  .openapi('SocialInsuranceContributionsResult');
export type ContributionsResult = z.infer<typeof ContributionsResult>;

/** The social insurance agency's service; a caseworker may type the insured months (a whole number) when it does not answer. */
export const socialInsuranceConnector: ExchangeConnector<typeof ContributionsRequest, typeof ContributionsResult> = {
  service: SOCIAL_INSURANCE_CONTRIBUTIONS,
  request: ContributionsRequest,
  result: ContributionsResult,
  caseworkerValue: { field: 'contributionMonths', value: z.number().int().min(0) },
};
