import { z } from '@hono/zod-openapi';
import type { LocalizedText } from '../../engine/index.ts';
import { isCreditCode } from '../../forms/index.ts';
import { AgencyAsOf, type ExchangeConnector } from './exchange-fact.ts';

/** The exchange service a market regulation administration (市场监管) answers: an employer's registration by its credit code. */
export const MARKET_REGULATION_EMPLOYER = 'market-regulation.employer';

/** The registration statuses (登记状态) the administration answers with, by code. */
export const BUSINESS_STATUSES = {
  existing: { 'zh-CN': '存续', en: 'In existence' },
  operating: { 'zh-CN': '在业', en: 'In operation' },
  revoked: { 'zh-CN': '吊销', en: 'Business licence revoked' },
  deregistered: { 'zh-CN': '注销', en: 'Deregistered' },
} as const satisfies Record<string, LocalizedText>;
export const BusinessStatus = z.enum(Object.keys(BUSINESS_STATUSES) as [keyof typeof BUSINESS_STATUSES, ...(keyof typeof BUSINESS_STATUSES)[]]);

/** The request's payload: the employer's unified social credit code (GB 32100). */
export const EmployerRegistrationRequest = z
  .object({ creditCode: z.string().refine(isCreditCode, 'a unified social credit code with its check character') })
  .strict()
  .openapi('MarketRegulationEmployerRequest');

/** The response's `result`: whether the administration knows the code, the registered name, legal representative, status and establishment date, as of a time. */
export const EmployerRegistrationResult = z
  .object({
    found: z.boolean(),
    name: z.string().min(1).max(200).nullable(),
    legalRepresentative: z.string().min(1).max(50).nullable(),
    status: BusinessStatus.nullable(),
    establishedOn: z.iso.date().nullable(),
    asOf: AgencyAsOf,
  })
  .strict()
  .openapi('MarketRegulationEmployerResult');
export type EmployerRegistrationResult = z.infer<typeof EmployerRegistrationResult>;

/** The administration's service; a caseworker may type the status found in the national enterprise credit information system when it does not answer. */
export const marketRegulationConnector: ExchangeConnector<typeof EmployerRegistrationRequest, typeof EmployerRegistrationResult> = {
  service: MARKET_REGULATION_EMPLOYER,
  request: EmployerRegistrationRequest,
  result: EmployerRegistrationResult,
  caseworkerValue: { field: 'status', value: BusinessStatus },
};
