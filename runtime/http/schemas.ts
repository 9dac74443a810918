import { z } from '@hono/zod-openapi';

/** zh-CN and English text. */
export const LocalizedText = z.object({ 'zh-CN': z.string(), en: z.string() }).openapi('LocalizedText');

/** The body of every error response. */
export const ErrorBody = z
  .object({
    code: z.string().openapi({ example: 'CASE_VERSION_CONFLICT' }),
    message: z.object({ zh: z.string(), en: z.string() }),
    details: z.unknown(),
  })
  .openapi('Error');

/** Documented error responses for the given statuses. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 422 | 429)[]) {
  const descriptions = { 400: 'Malformed request', 401: 'Not signed in', 403: 'Not permitted', 404: 'Not found or out of scope', 409: 'Conflict', 413: 'Body too large', 415: 'Not a file type accepted', 421: 'Not served by this node', 422: 'Invalid data', 429: 'Too many attempts: wait the seconds of Retry-After' };
  return Object.fromEntries(statuses.map((s) => [s, { description: descriptions[s], content: { 'application/json': { schema: ErrorBody } } }]));
}

export const Paging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const JsonObject = z.record(z.string(), z.unknown());

export const SubjectSummary = z
  .object({ type: z.enum(['person', 'employer']), id: z.string(), name: z.string(), identifier: z.string() })
  .openapi('SubjectSummary');

/** JSON body helper for createRoute. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

/** JSON response helper for createRoute. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export const bearer = [{ bearer: [] }];

/** Why a record is changed: kept with every change in its history. */
export const ChangeReason = z.string().trim().min(2).max(500).openapi({ example: '本人来电更正手机号码', description: 'Why the record changes (kept in its history)' });

/** One change of a person's or employer's record. */
export const HistoryEntry = z
  .object({
    id: z.number().int(),
    changeId: z.string().openapi({ description: 'Shared by the changes of one request' }),
    kind: z.enum(['edit', 'merge']),
    field: z.string(),
    oldValue: z.string().nullable(),
    newValue: z.string().nullable(),
    personal: z.boolean().openapi({ description: 'A personal value: encrypted at rest, in the clear only for who handles the subject (a recorded read)' }),
    masked: z.boolean(),
    reason: z.string(),
    actor: z.object({ id: z.string(), name: z.string() }),
    at: z.string(),
  })
  .openapi('HistoryEntry');

/** A record's history, newest first. */
export const History = z.object({ items: z.array(HistoryEntry), masked: z.boolean() }).openapi('History');
