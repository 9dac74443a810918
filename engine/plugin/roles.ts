/**
 * The roles a transition may name. `system` is the platform itself, sending coordination
 * events; people never hold it. `applicant` is the citizen or employer a case is about, acting
 * through their public account on the public site: a process offers itself online by naming it
 * on an event (the application's `submit`), and only that event is open to the public.
 */
export const roles = ['caseworker', 'reviewer', 'configurator', 'evaluator', 'admin', 'system', 'applicant'] as const;

export type Role = (typeof roles)[number];

/** The roles staff hold: every role but `system` and `applicant`. */
export const personRoles = ['caseworker', 'reviewer', 'configurator', 'evaluator', 'admin'] as const satisfies readonly Role[];

/** True when `value` is one of the platform's roles. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
