import type { SessionUser } from '../auth/index.ts';

/**
 * Whether the user may see a review's figures (who may approve, accept and comment is in the
 * permission table: `review.approve`, `review.accept`, `review.comment`). Users of the city (or below) see their own
 * figures at every status; a province user sees them once approved, since the province accepts
 * them; the ministry (and anyone else above the province) sees accepted figures only.
 */
export function figuresVisible(user: SessionUser, status: 'open' | 'approved' | 'accepted'): boolean {
  if (user.orgUnit.cityCode) return true;
  if (user.orgUnit.kind === 'province') return status !== 'open';
  return status === 'accepted';
}
