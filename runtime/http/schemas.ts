import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { errorMessages, type ErrorCode } from '../../engine/index.ts';

/** zh-CN and English text. */
export const LocalizedText = z.object({ 'zh-CN': z.string(), en: z.string() }).openapi('LocalizedText');

/** The body of every error response. */
export const ErrorBody = z
  .object({
    code: z.enum(Object.keys(errorMessages) as [ErrorCode, ...ErrorCode[]]).openapi({ example: 'CASE_VERSION_CONFLICT', description: 'The error code (`GET /api/error-codes` lists each with its message)' }),
    message: z.object({ zh: z.string(), en: z.string() }),
    details: z.unknown().openapi({ description: 'What the code needs said: the failing fields, the rule, the limit; null when nothing (always null for INTERNAL_ERROR)' }),
  })
  .openapi('Error', { required: ['code', 'message', 'details'] });

/**
 * The error responses, each a reusable component (`#/components/responses/<name>`) with the error
 * body: every route names those it may answer, so a generated client types them once.
 */
const errorComponents = {
  400: ['BadRequest', 'Malformed request: a field, parameter or body the schema refuses (details.issues), or a NUL character or prototype name at the edge'],
  401: ['Unauthorized', 'Not signed in, or the session ended'],
  403: ['Forbidden', "Not permitted: the caller's role, post, level or jurisdiction does not allow it"],
  404: ['NotFound', 'Not found, or out of the caller\'s scope'],
  409: ['Conflict', 'Conflict with what is there now: a stale version, a record that exists, a state that does not allow it'],
  413: ['PayloadTooLarge', 'Body too large (details.maxBytes)'],
  415: ['UnsupportedMediaType', 'Not a file type accepted'],
  421: ['MisdirectedRequest', 'Not served by this node'],
  422: ['UnprocessableEntity', 'Invalid data: the request is well formed but a rule refuses it'],
  429: ['TooManyRequests', 'Too many attempts: wait the seconds of Retry-After'],
  500: ['InternalError', 'Internal error: nothing was written (no details)'],
  502: ['BadGateway', "A peer system's answer was refused or invalid"],
  503: ['ServiceUnavailable', 'A peer system or service did not answer: try again later'],
} as const;

/** An HTTP status the API answers with the error body. */
type ErrorStatus = keyof typeof errorComponents;

/** References to the error responses of the given statuses. */
export function errorResponses<const S extends ErrorStatus[]>(...statuses: S) {
  return Object.fromEntries(statuses.map((s) => [s, { $ref: `#/components/responses/${errorComponents[s][0]}` }])) as { [K in S[number]]: { $ref: string } };
}

/** Registers the error body and every error response as components of the document. */
export function registerErrorComponents(registry: OpenAPIHono['openAPIRegistry']): void {
  registry.register('Error', ErrorBody);
  for (const [, [name, description]] of Object.entries(errorComponents)) {
    registry.registerComponent('responses', name, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  }
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
