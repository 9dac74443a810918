import { z } from '@hono/zod-openapi';
import type { LocalizedText } from '../../engine/index.ts';
import { isCreditCode } from '../../forms/index.ts';
import { IdNumberRequest } from './exchange-fact.ts';

/** The event message a social insurance agency sends the city when a person is enrolled (参保登记) by an employer. */
export const SOCIAL_INSURANCE_ENROLMENT = 'social-insurance.enrolment';
/** The event message it sends when a person's contributions with an employer stop (停保、中断缴费). */
export const SOCIAL_INSURANCE_STOP = 'social-insurance.stop';

/** Why contributions stopped (停保原因), by code: the agency's reason, not yet the city's termination reason. */
export const STOP_REASONS = {
  'employment-ended': { 'zh-CN': '解除或终止劳动关系', en: 'Employment ended' },
  'transferred-out': { 'zh-CN': '社会保险关系转出', en: 'Insurance transferred to another region' },
  retired: { 'zh-CN': '退休', en: 'Retired' },
  deceased: { 'zh-CN': '死亡', en: 'Deceased' },
  other: { 'zh-CN': '其他', en: 'Other' },
} as const satisfies Record<string, LocalizedText>;
export const StopReason = z.enum(Object.keys(STOP_REASONS) as [keyof typeof STOP_REASONS, ...(keyof typeof STOP_REASONS)[]]);

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
  title: LocalizedText;
  payload: z.ZodObject;
  person: string;
  employer: string;
}

/** The social insurance agency's event messages. */
export const socialInsuranceEvents: readonly AgencyEvent[] = [
  { service: SOCIAL_INSURANCE_ENROLMENT, title: { 'zh-CN': '社会保险参保登记', en: 'Social insurance enrolment' }, payload: EnrolmentEvent, person: 'idNumber', employer: 'creditCode' },
  { service: SOCIAL_INSURANCE_STOP, title: { 'zh-CN': '社会保险停保', en: 'Social insurance contributions stopped' }, payload: StopEvent, person: 'idNumber', employer: 'creditCode' },
];
