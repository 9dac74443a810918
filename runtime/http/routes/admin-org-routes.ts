import { z } from '@hono/zod-openapi';
import { addCityAsAdmin, addPost, childUnits, findUnits, citiesToAdd, createOffice, postCatalogueItems, postsUnder, removePost, renamePost, unitDetails } from '../../administration/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { IdParam, LocalizedText, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';
import { DisplayName, UserWithPassword, Username } from './admin-user-routes.ts';

const tags = ['administration'];
const UnitParam = z.object({ unitId: z.string().min(1).max(40).openapi({ param: { name: 'unitId', in: 'path' }, example: '350203001' }) });
const PostCode = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/).openapi({ example: 'unemployment-window' });
const PostName = z.object({ 'zh-CN': z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(80) }).strict().openapi('PostNames', { description: 'A post name in zh-CN and English' });
const NewPost = z.object({ code: PostCode, name: PostName.optional().openapi({ description: 'Required for a code outside the standard catalogue' }) }).strict();
const Post = z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string() }).openapi('Post');
const Holder = z.object({ id: z.string(), username: z.string(), displayName: z.string(), active: z.boolean() });
const OrgNode = z.object({ id: z.string(), name: z.string(), kind: z.string(), hasChildren: z.boolean() }).openapi('OrgNode');
const Unit = z.object({ id: z.string(), name: z.string(), kind: z.string() });

const childrenRoute = secureRoute('org.manage', {
  method: 'get',
  path: '/admin/org/units',
  operationId: 'listAdminOrgUnits',
  tags,
  summary: "One level of the org tree, loaded as it is expanded: the children of `parent` (offices first), or without it the administrator's own unit; with `q`, the units of the subtree (at most 50) whose name holds it or whose code starts with it",
  request: { query: z.object({ parent: z.string().max(40).optional(), q: z.string().trim().min(1).max(40).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(OrgNode) }), 'Units'), ...errorResponses(404) },
});

const unitRoute = secureRoute('org.manage', {
  method: 'get',
  path: '/admin/org/units/{unitId}',
  operationId: 'getAdminOrgUnit',
  tags,
  summary: 'A unit with its ancestors, its offices (itself when an office), their posts and who holds each',
  request: { params: UnitParam },
  responses: {
    200: jsonResponse(
      z.object({
        unit: Unit.extend({ cityCode: z.string().nullable(), standardPosts: z.boolean() }),
        ancestors: z.array(Unit),
        offices: z.array(z.object({ id: z.string(), name: z.string(), posts: z.array(Post.extend({ holders: z.array(Holder) })) })),
      }),
      'The unit',
    ),
    ...errorResponses(404),
  },
});

const postsUnderRoute = secureRoute('users.manage', {
  method: 'get',
  path: '/admin/org/units/{unitId}/posts',
  operationId: 'listUnitPosts',
  tags,
  summary: "The posts of the offices in a unit's subtree (at most 500): those a user placed there may hold",
  request: { params: UnitParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(Post.extend({ orgUnitId: z.string(), orgUnitName: z.string() })) }), 'Posts'), ...errorResponses(404) },
});

const officeRoute = secureRoute('org.manage', {
  method: 'post',
  path: '/admin/org/units/{unitId}/offices',
  operationId: 'createOffice',
  tags,
  summary: 'Create a service office under a unit of the subtree, down to a street or community service point (基层劳动保障工作平台), with its posts',
  request: { params: UnitParam, body: jsonBody(z.object({ name: z.string().trim().min(2).max(60), posts: z.array(NewPost).max(40).default([]) }).strict()) },
  responses: { 201: jsonResponse(z.object({ id: z.string(), name: z.string(), parentId: z.string(), posts: z.array(Post) }), 'Created'), ...errorResponses(409) },
});

const addPostRoute = secureRoute('org.manage', {
  method: 'post',
  path: '/admin/org/offices/{unitId}/posts',
  operationId: 'createOfficePost',
  tags,
  summary: 'Give an office a post: a code of the standard catalogue (its names by default) or a new code with zh-CN and English names',
  request: { params: UnitParam, body: jsonBody(NewPost) },
  responses: { 201: jsonResponse(Post, 'Created'), ...errorResponses(404, 409) },
});

