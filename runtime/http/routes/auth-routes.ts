import { z } from '@hono/zod-openapi';
import { login, logout, permissions, ROLES, type Permission } from '../../auth/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { publicRoute, secureRoute } from '../secure-route.ts';
import { errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

export const SessionUser = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    orgUnit: z.object({ id: z.string(), name: z.string(), kind: z.string(), path: z.string(), cityCode: z.string().nullable() }),
    post: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    permissions: z.array(z.enum(Object.keys(permissions) as [Permission, ...Permission[]])).openapi({ description: 'What the user may do (the permission table by role and level)' }),
  })
  .openapi('SessionUser');

const LoginRequest = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }).openapi('LoginRequest');
const LoginResponse = z.object({ token: z.string(), expiresAt: z.string(), user: SessionUser }).openapi('LoginResponse');

const loginRoute = publicRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in; returns a bearer token',
  request: { body: jsonBody(LoginRequest) },
  responses: { 200: jsonResponse(LoginResponse, 'Signed in'), ...errorResponses(400, 401) },
});

const logoutRoute = secureRoute('session.own', {
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End the session',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401) },
});

const meRoute = secureRoute('session.own', {
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user',
  responses: { 200: jsonResponse(SessionUser, 'The user'), ...errorResponses(401) },
});

/** Sign-in, sign-out and who-am-I. */
export function authRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(loginRoute, async (c) => {
      const { username, password } = c.req.valid('json');
      return c.json(await login(rt, username, password), 200);
    })
    .openapi(logoutRoute, async (c) => {
      await logout(rt, c.get('token'));
      return c.body(null, 204);
    })
    .openapi(meRoute, (c) => c.json(c.get('user'), 200));
}
