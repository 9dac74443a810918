import { and, eq } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { exchangeServices } from '../db/schema/index.ts';
import type { Envelope } from './envelope.ts';
import type { ExchangeContext } from './exchange-context.ts';

/** Who answers a service for a city, and which member served here asks. */
export interface ServiceRoute {
  cityCode: string;
  service: string;
  client: string;
  provider: string;
}

/** Names the member that answers a service for a city and the member served here that asks it (replacing an earlier choice). */
export async function registerService(ctx: ExchangeContext, route: ServiceRoute): Promise<void> {
  await ctx.db
    .insert(exchangeServices)
    .values(route)
    .onConflictDoUpdate({ target: [exchangeServices.cityCode, exchangeServices.service], set: { client: route.client, provider: route.provider } });
}

/** The route of a service for a city, or undefined where the city has not configured one. */
export async function serviceRoute(db: Executor, cityCode: string, service: string): Promise<ServiceRoute | undefined> {
  const [row] = await db.select().from(exchangeServices).where(and(eq(exchangeServices.cityCode, cityCode), eq(exchangeServices.service, service)));
  return row;
}

/**
 * The route a received message came by: the city that takes the message's service from its sender,
 * at the member that received it. A message no city takes so (a sender that is not the provider the
 * city routes the service to) is refused, `EXCHANGE_RECEIVER_NOT_HERE`.
 */
export async function routeOfMessage(db: Executor, envelope: Envelope): Promise<ServiceRoute> {
  const [route] = await db
    .select()
    .from(exchangeServices)
    .where(and(eq(exchangeServices.service, envelope.service), eq(exchangeServices.client, envelope.receiver), eq(exchangeServices.provider, envelope.sender)));
  if (!route) throw new PlatformError('EXCHANGE_RECEIVER_NOT_HERE', { details: { receiver: envelope.receiver, service: envelope.service, reason: 'no city takes this service from this sender' } });
  return route;
}
