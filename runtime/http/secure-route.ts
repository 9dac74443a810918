import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { permissions, permit, type Permission } from '../auth/index.ts';
import { bearer } from './schemas.ts';

type RouteBody = Omit<RouteConfig, 'security' | 'middleware'>;

/** The permission as the OpenAPI document states it beside the route's own description. */
function described(permission: Permission, description: string | undefined): string {
  const rule = permissions[permission];
  const levels = 'levels' in rule ? `; levels: ${rule.levels.join(', ')}` : '';
  const line = `Permission \`${permission}\` (${rule.description.en}): roles ${rule.roles.join(', ')}${levels}; jurisdiction: ${rule.jurisdiction}.`;
  return description ? `${description}\n\n${line}` : line;
}

/** A route that needs a signed-in user holding `permission`: declared here, enforced by `permit`, shown in OpenAPI. */
export function secureRoute<const R extends RouteBody>(permission: Permission, config: R) {
  return createRoute({ ...config, security: bearer, middleware: permit(permission), description: described(permission, config.description), 'x-permission': permission });
}

/** A route anyone may call, on purpose (sign-in, health, error codes). */
export function publicRoute<const R extends RouteBody>(config: R) {
  return createRoute({ ...config, security: [], 'x-permission': 'public' });
}
