import { z } from '@hono/zod-openapi';
import { AgencyAsOf, IdNumberRequest, type ExchangeConnector } from './exchange-fact.ts';

/** The exchange service a disabled persons' federation (残联) answers: whether a person holds a valid disability certificate (残疾人证). */
export const DISABLED_PERSONS_CERTIFICATE = 'disabled-persons.certificate';

/** The disability categories of GB/T 26341-2010 (视力、听力、言语、肢体、智力、精神、多重残疾), by code. */
export const DisabilityCategory = z.enum(['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple']);

/** The request's payload: the person's citizen ID number. */
export const CertificateRequest = IdNumberRequest.openapi('DisabledPersonsCertificateRequest');

/**
 * The response's `result`: whether the federation knows the person, whether a valid certificate is
 * held, its category, grade (一级 to 四级) and last day of validity, as of a time. The certificate's
 * number is no part of it: an answer carrying it (or any other field) is refused, so it is never kept.
 */
export const CertificateResult = z
  .object({
    found: z.boolean(),
    holds: z.boolean(),
    category: DisabilityCategory.nullable(),
    grade: z.number().int().min(1).max(4).nullable(),
    validUntil: z.iso.date().nullable(),
    asOf: AgencyAsOf,
  })
  .strict()
  .openapi('DisabledPersonsCertificateResult');
export type CertificateResult = z.infer<typeof CertificateResult>;

/** The federation's service; a caseworker may say whether the person holds a valid certificate (the card shown) when it does not answer. */
export const disabledPersonsConnector: ExchangeConnector<typeof CertificateRequest, typeof CertificateResult> = {
  service: DISABLED_PERSONS_CERTIFICATE,
  request: CertificateRequest,
  result: CertificateResult,
  caseworkerValue: { field: 'holds', value: z.boolean() },
};
