import { z } from '@hono/zod-openapi';
import { definitionSchema, listParameterSchema, numberParameterSchema, overlaySchema } from '../../../engine/index.ts';
import { diffLevels, effectiveProcess, migrateCases, publishDraft, replayDraft, saveDraft, verifyDraft, versionHistory } from '../../localisation/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { ErrorBody, JsonObject, LocalizedText, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const tags = ['localisation'];
const params = z.object({ processId: z.string().openapi({ param: { name: 'processId', in: 'path' } }) });

const Problem = z
  .object({ code: ErrorBody.shape.code, element: z.string(), reason: LocalizedText, lockedBy: z.string().optional() })
  .openapi('OverlayProblem');

/** A difference between two definitions (or parameter schedules), at a dotted path. */
const DefinitionChange = z
  .object({ path: z.string(), change: z.enum(['added', 'removed', 'changed']), before: z.unknown().optional(), after: z.unknown().optional() })
  .openapi('DefinitionChange');

const replayedBase = { caseId: z.string(), caseNo: z.string(), recordedFinalState: z.string(), factsMissing: z.array(z.number().int()), deadlinesDiffer: z.array(z.number().int()) };
/** One closed case replayed against the draft: it ends the same, is refused at a step, or goes elsewhere. */
const ReplayedCase = z
  .discriminatedUnion('result', [
    z.object({ result: z.literal('same'), ...replayedBase, finalState: z.string() }),
    z.object({ result: z.literal('refused'), ...replayedBase, step: z.number().int(), event: z.string(), code: ErrorBody.shape.code, details: z.unknown() }),
    z.object({ result: z.literal('different'), ...replayedBase, step: z.number().int(), event: z.string(), recorded: z.string(), replayed: z.string() }),
  ])
  .openapi('ReplayedCase');

const ReplayReport = z
  .object({ processId: z.string(), replayed: z.number().int(), same: z.number().int(), refused: z.number().int(), different: z.number().int(), cases: z.array(ReplayedCase) })
  .openapi('ReplayReport');

/** One running case of a migration: whether it can move, why not, and what changes in its state. */
const CaseMigration = z
  .object({
    caseId: z.string(),
    caseNo: z.string(),
    state: z.string(),
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    canMove: z.boolean(),
    problems: z.array(z.object({ code: z.enum(['STATE_MISSING', 'FORM_INVALID']), element: z.string(), details: z.unknown().optional() })),
    changes: z.array(DefinitionChange).openapi({ description: "Differences in the case's current state between its version and the new one" }),
  })
  .openapi('CaseMigration');

const MigrationReport = z
  .object({ processId: z.string(), toVersion: z.number().int(), toDefinitionId: z.string(), dryRun: z.boolean(), cases: z.array(CaseMigration) })
  .openapi('MigrationReport');

const LevelDiff = z
  .object({
    levels: z.array(z.object({ level: z.string().openapi({ description: 'ministry, an org unit id, or draft' }), version: z.number().int().nullable() })),
    changes: z.array(z.object({ from: z.string(), to: z.string(), changes: z.array(DefinitionChange) })).openapi({ description: 'What each level changed of the one above: its definition, and its parameters as parameters.<id>' }),
  })
  .openapi('LevelDiff');

const Publication = z
  .object({
    definitionId: z.string(),
    processId: z.string(),
    version: z.number().int(),
    scope: z.string().openapi({ description: 'The org unit whose version it is' }),
    basedOn: z.string().openapi({ description: 'The definition of the level below it was made on' }),
    basedOnVersion: z.number().int(),
    publishedAt: z.string(),
    levelsBelow: z.object({
      rebased: z.array(z.object({ orgUnitId: z.string(), definitionId: z.string(), version: z.number().int() })).openapi({ description: 'Levels whose overlay still fits: republished on the new version' }),
      needsAttention: z.array(z.object({ orgUnitId: z.string(), problems: z.array(Problem) })).openapi({ description: 'Levels whose overlay no longer fits: the version above is in force there until they fix it' }),
    }),
  })
  .openapi('Publication');

/** A lock binding the caller's level: the element, why, and `ministry` or the org unit id of the level that set it. */
const EffectiveLock = z.object({ element: z.string(), reason: LocalizedText, lockedBy: z.string() }).openapi('EffectiveLock');

const inForceToday = { value: z.union([z.number(), z.array(z.string())]).openapi({ description: 'The value in force today at the caller’s level' }) };
/** A parameter of the process's package with its ministry bounds (or catalogue) and the value in force today. */
const EffectiveParameter = z
  .union([numberParameterSchema.extend(inForceToday), listParameterSchema.extend(inForceToday)])
  .openapi('EffectiveParameter');

/**
 * What a level sees of a process. The overlay is read back through the engine's overlay schema
 * (`currentOverlay`), so it has every field the schema defaults, as described here.
 */
const EffectiveProcess = z
  .object({
    processId: z.string(),
    version: z.number().int(),
    definitionId: z.string(),
    level: z.string().openapi({ description: 'The level whose version is in force here: the ministry root, a province or a city' }),
    definition: definitionSchema,
    locks: z.array(EffectiveLock),
    parameters: z.array(EffectiveParameter),
    overlay: z
      .object({ overlay: overlaySchema, source: z.enum(['draft', 'published', 'empty']) })
      .nullable()
      .openapi({ description: 'The overlay the caller’s level is editing: its draft, else what it last published, else an empty one; null for anyone but a configurator' }),
  })
  .openapi('EffectiveProcess');

