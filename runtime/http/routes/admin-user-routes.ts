import { z } from '@hono/zod-openapi';
import { createUser, listUsers, resetPassword, setActive, unlockUser, updateUser, adminUserView } from '../../administration/index.ts';
import { ROLES } from '../../auth/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { IdParam, Paging, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const tags = ['administration'];

/** A username: 3-32 lower-case letters, digits or `._-`, starting with a letter (as `npm run admin:create` takes it). */
export const Username = z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/).openapi({ example: 'lin.xiaoyu' });
/** A person's name as shown in the header and the records. */
export const DisplayName = z.string().trim().min(1).max(50).openapi({ example: '林晓雨' });

const HeldPost = z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string(), orgUnitId: z.string(), orgUnitName: z.string() });
const AdminUser = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    lockedUntil: z.string().nullable().openapi({ description: 'Until when wrong sign-ins lock the account; null when not locked' }),
    orgUnit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
    posts: z.array(HeldPost),
    createdAt: z.string(),
  })
  .openapi('AdminUser');
/** A user and the temporary password, shown this once. */
export const UserWithPassword = z.object({ user: AdminUser, temporaryPassword: z.string().openapi({ description: 'Shown once; the user must change it at the first sign-in' }) }).openapi('UserWithPassword');

const PostIds = z.array(z.uuid()).max(20);

const listRoute = secureRoute('users.manage', {
  method: 'get',
  path: '/admin/users',
  operationId: 'listUsers',
  tags,
  summary: "The accounts of the administrator's subtree (or of one unit's subtree in it), by username; `q` finds part of a username or name",
  request: { query: Paging.extend({ q: z.string().max(50).optional(), orgUnit: z.string().max(40).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(AdminUser), total: z.number().int() }), 'Accounts') },
});

const createRoute = secureRoute('users.manage', {
  method: 'post',
  path: '/admin/users',
  operationId: 'createUser',
  tags,
  summary: "Create an account at a unit of the administrator's subtree with posts of offices in that unit's subtree; a temporary password is returned once",
  request: { body: jsonBody(z.object({ username: Username, displayName: DisplayName, role: z.enum(ROLES), orgUnitId: z.string().min(1).max(40), postIds: PostIds.default([]) }).strict()) },
  responses: { 201: jsonResponse(UserWithPassword, 'Created'), ...errorResponses(409, 422) },
});

const getRoute = secureRoute('users.manage', {
  method: 'get',
  path: '/admin/users/{id}',
  operationId: 'getUser',
  tags,
  summary: "One account of the administrator's subtree",
  request: { params: IdParam },
  responses: { 200: jsonResponse(AdminUser, 'The account'), ...errorResponses(404) },
});

const updateRoute = secureRoute('users.manage', {
  method: 'patch',
  path: '/admin/users/{id}',
  operationId: 'updateUser',
  tags,
  summary: 'Change the name, role, org unit or posts held; not one’s own role or unit, not the last active administrator of a ministry, province or city',
  request: { params: IdParam, body: jsonBody(z.object({ displayName: DisplayName.optional(), role: z.enum(ROLES).optional(), orgUnitId: z.string().min(1).max(40).optional(), postIds: PostIds.optional() }).strict()) },
  responses: { 200: jsonResponse(AdminUser, 'Changed'), ...errorResponses(404, 409, 422) },
});

/** A route acting on one account with no body. */
function actionRoute(action: 'disable' | 'enable' | 'unlock', summary: string) {
  return secureRoute('users.manage', {
    method: 'post',
    path: `/admin/users/{id}/${action}`,
    operationId: `${action}User`,
    tags,
    summary,
    request: { params: IdParam },
    responses: { 200: jsonResponse(AdminUser, 'Done'), ...errorResponses(404, 409) },
  });
}

const disableRoute = actionRoute('disable', 'Disable an account: it cannot sign in and its sessions end (not oneself, not the last active administrator of a ministry, province or city)');
const enableRoute = actionRoute('enable', 'Enable a disabled account again');
const unlockRoute = actionRoute('unlock', 'Lift the lock wrong sign-ins put on the account');

const resetRoute = secureRoute('users.manage', {
  method: 'post',
  path: '/admin/users/{id}/reset-password',
  operationId: 'resetUserPassword',
  tags,
  summary: 'A new temporary password, returned once, to be changed at the next sign-in; every session of the account ends (not one’s own)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(UserWithPassword, 'Reset'), ...errorResponses(404) },
});

/** 用户管理: accounts, roles, units and posts held, every change audited. */
export function adminUserRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(listRoute, async (c) => c.json(await listUsers(rt, c.get('user'), c.req.valid('query')), 200))
    .openapi(createRoute, async (c) => c.json(await createUser(rt, c.get('user'), c.req.valid('json'), c.get('origin')), 201))
    .openapi(getRoute, async (c) => c.json(await adminUserView(rt, c.get('user'), c.req.valid('param').id), 200))
    .openapi(updateRoute, async (c) => c.json(await updateUser(rt, c.get('user'), c.req.valid('param').id, c.req.valid('json'), c.get('origin')), 200))
    .openapi(disableRoute, async (c) => c.json(await setActive(rt, c.get('user'), c.req.valid('param').id, false, c.get('origin')), 200))
    .openapi(enableRoute, async (c) => c.json(await setActive(rt, c.get('user'), c.req.valid('param').id, true, c.get('origin')), 200))
    .openapi(unlockRoute, async (c) => c.json(await unlockUser(rt, c.get('user'), c.req.valid('param').id, c.get('origin')), 200))
    .openapi(resetRoute, async (c) => c.json(await resetPassword(rt, c.get('user'), c.req.valid('param').id, c.get('origin')), 200));
}
