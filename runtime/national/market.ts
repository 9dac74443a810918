import { z } from '@hono/zod-openapi';
import { asc, isNull } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { quarterMarket } from '../analysis/index.ts';
import { nationalProvinces, orgUnits } from '../db/schema/index.ts';
import { queryPeer, type QueryHandler } from '../exchange/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** The exchange service a province answers for the national node: its quarter's supply and demand totals. */
export const NATIONAL_MARKET = 'national.market';

const MarketRequest = z.object({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/) }).strict();

/** A province's totals: 需求人数, 求职人数, 求人倍率 (null without supply), as its own table counts them. */
export const MarketResult = z.object({ demand: z.number().int().min(0), supply: z.number().int().min(0), ratio: z.number().nullable() }).strict().openapi('NationalMarketResult');
export type MarketResult = z.infer<typeof MarketResult>;

/** The quarter's totals over the whole database: those of its tree's root (the ministry's unit, above the province). */
async function wholeDatabaseMarket(rt: RuntimeContext, quarter: string): Promise<MarketResult> {
  const [root] = await rt.db.select({ path: orgUnits.path }).from(orgUnits).where(isNull(orgUnits.parentId));
  return root ? quarterMarket(rt, root.path, quarter) : { demand: 0, supply: 0, ratio: null };
}

/**
 * In a province: the answer to `national.market`, the quarter's totals over its whole database by the
 * province's own supply and demand analysis (read from its roll-up, kept per unit of the tree).
 * Aggregates only, no personal data: any member the registry holds may ask.
 */
export function marketQueryHandler(rt: RuntimeContext): [string, QueryHandler] {
  return [
    NATIONAL_MARKET,
    async (payload) => {
      const parsed = MarketRequest.safeParse(payload);
      if (!parsed.success) throw new PlatformError('BAD_REQUEST', { details: { reason: 'market payload' } });
      return wholeDatabaseMarket(rt, parsed.data.quarter);
    },
  ];
}

/**
 * At the national node: every province's 求人倍率 for a quarter, asked of each over the exchange at
 * the same time (a signed query, in both message logs). A province that does not answer is listed
 * with the error's code instead of figures.
 */
export async function marketAcrossProvinces(rt: RuntimeContext, quarter: string) {
  const provinces = await rt.db.select().from(nationalProvinces).orderBy(asc(nationalProvinces.code));
  return Promise.all(
    provinces.map(async (p) => {
      try {
        const answer = await rt.db.transaction((tx) =>
          queryPeer(rt, tx, { client: p.nationalMemberCode, provider: p.memberCode, service: NATIONAL_MARKET, businessKey: `${p.code}-${quarter}`, payload: { quarter } }),
        );
        const figures = MarketResult.safeParse(answer.result);
        if (!figures.success) return { province: p.code, name: p.name, figures: null, error: 'EXCHANGE_RESPONSE_INVALID' };
        return { province: p.code, name: p.name, figures: figures.data, error: null };
      } catch (error) {
        if (error instanceof PlatformError) return { province: p.code, name: p.name, figures: null, error: error.code };
        throw error;
      }
    }),
  );
}
