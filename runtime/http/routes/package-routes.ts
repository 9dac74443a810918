import { z } from '@hono/zod-openapi';
import { checkPackage, installPackage } from '../../packages/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { JsonObject, LocalizedText, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const tags = ['packages'];

const PackageSummary = z
  .object({
    id: z.string(),
    version: z.string(),
    title: LocalizedText,
    processes: z.array(z.object({ id: z.string(), title: LocalizedText })),
    parameters: z.number().int(),
    locks: z.number().int(),
    indicators: z.number().int(),
  })
  .openapi('PackageSummary');

const Bundle = z
  .object({
    manifest: JsonObject.openapi({ description: 'plugin.json' }),
    flows: z.record(z.string().regex(/^[a-z][a-z0-9-]*\.flow\.json$/), JsonObject).openapi({ description: 'The flow files the manifest lists, by file name' }),
  })
  .strict()
  .openapi('PackageBundle');

const Finding = z.object({ file: z.string(), path: z.string(), message: LocalizedText }).openapi('PackageFinding');

const listRoute = secureRoute('packages.read', {
  method: 'get',
  path: '/packages',
  operationId: 'listPackages',
  tags,
  summary: 'The process packages the platform runs, each in the version in use',
  responses: { 200: jsonResponse(z.object({ items: z.array(PackageSummary) }), 'Packages') },
});

const checkRoute = secureRoute('packages.install', {
  method: 'post',
  path: '/packages/check',
  operationId: 'checkPackage',
  tags,
  summary: 'Validate and verify a package against the running platform; install nothing',
  request: { body: jsonBody(Bundle) },
  responses: { 200: jsonResponse(z.object({ id: z.string().nullable(), version: z.string().nullable(), findings: z.array(Finding) }), 'What the check found'), ...errorResponses(413) },
});

const installRoute = secureRoute('packages.install', {
  method: 'post',
  path: '/packages',
  operationId: 'installPackage',
  tags,
  summary: "Install a new package version: checked, kept, its changed definitions published at the ministry root; cases stay on the versions they started on",
  request: { body: jsonBody(Bundle) },
  responses: {
    201: jsonResponse(z.object({ id: z.string(), version: z.string(), published: z.array(z.string()) }), 'Installed'),
    ...errorResponses(409, 413, 422),
  },
});

/** The process packages: what runs, and a ministry administrator's way to install a new version. */
export function packageRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(listRoute, (c) => {
      const items = rt.registry.plugins.map((plugin) => ({
        id: plugin.id,
        version: plugin.version,
        title: plugin.title,
        processes: [...rt.registry.processes].filter(([, p]) => p.plugin === plugin).map(([id, p]) => ({ id, title: p.compiled.definition.title })),
        parameters: plugin.parameters.length,
        locks: plugin.locks.length,
        indicators: plugin.indicators.length,
      }));
      return c.json({ items }, 200);
    })
    .openapi(checkRoute, (c) => {
      const { manifest, findings } = checkPackage(rt, c.req.valid('json'));
      return c.json({ id: manifest?.id ?? null, version: manifest?.version ?? null, findings }, 200);
    })
    .openapi(installRoute, async (c) => {
      const installed = await installPackage(rt, c.get('user'), c.req.valid('json'));
      return c.json(installed, 201);
    });
}
