import { z } from '@hono/zod-openapi';
import { caseDocuments, issueDocument, revokeDocument, verifyDocument } from '../../documents/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { publicRoute, secureRoute } from '../secure-route.ts';
import { IdParam, LocalizedText, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const Status = z.enum(['valid', 'revoked', 'superseded']).openapi({ description: '`superseded`: the same document of the case was printed again since' });

const IssuedDocument = z
  .object({ id: z.string(), kind: z.string(), title: LocalizedText, number: z.string(), issuedAt: z.string(), status: Status, verifyPath: z.string().openapi({ description: 'The public verification page its QR code opens' }) })
  .openapi('IssuedDocument');

const PrintedDocument = IssuedDocument.extend({
  caseNo: z.string(),
  office: z.string(),
  contentHash: z.string().openapi({ description: 'SHA-256 of what the document printed, as stored' }),
  fields: z.array(z.object({ title: LocalizedText, value: LocalizedText })),
  paragraphs: z.array(LocalizedText),
}).openapi('PrintedDocument');

const Verification = z
  .object({
    genuine: z.boolean().openapi({ description: 'Whether the token names a document this platform issued' }),
    status: Status.nullable(),
    title: LocalizedText.nullable(),
    kind: z.string().nullable(),
    number: z.string().nullable(),
    office: z.string().nullable(),
    maskedName: z.string().nullable(),
    issuedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Verification');

const DocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

const listRoute = secureRoute('cases.read', {
  method: 'get',
  path: '/cases/{id}/documents',
  operationId: 'listCaseDocuments',
  tags: ['documents'],
  summary: 'The documents a case may print now, and the copies printed before',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ available: z.array(z.object({ kind: z.string(), title: LocalizedText })), issued: z.array(IssuedDocument) }), 'Documents'), ...errorResponses(404) },
});

const issueRoute = secureRoute('cases.read', {
  method: 'post',
  path: '/cases/{id}/documents',
  operationId: 'printCaseDocument',
  tags: ['documents'],
  summary: "Print a document of a case: its text filled from the case, a QR code token, and the copy printed before superseded",
  request: { params: IdParam, body: jsonBody(z.object({ kind: z.string().min(1).max(100) }).strict()) },
  responses: { 201: jsonResponse(PrintedDocument, 'Printed'), ...errorResponses(404, 422) },
});

const revokeRoute = secureRoute('documents.revoke', {
  method: 'post',
  path: '/cases/{id}/documents/{documentId}/revoke',
  operationId: 'revokeCaseDocument',
  tags: ['documents'],
  summary: 'Revoke an issued document, with the reason',
  request: { params: DocumentParams, body: jsonBody(z.object({ reason: z.string().trim().min(1).max(500) }).strict()) },
  responses: { 200: jsonResponse(IssuedDocument, 'Revoked'), ...errorResponses(404, 409) },
});

const verifyRoute = publicRoute({
  method: 'get',
  path: '/verify/{token}',
  operationId: 'verifyDocument',
  tags: ['documents'],
  summary: "Whether a printed document is genuine and current, from its QR code's token: kind, number, office, date and a masked name only",
  request: { params: z.object({ token: z.string().max(200) }) },
  responses: { 200: jsonResponse(Verification, 'What the token names') },
});

/** Printed documents of a case (受理回执, certificates, decision notices, the summary) and their public verification. */
export function documentRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(listRoute, async (c) => c.json(await caseDocuments(rt, c.get('user'), c.req.valid('param').id), 200))
    .openapi(issueRoute, async (c) => c.json(await issueDocument(rt, c.get('user'), c.req.valid('param').id, c.req.valid('json').kind, c.get('origin')), 201))
    .openapi(revokeRoute, async (c) => {
      const { id, documentId } = c.req.valid('param');
      return c.json(await revokeDocument(rt, c.get('user'), id, documentId, c.req.valid('json').reason), 200);
    })
    .openapi(verifyRoute, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await verifyDocument(rt, c.req.valid('param').token), 200);
    });
}
