import { z } from '@hono/zod-openapi';
import { listNotifications, markNotificationsRead } from '../../notifications/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { LocalizedText, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const Kind = z.enum(['new', 'returned', 'deadline', 'escalation']);

const Notification = z
  .object({
    id: z.string().openapi({ description: '`kind:taskId`: what marking it read names' }),
    kind: Kind.openapi({ description: 'A new task at a post of the caller, one returned to it, a deadline by the end of the next working day, an escalation' }),
    taskId: z.string(),
    caseId: z.string(),
    caseNo: z.string(),
    processTitle: LocalizedText,
    stateTitle: LocalizedText,
    post: z.string().nullable(),
    at: z.string().openapi({ description: 'When the task arrived, falls due, or was escalated' }),
    dueAt: z.string(),
    escalatedTo: z.string().nullable(),
    read: z.boolean(),
  })
  .openapi('Notification');

const Counts = z
  .object({ unread: z.number().int(), new: z.number().int(), returned: z.number().int(), deadline: z.number().int(), escalation: z.number().int() })
  .openapi('NotificationCounts');

const listRoute = secureRoute('cases.read', {
  method: 'get',
  path: '/notifications',
  operationId: 'listNotifications',
  tags: ['tasks'],
  summary:
    "The caller's notifications, derived from the open tasks offered to the caller when asked (one query; nothing is stored but the read marks): unread counts by kind and the newest 50, unread first. The workbench polls it",
  responses: { 200: jsonResponse(z.object({ counts: Counts, items: z.array(Notification) }), 'Notifications') },
});

const MarkRead = z
  .union([z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(100) }).strict(), z.object({ all: z.literal(true) }).strict()])
  .openapi('NotificationsRead');

const readRoute = secureRoute('cases.read', {
  method: 'post',
  path: '/notifications/read',
  operationId: 'markNotificationsRead',
  tags: ['tasks'],
  summary: "Mark the caller's notifications read, those named or all: kept per user; one not among the caller's is refused (404), nothing marked",
  request: { body: jsonBody(MarkRead) },
  responses: { 200: jsonResponse(z.object({ marked: z.number().int() }), 'How many were newly marked read'), ...errorResponses(404) },
});

/** The workbench's bell. */
export function notificationRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(listRoute, async (c) => c.json(await listNotifications(rt, c.get('user')), 200))
    .openapi(readRoute, async (c) => c.json(await markNotificationsRead(rt, c.get('user'), c.req.valid('json')), 200));
}
