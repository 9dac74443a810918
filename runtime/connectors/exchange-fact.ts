import { z } from '@hono/zod-openapi';
import { PlatformError } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { queryPeer, serviceRoute, type ExchangeContext, type Transport } from '../exchange/index.ts';

/** A request by a person's citizen ID number (personal data: only in the signed payload, never logged or stored). */
export const IdNumberRequest = z.object({ idNumber: z.string().regex(/^\d{17}[\dX]$/) }).strict();

/** The time an agency's records stood as it answered (ISO 8601 with an offset). */
export const AgencyAsOf = z.iso.datetime({ offset: true }).openapi({ description: "The agency's records as of this time" });

/** Where a fact asked of another agency came from, kept beside its value on the step's record. */
export interface FactOrigin {
  /** The agency's as-of time (ISO 8601, UTC); null for a caseworker's value. */
  asOf: string | null;
  /** The member that answered and its signed response's message id (in both message logs); null for a caseworker's value. */
  source: { member: string; messageId: string } | null;
  /** True when the agency did not answer and the caseworker's typed value stands in. */
  caseworkerEntered: boolean;
}

/** An answer's fields but its as-of time, each null: what a caseworker's value leaves unknown. */
type Unknown<Result> = { [K in Exclude<keyof Result, 'asOf'>]: Result[K] | null };

/** The fact a rule reads: the agency's answer (or a caseworker's value in its place) with its origin. */
export type ExchangeFact<Result> = Unknown<Result> & FactOrigin;

/**
 * One agency's service, as a connector declares it: the exchange service, the request's payload
 * and the answer's `result` (each a zod object, `asOf` in the result), and the answer's field a
 * caseworker may type when the agency does not answer, with what such a value must be.
 */
export interface ExchangeConnector<Request extends z.ZodObject, Result extends z.ZodObject<{ asOf: z.ZodType<string> }>> {
  service: string;
  request: Request;
  result: Result;
  caseworkerValue: { field: Exclude<keyof z.infer<Result>, 'asOf'> & string; value: z.ZodType };
}

/**
 * Asks the agency the city routes `connector.service` to (`exchange_services`), over the exchange
 * in `tx`, and returns its answer as a fact with its source and as-of time. A city with no agency
 * configured, or an agency not answering, is `EXCHANGE_PEER_UNAVAILABLE`; a result not of the
 * documented shape is `EXCHANGE_RESPONSE_INVALID`.
 */
export async function askAgency<Request extends z.ZodObject, Result extends z.ZodObject<{ asOf: z.ZodType<string> }>>(
  connector: ExchangeConnector<Request, Result>,
  ctx: ExchangeContext,
  tx: Transaction,
  request: { cityCode: string; caseNo: string; payload: z.infer<Request> },
  transport?: Transport,
): Promise<ExchangeFact<z.infer<Result>>> {
  const { service } = connector;
  const route = await serviceRoute(tx, request.cityCode, service);
  if (!route) throw new PlatformError('EXCHANGE_PEER_UNAVAILABLE', { details: { service, reason: 'no provider configured for the city' } });
  const payload = connector.request.parse(request.payload);
  const answer = await queryPeer(ctx, tx, { client: route.client, provider: route.provider, service, businessKey: request.caseNo, payload }, transport);
  const result = connector.result.safeParse(answer.result);
  if (!result.success) throw new PlatformError('EXCHANGE_RESPONSE_INVALID', { details: { provider: route.provider, service, reason: 'result' } });
  return {
    ...(result.data as Unknown<z.infer<Result>>),
    asOf: new Date(result.data.asOf).toISOString(),
    source: { member: answer.response.sender, messageId: answer.response.messageId },
    caseworkerEntered: false,
  };
}

/**
 * The fact when the agency did not answer and the definition takes the caseworker's value: the
 * typed value in the connector's field, every other field of the answer null, marked
 * `caseworkerEntered`; undefined when nothing of the kind was typed.
 */
export function caseworkerFact<Request extends z.ZodObject, Result extends z.ZodObject<{ asOf: z.ZodType<string> }>>(
  connector: ExchangeConnector<Request, Result>,
  typed: unknown,
): ExchangeFact<z.infer<Result>> | undefined {
  const value = connector.caseworkerValue.value.safeParse(typed);
  if (!value.success) return undefined;
  const unknown: Record<string, unknown> = Object.fromEntries(Object.keys(connector.result.shape).map((key) => [key, null]));
  const fact: FactOrigin & Record<string, unknown> = { ...unknown, [connector.caseworkerValue.field]: value.data, asOf: null, source: null, caseworkerEntered: true };
  return fact as ExchangeFact<z.infer<Result>>;
}

/** What a definition declares for the agency not answering, and the caseworker's typed value (from the declared `field`) if any. */
export interface WhenUnavailable {
  onUnavailable: 'refuse' | 'caseworkerValue';
  typed: unknown;
}

/**
 * The fact of `connector` for a step: the agency's answer (`askAgency`); when the agency does not
 * answer, the caseworker's typed value if the definition says `caseworkerValue` and one was typed,
 * else the retryable `EXCHANGE_PEER_UNAVAILABLE` refuses the step.
 */
export async function exchangeFact<Request extends z.ZodObject, Result extends z.ZodObject<{ asOf: z.ZodType<string> }>>(
  connector: ExchangeConnector<Request, Result>,
  ctx: ExchangeContext,
  tx: Transaction,
  request: { cityCode: string; caseNo: string; payload: z.infer<Request> },
  whenUnavailable: WhenUnavailable,
): Promise<ExchangeFact<z.infer<Result>>> {
  try {
    return await askAgency(connector, ctx, tx, request);
  } catch (error) {
    if (!(error instanceof PlatformError) || error.code !== 'EXCHANGE_PEER_UNAVAILABLE' || whenUnavailable.onUnavailable !== 'caseworkerValue') throw error;
    const fact = caseworkerFact(connector, whenUnavailable.typed);
    if (!fact) throw error;
    return fact;
  }
}
