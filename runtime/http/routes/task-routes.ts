import { z } from '@hono/zod-openapi';
import { CASE_CHANNELS, listTasks } from '../../cases/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { LocalizedText, Paging, SubjectSummary, jsonResponse } from '../schemas.ts';

const Task = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseNo: z.string(),
    caseVersion: z.number().int(),
    channel: z.enum(CASE_CHANNELS).openapi({ description: 'How the case came in; `online`: a citizen\'s application on the public site; `national`: an application downloaded from the 全国人社政务服务平台; `exchange`: opened for another agency\'s event message (a social insurance enrolment)' }),
    processId: z.string(),
    processTitle: LocalizedText,
    state: z.string(),
    stateTitle: LocalizedText,
    role: z.string(),
    post: z.string().nullable(),
    subject: SubjectSummary.nullable(),
    openedAt: z.string(),
    dueAt: z.string(),
    dueProvisional: z.boolean().openapi({ description: 'Counted Monday to Friday through a year whose holiday schedule is not entered yet: it moves when the schedule is' }),
    overdue: z.boolean(),
    /** The post an overdue task was escalated to, if it was. */
    escalatedTo: z.string().nullable(),
    claimedBy: z.object({ id: z.string(), name: z.string() }).nullable().openapi({ description: 'Who claimed the task: only they may step it until it is released or reassigned' }),
    claimedAt: z.string().nullable(),
    mayReassign: z.boolean().openapi({ description: "The caller holds the office supervisor's post in the task's jurisdiction, or its escalation post" }),
  })
  .openapi('Task');

const flag = z.enum(['true', 'false']).transform((v) => v === 'true').optional();

const listRoute = secureRoute('cases.read', {
  method: 'get',
  path: '/tasks',
  operationId: 'listTasks',
  tags: ['tasks'],
  summary: "The caller's inbox: open tasks offered to the caller (role, and the task's post held in its jurisdiction) in the caller's subtree, earliest deadline first",
  request: {
    query: Paging.extend({
      overdue: flag,
      mine: flag,
      claim: z.enum(['mine', 'others', 'unclaimed']).optional().openapi({ description: 'Claimed by the caller, by others, or by nobody' }),
      supervised: flag.openapi({ description: "Every task of the offices where the caller holds the supervisor's post, to reassign" }),
    }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(Task), total: z.number().int() }), 'Tasks') },
});

/** The inbox; claiming and reassigning are in `task-claim-routes.ts`. */
export function taskRoutes(rt: RuntimeContext) {
  return apiRouter().openapi(listRoute, async (c) => c.json(await listTasks(rt, c.get('user'), c.req.valid('query')), 200));
}
