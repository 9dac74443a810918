import { z } from '@hono/zod-openapi';
import { PlatformError } from '../../../engine/index.ts';
import { ATTACHMENT_TYPES, CASE_LEVEL, caseAttachmentList, contentDisposition, readAttachment, uploadAttachment, withdrawAttachment } from '../../attachments/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { IdParam, LocalizedText, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

/** The path files are posted to: the route whose body limit is `ATTACHMENT_LIMIT_BYTES` (and its multipart framing). */
export const ATTACHMENT_UPLOAD_PATH = /^\/api\/cases\/[^/]+\/attachments$/;

const tags = ['attachments'];
const Who = z.object({ id: z.string(), name: z.string() });

const Attachment = z
  .object({
    id: z.string(),
    caseId: z.string(),
    step: z
      .object({ state: z.string(), event: z.string(), eventTitle: LocalizedText.nullable(), taskId: z.string().nullable(), seq: z.number().int().nullable().openapi({ description: "The step's performance record (history `seq`) once it was sent; null while it waits" }) })
      .nullable()
      .openapi({ description: 'The step the file is for; null for the case as a whole' }),
    material: z.string(),
    materialTitle: LocalizedText.nullable(),
    fileName: z.string().openapi({ description: 'The name it was uploaded with' }),
    mediaType: z.enum(ATTACHMENT_TYPES).openapi({ description: 'What the content is (its first bytes), whatever its name said' }),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: Who,
    post: z.string().nullable(),
    uploadedAt: z.string(),
    withdrawn: z.object({ by: Who, at: z.string(), reason: z.string() }).nullable(),
  })
  .openapi('CaseAttachment');

const AttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

const Upload = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary', description: 'A PDF, JPEG or PNG file, at most ATTACHMENT_LIMIT_BYTES (10 MB by default)' }),
  step: z.string().min(1).max(100).openapi({ description: `The event of the current state the file is for (its \`materials\`), or \`${CASE_LEVEL}\` for the case as a whole` }),
  material: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/).openapi({ description: 'The material code, e.g. `identity-proof`' }),
});

const uploadRoute = secureRoute('cases.act', {
  method: 'post', path: '/cases/{id}/attachments', operationId: 'uploadCaseAttachment', tags,
  summary: 'Attach a scan of a proof to a case, for a step of its current state or the case as a whole: PDF, JPEG or PNG by content (415 otherwise, whatever the name), at most ATTACHMENT_LIMIT_BYTES (413); stored encrypted',
  request: { params: IdParam, body: { required: true, content: { 'multipart/form-data': { schema: Upload } } } },
  responses: { 201: jsonResponse(Attachment, 'Attached'), ...errorResponses(404, 409, 413, 415, 422) },
});

const listRoute = secureRoute('cases.read', {
  method: 'get', path: '/cases/{id}/attachments', operationId: 'listCaseAttachments', tags,
  summary: 'The files attached to a case, oldest first, each with its step and material, without content',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(Attachment), maxBytes: z.number().int().openapi({ description: 'ATTACHMENT_LIMIT_BYTES: the largest file accepted' }) }), 'Attachments'), ...errorResponses(404) },
});

const readRoute = secureRoute('cases.read', {
  method: 'get', path: '/cases/{id}/attachments/{attachmentId}', operationId: 'downloadCaseAttachment', tags,
  summary: 'One attached file as uploaded (its type as determined from the content, its original name), recorded in the access log',
  request: { params: AttachmentParams, query: z.object({ download: z.enum(['0', '1']).default('0').openapi({ description: '1: as a download; 0: to be shown' }) }) },
  responses: {
    200: { description: 'The file', content: Object.fromEntries(ATTACHMENT_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }])) },
    ...errorResponses(404),
  },
});

const withdrawRoute = secureRoute('cases.act', {
  method: 'post', path: '/cases/{id}/attachments/{attachmentId}/withdraw', operationId: 'withdrawCaseAttachment', tags,
  summary: 'Withdraw a file attached to an active case, with the reason: it is kept, marked withdrawn, and no longer counts for its step',
  request: { params: AttachmentParams, body: jsonBody(z.object({ reason: z.string().trim().min(1).max(500) }).strict()) },
  responses: { 200: jsonResponse(Attachment, 'Withdrawn'), ...errorResponses(404, 409) },
});

/** Reads the uploaded file part: a file, not a text field. */
async function uploadedFile(value: unknown) {
  if (!(value instanceof File)) throw new PlatformError('BAD_REQUEST', { details: { reason: 'the `file` part must be a file' } });
  return { fileName: value.name.slice(0, 255) || 'file', declaredType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
}

/** Files attached to cases (scans of proofs): upload, list, open or download, withdraw. */
export function attachmentRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(uploadRoute, async (c) => {
      const form = c.req.valid('form');
      const file = await uploadedFile(form.file);
      return c.json(await uploadAttachment(rt, c.get('user'), c.req.valid('param').id, { step: form.step, material: form.material, file }), 201);
    })
    .openapi(listRoute, async (c) => c.json(await caseAttachmentList(rt, c.get('user'), c.req.valid('param').id), 200))
    .openapi(readRoute, async (c) => {
      const { id, attachmentId } = c.req.valid('param');
      const file = await readAttachment(rt, c.get('user'), id, attachmentId, c.get('origin'));
      return c.body(new Uint8Array(file.content), 200, {
        'Content-Type': file.mediaType,
        'Content-Disposition': contentDisposition(c.req.valid('query').download === '1' ? 'attachment' : 'inline', file.fileName),
        'X-Content-Type-Options': 'nosniff',
      });
    })
    .openapi(withdrawRoute, async (c) => {
      const { id, attachmentId } = c.req.valid('param');
      return c.json(await withdrawAttachment(rt, c.get('user'), id, attachmentId, c.req.valid('json').reason), 200);
    });
}
