import { z } from '@hono/zod-openapi';
import { changePassword, enableSecondFactor, login, logout, logoutEverywhere, permissions, ROLES, setUpSecondFactor, type Permission } from '../../auth/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { errorResponses, jsonBody, jsonResponse } from '../schemas.ts';
import { publicRoute, secureRoute } from '../secure-route.ts';

const tags = ['auth'];

export const SessionUser = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    orgUnit: z.object({ id: z.string(), name: z.string(), kind: z.string(), path: z.string(), cityCode: z.string().nullable() }),
    posts: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string(), orgUnitId: z.string() })).openapi({ description: 'The posts the user holds; a task naming a post is offered to its holders' }),
    permissions: z.array(z.enum(Object.keys(permissions) as [Permission, ...Permission[]])).openapi({ description: 'What the user may do (the permission table by role and level)' }),
    restriction: z
      .enum(['password-change', 'second-factor'])
      .nullable()
      .openapi({ description: 'What the user must do before anything else: change a temporary or expired password, or set up the second factor' }),
  })
  .openapi('SessionUser');

const LoginRequest = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
    otp: z.string().max(32).optional().openapi({ description: 'The one-time code (RFC 6238) or a recovery code, once a second factor is set up' }),
  })
  .openapi('LoginRequest');
const LoginResponse = z.object({ token: z.string(), expiresAt: z.string(), user: SessionUser }).openapi('LoginResponse');
const PasswordChange = z.object({ current: z.string().min(1).max(256), next: z.string().min(1).max(256) }).strict().openapi('PasswordChange');

const loginRoute = publicRoute({
  method: 'post',
  path: '/auth/login',
  operationId: 'login',
  tags,
  summary: 'Sign in; returns a bearer token. Locked for a while after repeated wrong passwords (429 with Retry-After)',
  request: { body: jsonBody(LoginRequest) },
  responses: { 200: jsonResponse(LoginResponse, 'Signed in'), ...errorResponses(401, 429) },
});

const logoutRoute = secureRoute('session.own', {
  method: 'post',
  path: '/auth/logout',
  operationId: 'logout',
  tags,
  summary: 'End this session',
  responses: { 204: { description: 'Signed out' } },
});

const logoutAllRoute = secureRoute('session.own', {
  method: 'post',
  path: '/auth/logout-all',
  operationId: 'logoutAll',
  tags,
  summary: 'End every session of the signed-in user, this one included',
  responses: { 200: jsonResponse(z.object({ ended: z.number().int() }), 'Signed out everywhere') },
});

const meRoute = secureRoute('session.own', {
  method: 'get',
  path: '/auth/me',
  operationId: 'getCurrentUser',
  tags,
  summary: 'The signed-in user',
  responses: { 200: jsonResponse(SessionUser, 'The user') },
});

const passwordRoute = secureRoute('session.own', {
  method: 'post',
  path: '/auth/password',
  operationId: 'changePassword',
  tags,
  summary: "Change one's own password (policy applied); the user's other sessions end",
  request: { body: jsonBody(PasswordChange) },
  responses: { 204: { description: 'Changed' }, ...errorResponses(422) },
});

const totpSetupRoute = secureRoute('session.own', {
  method: 'post',
  path: '/auth/second-factor',
  operationId: 'startSecondFactorSetup',
  tags,
  summary: 'Start setting up the second factor: a new secret for an authenticator app (in force once confirmed)',
  responses: { 200: jsonResponse(z.object({ secret: z.string(), uri: z.string() }), 'The secret'), ...errorResponses(409) },
});

const totpEnableRoute = secureRoute('session.own', {
  method: 'post',
  path: '/auth/second-factor/confirm',
  operationId: 'confirmSecondFactor',
  tags,
  summary: 'Confirm the second factor with a code from it; returns ten recovery codes, shown once',
  request: { body: jsonBody(z.object({ code: z.string().min(1).max(16) }).strict()) },
  responses: { 200: jsonResponse(z.object({ recoveryCodes: z.array(z.string()) }), 'In force'), ...errorResponses(409) },
});

/** Sign-in and sign-out, one's own password and second factor, and who-am-I. */
export function authRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(loginRoute, async (c) => c.json(await login(rt, c.req.valid('json'), c.get('origin')), 200))
    .openapi(logoutRoute, async (c) => {
      await logout(rt, c.get('user'), c.get('token'), c.get('origin'));
      return c.body(null, 204);
    })
    .openapi(logoutAllRoute, async (c) => c.json({ ended: await logoutEverywhere(rt, c.get('user'), c.get('origin')) }, 200))
    .openapi(meRoute, (c) => c.json(c.get('user'), 200))
    .openapi(passwordRoute, async (c) => {
      await changePassword(rt, c.get('user'), c.get('token'), c.req.valid('json'), c.get('origin'));
      return c.body(null, 204);
    })
    .openapi(totpSetupRoute, async (c) => c.json(await setUpSecondFactor(rt, c.get('user')), 200))
    .openapi(totpEnableRoute, async (c) => c.json(await enableSecondFactor(rt, c.get('user'), c.req.valid('json').code, c.get('origin')), 200));
}
