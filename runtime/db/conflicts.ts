import { PlatformError } from '../../engine/index.ts';
import { sqlState } from './errors.ts';

/**
 * What a transaction meets when it loses a race with another: a serialization failure, a
 * deadlock (the database chose it as the victim) or a unique key another transaction has just
 * taken. Its work was rolled back, so it can be run again on what is now committed.
 */
const LOST_RACE = new Set(['40001', '40P01', '23505']);

/** True for a database error of a transaction that lost a race (not a refusal the platform made). */
export function lostRace(error: unknown): boolean {
  return !(error instanceof PlatformError) && LOST_RACE.has(sqlState(error) ?? '');
}

/**
 * Runs `transaction` and, if it lost a race, once more: the second run sees what the winner
 * committed and gives the answer that now applies (a step, a version conflict, nothing left to
 * pay). A second loss is `CONCURRENT_UPDATE` (409), never a 500.
 */
export async function retryLostRace<T>(transaction: () => Promise<T>): Promise<T> {
  try {
    return await transaction();
  } catch (error) {
    if (!lostRace(error)) throw error;
  }
  try {
    return await transaction();
  } catch (error) {
    if (lostRace(error)) throw new PlatformError('CONCURRENT_UPDATE', { details: { sqlState: sqlState(error) }, cause: error });
    throw error;
  }
}
