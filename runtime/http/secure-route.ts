import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { permissions, permit, type Permission } from '../auth/index.ts';
import { bearer, errorResponses } from './schemas.ts';

/** A route's declaration: an `operationId` is required, the name a generated client gives its method. */
type RouteBody = Omit<RouteConfig, 'security' | 'middleware'> & { operationId: string };

/** The permission as the OpenAPI document states it beside the route's own description. */
function described(permission: Permission, description: string | undefined): string {
  const rule = permissions[permission];
  const levels = 'levels' in rule ? `; levels: ${rule.levels.join(', ')}` : '';
  const line = `Permission \`${permission}\` (${rule.description.en}): roles ${rule.roles.join(', ')}${levels}; jurisdiction: ${rule.jurisdiction}.`;
  return description ? `${description}\n\n${line}` : line;
}

/**
 * The errors any route may answer whatever it does: 400 from the edge checks (a NUL character in the
 * URL) and the validation of its input, 413 from the body limit where a body is sent, 500.
 */
function edgeErrors(method: RouteConfig['method']) {
  return method === 'get' ? errorResponses(400, 500) : errorResponses(400, 413, 500);
}

/** A route that needs a signed-in user holding `permission`: declared here, enforced by `permit`, shown in OpenAPI. */
export function secureRoute<const R extends RouteBody>(permission: Permission, config: R) {
  const responses = { ...edgeErrors(config.method), ...errorResponses(401, 403), ...config.responses };
  return createRoute({ ...config, responses, security: bearer, middleware: permit(permission), description: described(permission, config.description), 'x-permission': permission });
}

/** A route anyone may call, on purpose (sign-in, health, error codes): `security: []` says so in the document. */
export function publicRoute<const R extends RouteBody>(config: R) {
  return createRoute({ ...config, responses: { ...edgeErrors(config.method), ...config.responses }, security: [], 'x-permission': 'public' });
}
