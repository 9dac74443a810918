/**
 * The roles a transition may name. `system` is the platform itself, sending coordination
 * events; people never hold it.
 */
export const roles = ['caseworker', 'reviewer', 'configurator', 'evaluator', 'admin', 'system'] as const;

export type Role = (typeof roles)[number];

/** The roles people hold: every role but `system`. */
export const personRoles = ['caseworker', 'reviewer', 'configurator', 'evaluator', 'admin'] as const satisfies readonly Role[];

/** True when `value` is one of the platform's roles. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
