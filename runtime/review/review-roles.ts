import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';

/**
 * 审核权限 Who may do what in the review of a period's figures (like DHIS2 data approval):
 *
 * - approve 审批: a configurator sitting at a city (市级配置员), for the city or any unit
 *   below it. Approval is the city's act; office staff (caseworkers, reviewers) see only their
 *   office and a system admin manages accounts, not figures.
 * - accept 验收: a configurator or evaluator sitting at a province, for units below it.
 * - comment and score 评议打分: an evaluator sitting above the city (province or ministry).
 *
 * The unit must also be in the user's subtree (404 otherwise, checked after the role).
 */
export const reviewRoles = {
  approve: { roles: ['configurator'], level: ['city'] },
  accept: { roles: ['configurator', 'evaluator'], level: ['province'] },
  comment: { roles: ['evaluator'], level: ['province', 'ministry'] },
} as const satisfies Record<string, { roles: readonly SessionUser['role'][]; level: readonly string[] }>;

export type ReviewAction = keyof typeof reviewRoles;

/** ROLE_NOT_PERMITTED unless the user's role and the level of their org unit may take the action. */
export function requireReviewRole(user: SessionUser, action: ReviewAction): void {
  const { roles, level } = reviewRoles[action];
  const allowed = (roles as readonly string[]).includes(user.role) && (level as readonly string[]).includes(user.orgUnit.kind);
  if (!allowed) throw new PlatformError('ROLE_NOT_PERMITTED', { details: { action, roles, level, role: user.role, orgUnitKind: user.orgUnit.kind } });
}

/**
 * Whether the user may see a review's figures. Users of the city (or below) see their own
 * figures at every status; a province user sees them once approved, since the province accepts
 * them; the ministry (and anyone else above the province) sees accepted figures only.
 */
export function figuresVisible(user: SessionUser, status: 'open' | 'approved' | 'accepted'): boolean {
  if (user.orgUnit.cityCode) return true;
  if (user.orgUnit.kind === 'province') return status !== 'open';
  return status === 'accepted';
}
