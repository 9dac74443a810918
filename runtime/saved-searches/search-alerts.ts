import { randomUUID } from 'node:crypto';
import { asc, eq, lte } from 'drizzle-orm';
import { accountMessages, savedSearches } from '../db/schema/index.ts';
import { postingsPublishedBetween, type PostingQuery } from '../postings/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** How often one saved search is looked at: alerts are news, not a live stream, and each look is a query. */
export const ALERT_INTERVAL_MS = 10 * 60_000;

/**
 * How far behind now the window of a look ends: a posting's publication instant is taken in its
 * step's transaction, which may commit a moment later; a window ending this far back never closes
 * over a posting not yet visible.
 */
export const ALERT_LAG_MS = 60_000;

/** Postings one message lists at most. */
const POSTINGS_PER_MESSAGE = 20;

/**
 * One round of saved-search alerts, run by the timer worker: each saved search not looked at for
 * {@link ALERT_INTERVAL_MS} is claimed (`FOR UPDATE SKIP LOCKED`, so workers in several processes
 * share the round), the postings matching it that went live since its last look are put in one
 * message in its owner's box, and its look moves on, all in one transaction: a posting is told of
 * once. Returns the number of messages written.
 */
export async function deliverSearchAlerts(rt: RuntimeContext, limit = 200): Promise<number> {
  let messages = 0;
  for (let done = 0; done < limit; done++) {
    const now = rt.clock();
    const until = new Date(now.getTime() - ALERT_LAG_MS);
    const outcome = await rt.db.transaction(async (tx) => {
      const [search] = await tx
        .select()
        .from(savedSearches)
        .where(lte(savedSearches.checkedAt, new Date(now.getTime() - ALERT_INTERVAL_MS)))
        .orderBy(asc(savedSearches.checkedAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!search) return undefined;
      // Claimed only when its last look is older than the interval, so the window is never empty.
      const found = await postingsPublishedBetween(tx, now, search.query as PostingQuery, search.checkedAt, until, POSTINGS_PER_MESSAGE);
      if (found.length > 0) {
        await tx.insert(accountMessages).values({
          id: randomUUID(),
          accountId: search.accountId,
          kind: 'search-alert',
          savedSearchId: search.id,
          postings: found.map(({ id, title, employerName }) => ({ id, title, employerName })),
          createdAt: now,
        });
      }
      // With more than a message holds, the look stops at the last one told of; the next round goes on from there.
      const next = found.length === POSTINGS_PER_MESSAGE ? new Date(found.at(-1)!.publishedAt) : until;
      await tx.update(savedSearches).set({ checkedAt: next }).where(eq(savedSearches.id, search.id));
      return found.length > 0 ? 1 : 0;
    });
    if (outcome === undefined) break;
    messages += outcome;
  }
  return messages;
}
