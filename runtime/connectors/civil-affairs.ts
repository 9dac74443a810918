import { z } from '@hono/zod-openapi';
import { AgencyAsOf, IdNumberRequest, type ExchangeConnector } from './exchange-fact.ts';

/** The exchange service a civil affairs bureau (民政) answers: whether a person receives the minimum living allowance (低保). */
export const CIVIL_AFFAIRS_MINIMUM_LIVING = 'civil-affairs.minimum-living';

/** The request's payload: the person's citizen ID number. */
export const MinimumLivingRequest = IdNumberRequest.openapi('CivilAffairsMinimumLivingRequest');

/** The response's `result`: whether the bureau knows the person, whether the person's family receives 低保 now and since when, as of a time. */
export const MinimumLivingResult = z
  .object({ found: z.boolean(), receiving: z.boolean(), since: z.iso.date().nullable(), asOf: AgencyAsOf })
  .strict()
  .openapi('CivilAffairsMinimumLivingResult');
export type MinimumLivingResult = z.infer<typeof MinimumLivingResult>;

/** The bureau's service; a caseworker may say whether the person receives 低保 (from the family's 低保证) when it does not answer. */
export const civilAffairsConnector: ExchangeConnector<typeof MinimumLivingRequest, typeof MinimumLivingResult> = {
  service: CIVIL_AFFAIRS_MINIMUM_LIVING,
  request: MinimumLivingRequest,
  result: MinimumLivingResult,
  caseworkerValue: { field: 'receiving', value: z.boolean() },
};
