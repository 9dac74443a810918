import { z } from '@hono/zod-openapi';
import { postCatalogue } from '../../organisation/post-catalogue.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { LocalizedText, jsonResponse } from '../schemas.ts';

const PostName = z.object({ code: z.string(), name: LocalizedText }).openapi('PostName');

const listRoute = secureRoute('processes.read', {
  method: 'get',
  path: '/posts',
  operationId: 'listPosts',
  tags: ['organisation'],
  summary: "The post codes used in the caller's org subtree, each with the name its offices give it",
  responses: { 200: jsonResponse(z.object({ items: z.array(PostName) }), 'Posts') },
});

/** Posts by code, for naming the posts that definitions refer to. */
export function postRoutes(rt: RuntimeContext) {
  return apiRouter().openapi(listRoute, async (c) => c.json(await postCatalogue(rt, c.get('user')), 200));
}
