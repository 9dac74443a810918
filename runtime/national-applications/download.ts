import { and, eq } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { Transaction } from '../db/index.ts';
import { exchangeServices } from '../db/schema/index.ts';
import { httpTransport, pullFeed, type Envelope, type ServiceHandlers, type Transport } from '../exchange/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { NATIONAL_APPLICATIONS } from './national-messages.ts';
import { takeNationalApplication, type TakeOutcome } from './take-application.ts';

/** How often the timer worker downloads each city's applications. */
export const NATIONAL_DOWNLOAD_EVERY_MS = 5 * 60_000;

/** The handler of `national.applications`, for the inbox route and the pull feed; `counted` hears what each new application came to. */
export function nationalServiceHandlers(rt: RuntimeContext, counted?: (outcome: TakeOutcome) => void): ServiceHandlers {
  return new Map([
    [
      NATIONAL_APPLICATIONS,
      async (tx: Transaction, envelope: Envelope) => {
        counted?.(await takeNationalApplication(rt, tx, envelope));
      },
    ],
  ]);
}

/** What one city's download came to: cases opened, applications refused (and answered), and the error that stopped it, if one did. */
export interface DownloadOutcome {
  cityCode: string;
  member: string;
  platform: string;
  opened: number;
  refused: number;
  error: PlatformError | null;
}

/** A download that did not finish, as a typed error: the exchange's own refusals as they are; a feed not answering is `EXCHANGE_PEER_UNAVAILABLE`. */
function downloadError(error: unknown, platform: string): PlatformError {
  if (error instanceof PlatformError) return error;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const reason = typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.message : 'unknown';
  return new PlatformError('EXCHANGE_PEER_UNAVAILABLE', { details: { provider: platform, service: NATIONAL_APPLICATIONS, reason }, cause: error });
}

/**
 * Downloads the applications the national platform holds for each city wired to it (申请信息下载),
 * or for one city: the platform's pull feed is read from the city's cursor (`pullFeed`), each new
 * application taken in by `takeNationalApplication` in the transaction that takes its message in,
 * the acknowledgements posted back, the cursor moved. A message the exchange refuses (a bad
 * signature, an unknown key) stops that city's download where it is, nothing of it written, and is
 * the outcome's error; so is a platform not answering. Other cities go on.
 */
export async function downloadNationalApplications(rt: RuntimeContext, options: { cityCode?: string; transport?: Transport } = {}): Promise<DownloadOutcome[]> {
  const routes = await rt.db
    .select()
    .from(exchangeServices)
    .where(and(eq(exchangeServices.service, NATIONAL_APPLICATIONS), options.cityCode === undefined ? undefined : eq(exchangeServices.cityCode, options.cityCode)))
    .orderBy(exchangeServices.cityCode);
  const outcomes: DownloadOutcome[] = [];
  for (const route of routes) {
    const outcome: DownloadOutcome = { cityCode: route.cityCode, member: route.client, platform: route.provider, opened: 0, refused: 0, error: null };
    const handlers = nationalServiceHandlers(rt, (taken) => {
      if (taken === 'opened') outcome.opened++;
      if (taken === 'refused') outcome.refused++;
    });
    try {
      await pullFeed(rt, route.client, route.provider, options.transport ?? httpTransport, { handlers });
    } catch (error) {
      outcome.error = downloadError(error, route.provider);
    }
    outcomes.push(outcome);
  }
  return outcomes;
}
