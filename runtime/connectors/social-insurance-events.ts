import { z } from '@hono/zod-openapi';
import { isCreditCode } from '../../forms/index.ts';
import { IdNumberRequest } from './exchange-fact.ts';

/** The event message a social insurance agency sends the city when a person is enrolled (参保登记) by an employer. */
export const SOCIAL_INSURANCE_ENROLMENT = 'social-insurance.enrolment';
/** The event message it sends when a person's contributions with an employer stop (停保、中断缴费). */
export const SOCIAL_INSURANCE_STOP = 'social-insurance.stop';

/**
 * Why contributions stopped (停保原因), by code: the agency's reason, not yet the city's termination
 * reason (the employment-registration form titles each: 解除或终止劳动关系, 社会保险关系转出, 退休, 死亡, 其他).
 */
export const StopReason = z.enum(['employment-ended', 'transferred-out', 'retired', 'deceased', 'other']);

const CreditCode = z.string().refine(isCreditCode, 'a unified social credit code with its check character');

/** The payload of `social-insurance.enrolment`: who (ID number), with which employer (credit code), contributing from which day. */
export const EnrolmentEvent = IdNumberRequest.extend({ creditCode: CreditCode, enrolledOn: z.iso.date() }).strict().openapi('SocialInsuranceEnrolmentEvent');
export type EnrolmentEvent = z.infer<typeof EnrolmentEvent>;

/** The payload of `social-insurance.stop`: who, with which employer, the last day contributions ran to, and why they stopped. */
export const StopEvent = IdNumberRequest.extend({ creditCode: CreditCode, stoppedOn: z.iso.date(), reason: StopReason }).strict().openapi('SocialInsuranceStopEvent');
export type StopEvent = z.infer<typeof StopEvent>;

/**
 * An event message another agency sends the city, as its connector declares it: the exchange
 * service, the payload (a zod object), and the payload's fields that name the person (a citizen ID
 * number) and the employer (a credit code). What the event prompts is the packages' to declare
 * (`plugin.json` `exchangeEvents`).
 */
export interface AgencyEvent {
  service: string;
  payload: z.ZodObject;
  person: string;
  employer: string;
}

/** The social insurance agency's event messages. */
export const socialInsuranceEvents: readonly AgencyEvent[] = [
  { service: SOCIAL_INSURANCE_ENROLMENT, payload: EnrolmentEvent, person: 'idNumber', employer: 'creditCode' },
  { service: SOCIAL_INSURANCE_STOP, payload: StopEvent, person: 'idNumber', employer: 'creditCode' },
];
