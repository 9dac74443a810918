import { z } from '@hono/zod-openapi';
import { claimTask, handOverTask, listColleagues, reassignAll, reassignTask, releaseTask } from '../../cases/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { IdParam, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const TaskHolder = z
  .object({
    id: z.string(),
    caseId: z.string(),
    post: z.string().nullable(),
    claimedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    claimedAt: z.string().nullable(),
  })
  .openapi('TaskHolder');

const Assignment = z
  .object({
    to: z.uuid().openapi({ description: "The colleague's user id: of the task's role, holding its post in its jurisdiction" }),
    reason: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .openapi('TaskAssignment');

const BulkAssignment = z
  .object({
    from: z.uuid().openapi({ description: 'The user whose claimed open tasks move (who is away)' }),
    to: z.uuid(),
    post: z.string().min(1).max(100).optional().openapi({ description: 'Only the tasks of this post' }),
    reason: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .openapi('TaskBulkAssignment');

const Colleague = z
  .object({ id: z.string(), name: z.string(), role: z.string(), orgUnitId: z.string(), posts: z.array(z.object({ code: z.string(), name: z.string() })) })
  .openapi('Colleague');

const holderResponses = { 200: jsonResponse(TaskHolder, 'Who holds the task now'), ...errorResponses(404, 409, 422) };

function taskAction(path: string, operationId: string, summary: string) {
  return secureRoute('cases.act', { method: 'post', path, operationId, tags: ['tasks'], summary, request: { params: IdParam }, responses: holderResponses });
}

function taskAssignment(path: string, operationId: string, summary: string) {
  return secureRoute('cases.act', { method: 'post', path, operationId, tags: ['tasks'], summary, request: { params: IdParam, body: jsonBody(Assignment) }, responses: holderResponses });
}

const claimRoute = taskAction('/tasks/{id}/claim', 'claimTask', 'Claim a task offered to the caller: only the claimant may step it until it is released or reassigned (audited)');
const releaseRoute = taskAction('/tasks/{id}/release', 'releaseTask', "Give a claimed task back to its post (the claimant; audited)");
const handoverRoute = taskAssignment('/tasks/{id}/handover', 'handOverTask', 'Hand a task the caller holds (or an unclaimed one offered to it) to a colleague holding its post (audited)');
const reassignRoute = taskAssignment('/tasks/{id}/reassign', 'reassignTask', "Reassign a task to a colleague holding its post: the office supervisor or the task's escalation post (audited)");

const reassignAllRoute = secureRoute('cases.act', {
  method: 'post',
  path: '/tasks/reassign-all',
  operationId: 'reassignAllTasks',
  tags: ['tasks'],
  summary: "Reassign every open task one user claimed to another, as when someone is away: all or none (the office supervisor; audited)",
  request: { body: jsonBody(BulkAssignment) },
  responses: { 200: jsonResponse(z.object({ reassigned: z.number().int(), items: z.array(TaskHolder) }), 'The tasks moved'), ...errorResponses(404, 422) },
});

const colleaguesRoute = secureRoute('cases.read', {
  method: 'get',
  path: '/tasks/colleagues',
  operationId: 'listColleagues',
  tags: ['tasks'],
  summary: "Active caseworkers and reviewers in the caller's subtree with their posts; with `task`, only those who may take that task",
  request: { query: z.object({ task: z.uuid().optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Colleague) }), 'Colleagues'), ...errorResponses(404) },
});

/** Claiming, releasing, handing over and reassigning tasks, and the colleagues to hand them to. */
export function taskClaimRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(colleaguesRoute, async (c) => c.json(await listColleagues(rt, c.get('user'), c.req.valid('query')), 200))
    .openapi(reassignAllRoute, async (c) => c.json(await reassignAll(rt, c.get('user'), c.req.valid('json')), 200))
    .openapi(claimRoute, async (c) => c.json(await claimTask(rt, c.get('user'), c.req.valid('param').id), 200))
    .openapi(releaseRoute, async (c) => c.json(await releaseTask(rt, c.get('user'), c.req.valid('param').id), 200))
    .openapi(handoverRoute, async (c) => c.json(await handOverTask(rt, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(reassignRoute, async (c) => c.json(await reassignTask(rt, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200));
}