const effectiveRoute = secureRoute('processes.read', {
  method: 'get',
  path: '/processes/{processId}/effective',
  operationId: 'getEffectiveProcess',
  tags,
  summary: "The definition in force at the caller's level, the locks binding it (who set each, why), parameters in force and the overlay being edited",
  request: { params },
  responses: { 200: jsonResponse(EffectiveProcess, 'Effective process'), ...errorResponses(404) },
});

const saveRoute = secureRoute('localisation.edit', {
  method: 'put',
  path: '/processes/{processId}/overlay',
  operationId: 'saveOverlayDraft',
  tags,
  summary: "Save the draft overlay of the caller's province or city; returns what verification finds",
  request: { params, body: jsonBody(overlaySchema) },
  responses: { 200: jsonResponse(z.object({ overlay: JsonObject, problems: z.array(Problem) }), 'Saved'), ...errorResponses(404) },
});

const verifyRoute = secureRoute('localisation.edit', {
  method: 'post',
  path: '/processes/{processId}/overlay/verify',
  operationId: 'verifyOverlay',
  tags,
  summary: 'Verify the saved draft, or the overlay in the body without saving it: engine verification, locks of every level above, parameter bounds',
  request: {
    params,
    body: { required: false, content: { 'application/json': { schema: z.object({ overlay: overlaySchema.optional() }).strict() } } },
  },
  responses: { 200: jsonResponse(z.object({ problems: z.array(Problem), definition: definitionSchema.nullable(), unchanged: z.boolean() }), 'Findings'), ...errorResponses(404) },
});

const diffRoute = secureRoute('processes.read', {
  method: 'get',
  path: '/processes/{processId}/diff',
  operationId: 'getProcessDiff',
  tags,
  summary: "Changes from the ministry standard to the province's version, the city's version and the draft",
  request: { params },
  responses: { 200: jsonResponse(LevelDiff, 'Levels and changes'), ...errorResponses(404, 422) },
});

const publishRoute = secureRoute('localisation.edit', {
  method: 'post',
  path: '/processes/{processId}/overlay/publish',
  operationId: 'publishOverlay',
  tags,
  summary: 'Publish the draft as a new immutable version for the caller’s level (refused with every problem, or when it changes nothing: OVERLAY_UNCHANGED)',
  request: { params },
  responses: { 201: jsonResponse(Publication, 'Published'), ...errorResponses(404, 422) },
});

const replayRoute = secureRoute('localisation.edit', {
  method: 'post',
  path: '/processes/{processId}/overlay/replay',
  operationId: 'replayOverlay',
  tags,
  summary: 'Replay the last N closed cases under the caller’s level against the draft',
  request: { params, body: jsonBody(z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict()) },
  responses: { 200: jsonResponse(ReplayReport, 'Replay report'), ...errorResponses(404, 422) },
});

const migrateRoute = secureRoute('localisation.edit', {
  method: 'post',
  path: '/processes/{processId}/migrations',
  operationId: 'migrateProcessCases',
  tags,
  summary: 'Move running cases onto the version in force (dry run lists what each case would do)',
  request: { params, body: jsonBody(z.object({ dryRun: z.boolean().default(true) }).strict()) },
  responses: { 200: jsonResponse(MigrationReport, 'Migration report'), ...errorResponses(404) },
});

const PublishedVersion = z
  .object({
    definitionId: z.string(),
    version: z.number().int(),
    level: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
    publishedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    publishedAt: z.string(),
    basedOn: z.object({ definitionId: z.string(), version: z.number().int(), levelName: z.string() }).nullable(),
    operations: z.number().int().nullable(),
    inForce: z.boolean(),
  })
  .openapi('PublishedVersion');

const versionsRoute = secureRoute('processes.read', {
  method: 'get',
  path: '/processes/{processId}/versions',
  operationId: 'listProcessVersions',
  tags,
  summary: "Versions published on the caller's path (ministry, province, city), newest first: level, publisher, time, base version, whether in force",
  request: { params },
  responses: { 200: jsonResponse(z.object({ processId: z.string(), items: z.array(PublishedVersion) }), 'Version history'), ...errorResponses(404) },
});

/** Province and city localisation of the ministry processes: overlays, publishing, version history, migration, replay. */
export function localisationRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(effectiveRoute, async (c) => c.json(await effectiveProcess(rt, c.get('user'), c.req.valid('param').processId), 200))
    .openapi(saveRoute, async (c) => c.json(await saveDraft(rt, c.get('user'), c.req.valid('param').processId, c.req.valid('json')), 200))
    .openapi(verifyRoute, async (c) => c.json(await verifyDraft(rt, c.get('user'), c.req.valid('param').processId, c.req.valid('json').overlay), 200))
    .openapi(diffRoute, async (c) => c.json(await diffLevels(rt, c.get('user'), c.req.valid('param').processId), 200))
    .openapi(publishRoute, async (c) => c.json(await publishDraft(rt, c.get('user'), c.req.valid('param').processId), 201))
    .openapi(replayRoute, async (c) => c.json(await replayDraft(rt, c.get('user'), c.req.valid('param').processId, c.req.valid('json')), 200))
    .openapi(versionsRoute, async (c) => c.json(await versionHistory(rt, c.get('user'), c.req.valid('param').processId), 200))
    .openapi(migrateRoute, async (c) => c.json(await migrateCases(rt, c.get('user'), c.req.valid('param').processId, c.req.valid('json')), 200));
}