const renameRoute = secureRoute('org.manage', {
  method: 'patch',
  path: '/admin/org/posts/{id}',
  operationId: 'renamePost',
  tags,
  summary: 'Rename a post (its code, which definitions and records name, stays)',
  request: { params: IdParam, body: jsonBody(z.object({ name: PostName }).strict()) },
  responses: { 200: jsonResponse(Post, 'Renamed'), ...errorResponses(404) },
});

const removeRoute = secureRoute('org.manage', {
  method: 'delete',
  path: '/admin/org/posts/{id}',
  operationId: 'deletePost',
  tags,
  summary: 'Remove a post no one holds and no open task of its office names',
  request: { params: IdParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses(404, 409) },
});

const catalogueRoute = secureRoute('org.manage', {
  method: 'get',
  path: '/admin/org/post-catalogue',
  operationId: 'listPostCatalogue',
  tags,
  summary: "The standard post catalogue offices' posts are chosen from",
  responses: { 200: jsonResponse(z.object({ items: z.array(z.object({ code: z.string(), name: LocalizedText })) }), 'Catalogue') },
});

const citiesRoute = secureRoute('org.cities', {
  method: 'get',
  path: '/admin/cities',
  operationId: 'listAddableCities',
  tags,
  summary: "The cities the administrator may add (their province's; the ministry: every city), each marked when present",
  responses: { 200: jsonResponse(z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), provinceCode: z.string(), provinceName: z.string(), added: z.boolean() })) }), 'Cities') },
});

const addCityRoute = secureRoute('org.cities', {
  method: 'post',
  path: '/admin/cities',
  operationId: 'addCity',
  tags,
  summary: 'Add a city with its districts, streets/townships and communities/villages from the division data (a second time adds nothing), and optionally its first administrator',
  request: {
    body: jsonBody(
      z.object({ cityCode: z.string().regex(/^\d{4}$/).openapi({ example: '3501' }), administrator: z.object({ username: Username, displayName: DisplayName }).strict().optional() }).strict(),
    ),
  },
  responses: {
    200: jsonResponse(
      z.object({ cityId: z.string(), name: z.string(), province: z.string(), units: z.record(z.string(), z.number()), inserted: z.number().int(), administrator: UserWithPassword.nullable() }),
      'Added (inserted 0: it was there)',
    ),
    ...errorResponses(404, 409),
  },
});

/** 机构与岗位: the org tree, offices at every level, their posts, and new cities. */
export function adminOrgRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(childrenRoute, async (c) => {
      const { parent, q } = c.req.valid('query');
      return c.json(await (q ? findUnits(rt, c.get('user'), q) : childUnits(rt, c.get('user'), parent)), 200);
    })
    .openapi(unitRoute, async (c) => c.json(await unitDetails(rt, c.get('user'), c.req.valid('param').unitId), 200))
    .openapi(postsUnderRoute, async (c) => c.json(await postsUnder(rt, c.get('user'), c.req.valid('param').unitId), 200))
    .openapi(officeRoute, async (c) => c.json(await createOffice(rt, c.get('user'), c.req.valid('param').unitId, c.req.valid('json'), c.get('origin')), 201))
    .openapi(addPostRoute, async (c) => c.json(await addPost(rt, c.get('user'), c.req.valid('param').unitId, c.req.valid('json'), c.get('origin')), 201))
    .openapi(renameRoute, async (c) => c.json(await renamePost(rt, c.get('user'), c.req.valid('param').id, c.req.valid('json').name, c.get('origin')), 200))
    .openapi(removeRoute, async (c) => {
      await removePost(rt, c.get('user'), c.req.valid('param').id, c.get('origin'));
      return c.body(null, 204);
    })
    .openapi(catalogueRoute, (c) => c.json(postCatalogueItems(), 200))
    .openapi(citiesRoute, async (c) => c.json(await citiesToAdd(rt, c.get('user')), 200))
    .openapi(addCityRoute, async (c) => c.json(await addCityAsAdmin(rt, c.get('user'), c.req.valid('json'), c.get('origin')), 200));
}
