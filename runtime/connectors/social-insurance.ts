import { z } from '@hono/zod-openapi';
import { PlatformError } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { queryPeer, serviceRoute, type ExchangeContext, type Transport } from '../exchange/index.ts';

/** The exchange service a social insurance agency answers: a person's unemployment insurance contributions. */
export const SOCIAL_INSURANCE_CONTRIBUTIONS = 'social-insurance.contributions';

/** The request's payload: the person's citizen ID number (personal data: only in the signed payload, never logged). */
export const ContributionsRequest = z.object({ idNumber: z.string().regex(/^\d{17}[\dX]$/) }).strict().openapi('SocialInsuranceContributionsRequest');
export type ContributionsRequest = z.infer<typeof ContributionsRequest>;

/** The response's `result`: whether the agency knows the person, the cumulative insured months and contributions paid (fen), and the time its records stood so. */
export const ContributionsResult = z
  .object({
    found: z.boolean(),
    contributionMonths: z.number().int().min(0).max(1200),
    contributionsPaidFen: z.number().int().min(0),
    asOf: z.iso.datetime({ offset: true }).openapi({ description: "The agency's records as of this time" }),
  })
  .strict()
  .openapi('SocialInsuranceContributionsResult');
export type ContributionsResult = z.infer<typeof ContributionsResult>;

/** The fact a rule reads: the agency's answer with where it came from, or a caseworker's value when the agency did not answer. */
export interface ContributionsFact {
  found: boolean | null;
  contributionMonths: number;
  contributionsPaidFen: number | null;
  /** The agency's as-of time; null for a caseworker's value. */
  asOf: string | null;
  /** The member that answered and its response's message id; null for a caseworker's value. */
  source: { member: string; messageId: string } | null;
  caseworkerEntered: boolean;
}

/**
 * Asks the city's social insurance agency (the member `exchange_services` names for the city and
 * this service) for a person's contributions, over the exchange in `tx`, and returns them as a fact
 * with their source and as-of time. A city with no agency configured, or an agency not answering,
 * is `EXCHANGE_PEER_UNAVAILABLE`; an answer whose result is not of the documented shape is
 * `EXCHANGE_RESPONSE_INVALID`.
 */
export async function socialInsuranceContributions(
  ctx: ExchangeContext,
  tx: Transaction,
  request: { cityCode: string; caseNo: string; idNumber: string },
  transport?: Transport,
): Promise<ContributionsFact> {
  const route = await serviceRoute(tx, request.cityCode, SOCIAL_INSURANCE_CONTRIBUTIONS);
  if (!route) throw new PlatformError('EXCHANGE_PEER_UNAVAILABLE', { details: { service: SOCIAL_INSURANCE_CONTRIBUTIONS, reason: 'no provider configured for the city' } });
  const payload: ContributionsRequest = { idNumber: request.idNumber };
  const answer = await queryPeer(ctx, tx, { client: route.client, provider: route.provider, service: SOCIAL_INSURANCE_CONTRIBUTIONS, businessKey: request.caseNo, payload }, transport);
  const result = ContributionsResult.safeParse(answer.result);
  if (!result.success) throw new PlatformError('EXCHANGE_RESPONSE_INVALID', { details: { provider: route.provider, service: SOCIAL_INSURANCE_CONTRIBUTIONS, reason: 'result' } });
  return {
    ...result.data,
    asOf: new Date(result.data.asOf).toISOString(),
    source: { member: answer.response.sender, messageId: answer.response.messageId },
    caseworkerEntered: false,
  };
}
