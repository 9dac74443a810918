import { sql } from 'drizzle-orm';
import type { RuntimeContext } from '../runtime-context.ts';

/**
 * Folds the roll-ups' deltas (one row per step, per change of a posting or of a person's
 * registrations, written in that transaction: no counter row is shared by concurrent writers) into
 * their summed tables, so the analytics read few rows. Readers add the deltas not yet folded, so the
 * figures are exact whenever this runs; the timer worker runs it on every tick.
 */
export async function compactAnalyticsRollups(rt: RuntimeContext): Promise<void> {
  await rt.db.execute(sql`SELECT compact_analytics_rollups()`);
}
