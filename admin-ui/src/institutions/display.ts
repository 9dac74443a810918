import type { Institution, InstitutionStatus } from './types.ts';

/** What the register shows as an institution's status: its recorded one, or lapsed when an active one's validity has ended. */
export type ShownStatus = InstitutionStatus | 'lapsed';

/** The tag colour of each status shown. */
export const STATUS_COLOR: Record<ShownStatus, string> = { active: 'green', suspended: 'orange', revoked: 'red', lapsed: 'red' };

/** Today in China, YYYY-MM-DD: a licence that ended before it has lapsed. */
export function chinaToday(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/**
 * The one status to show for an institution on `today` (YYYY-MM-DD): an active one whose validity
 * ended before today is lapsed, so 正常 never stands beside an expired licence; suspended and revoked
 * say more than the dates and stay as they are.
 */
export function shownStatus(institution: Pick<Institution, 'status' | 'validUntil'>, today: string): ShownStatus {
  return institution.status === 'active' && institution.validUntil < today ? 'lapsed' : institution.status;
}
