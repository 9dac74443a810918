import { z } from '@hono/zod-openapi';
import { PlatformError } from '../../../engine/index.ts';
import { IMPORT_KINDS } from '../../db/schema/index.ts';
import { XLSX_TYPE } from '../../exports/index.ts';
import { approveImport, discardImport, getImport, importHistory, importIssuesPage, importKinds, importReportXlsx, listTemplates, resumeImport, saveTemplate, uploadImport } from '../../imports/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { IdParam, LocalizedText, Paging, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

/** The path files are uploaded to: the one route whose body limit is `IMPORT_LIMIT_BYTES`. */
export const IMPORT_UPLOAD_PATH = '/api/imports';

const tags = ['imports'];
const Kind = z.enum(IMPORT_KINDS).openapi({ description: 'What the file holds' });
const Who = z.object({ id: z.string(), name: z.string() });

const ImportJob = z
  .object({
    id: z.string(),
    kind: Kind,
    fileName: z.string(),
    fileType: z.enum(['csv', 'xlsx']),
    status: z.enum(['validated', 'approved', 'committed', 'discarded']).openapi({ description: 'validated: dry run done, awaiting a reviewer; approved: committing in batches (resumable); committed; discarded' }),
    mapping: z.record(z.string(), z.string()),
    templateId: z.string().nullable(),
    totalRows: z.number().int(),
    acceptedRows: z.number().int(),
    warningRows: z.number().int(),
    errorRows: z.number().int(),
    commitTotal: z.number().int().openapi({ description: 'Rows the commit writes (accepted and with warnings)' }),
    committedRows: z.number().int(),
    skippedRows: z.number().int().openapi({ description: 'Rows registered by someone else between the dry run and the commit' }),
    failure: z.string().nullable().openapi({ description: 'The error code that stopped the commit; resume with POST /imports/{id}/commit' }),
    uploadedBy: Who,
    uploadedAt: z.string(),
    approvedBy: Who.nullable(),
    approvedAt: z.string().nullable(),
    committedAt: z.string().nullable(),
    discardedBy: Who.nullable(),
    discardedAt: z.string().nullable(),
  })
  .openapi('ImportJob');

const Field = z.object({ id: z.string(), title: LocalizedText, required: z.boolean(), masked: z.boolean() });
const Template = z.object({ id: z.string(), kind: Kind, name: z.string(), mapping: z.record(z.string(), z.string()), updatedBy: z.string(), updatedAt: z.string() }).openapi('ImportTemplate');
const Issue = z
  .object({ rowNo: z.number().int(), field: z.string(), fieldTitle: LocalizedText, severity: z.enum(['error', 'warning']), code: z.string(), value: z.string().nullable().openapi({ description: 'Masked where personal' }), reason: LocalizedText })
  .openapi('ImportIssue');

const kindsRoute = secureRoute('imports.upload', {
  method: 'get', path: '/imports/kinds', operationId: 'listImportKinds', tags,
  summary: 'What a bulk import takes: each kind with its fields (the default header is the field id or its zh-CN or English title)',
  responses: { 200: jsonResponse(z.object({ items: z.array(z.object({ kind: Kind, title: LocalizedText, keyField: z.string(), fields: z.array(Field) })) }), 'Kinds') },
});

const historyRoute = secureRoute('imports.upload', {
  method: 'get', path: '/imports', operationId: 'listImports', tags,
  summary: 'The import history of the caller\u2019s city, newest first: who uploaded, who approved, when, the counts',
  request: { query: Paging.extend({ kind: Kind.optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(ImportJob) }), 'Imports') },
});

const uploadRoute = secureRoute('imports.upload', {
  method: 'post', path: '/imports', operationId: 'uploadImport', tags,
  summary: 'Upload a CSV or XLSX file (the body, at most IMPORT_LIMIT_BYTES): its dry run, every row and field checked; nothing is committed before a reviewer approves. The same file of the same kind again changes nothing (200, `alreadyImported`)',
  request: {
    query: z.object({ kind: Kind, fileName: z.string().trim().min(1).max(200), templateId: z.uuid().optional() }),
    body: { required: true, content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
  },
  responses: {
    201: jsonResponse(ImportJob.extend({ alreadyImported: z.literal(false) }), 'Dry run done'),
    200: jsonResponse(ImportJob.extend({ alreadyImported: z.literal(true) }), 'The same file was uploaded before: that import'),
    ...errorResponses(404, 413, 422),
  },
});

const getRoute = secureRoute('imports.upload', {
  method: 'get', path: '/imports/{id}', operationId: 'getImport', tags, summary: 'One import with its commit\u2019s progress (committedRows of commitTotal)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(ImportJob, 'The import'), ...errorResponses(404) },
});

const issuesRoute = secureRoute('imports.upload', {
  method: 'get', path: '/imports/{id}/issues', operationId: 'listImportIssues', tags, summary: 'The dry run\u2019s findings by row and field, with bilingual reasons (values masked where personal)',
  request: { params: IdParam, query: Paging.extend({ pageSize: z.coerce.number().int().min(1).max(1000).default(50), severity: z.enum(['error', 'warning']).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Issue), total: z.number().int() }), 'Findings'), ...errorResponses(404) },
});

const reportRoute = secureRoute('imports.upload', {
  method: 'get', path: '/imports/{id}/report', operationId: 'downloadImportReport', tags, summary: 'The dry-run report as XLSX: row, field, masked value, severity and the bilingual reason; every cell formula-safe',
  request: { params: IdParam },
  responses: { 200: { description: 'XLSX', content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses(404) },
});

const approveRoute = secureRoute('imports.approve', {
  method: 'post', path: '/imports/{id}/approve', operationId: 'approveImport', tags, summary: 'Approve a dry run (a reviewer who is not the uploader); the commit starts in batches, its progress on the import',
  request: { params: IdParam },
  responses: { 202: jsonResponse(ImportJob, 'Approved, committing'), ...errorResponses(404, 409) },
});

const resumeRoute = secureRoute('imports.approve', {
  method: 'post', path: '/imports/{id}/commit', operationId: 'resumeImportCommit', tags, summary: 'Resume an approved import whose commit stopped, after its last committed batch',
  request: { params: IdParam },
  responses: { 202: jsonResponse(ImportJob, 'Committing'), ...errorResponses(404, 409) },
});

const discardRoute = secureRoute('imports.upload', {
  method: 'post', path: '/imports/{id}/discard', operationId: 'discardImport', tags, summary: 'Discard a dry run not yet approved: its staging rows are deleted; its findings stay in the history',
  request: { params: IdParam },
  responses: { 200: jsonResponse(ImportJob, 'Discarded'), ...errorResponses(404, 409) },
});

const templatesRoute = secureRoute('imports.upload', {
  method: 'get', path: '/import-templates', operationId: 'listImportTemplates', tags, summary: 'The city\u2019s saved column mappings',
  request: { query: z.object({ kind: Kind.optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Template) }), 'Templates') },
});

const saveTemplateRoute = secureRoute('imports.upload', {
  method: 'put', path: '/import-templates', operationId: 'saveImportTemplate', tags, summary: 'Save a column mapping (field id -> the header of the city\u2019s files) under a name; the same name again replaces it',
  request: { body: jsonBody(z.object({ kind: Kind, name: z.string().trim().min(1).max(50), mapping: z.record(z.string().max(50), z.string().max(100)) }).strict()) },
  responses: { 200: jsonResponse(Template, 'Saved') },
});

/** Bulk collection (有信息、有审核、即入库): upload and dry run, report, review, batched commit, history, templates. */
export function importRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(kindsRoute, (c) =>
      c.json({ items: importKinds(rt.registry).map((spec) => ({ kind: spec.kind, title: spec.title, keyField: spec.keyField, fields: spec.fields.map((field) => ({ id: field.id, title: field.title, required: field.required, masked: field.mask !== undefined })) })) }, 200),
    )
    .openapi(historyRoute, async (c) => c.json(await importHistory(rt, c.get('user'), c.req.valid('query')), 200))
    .openapi(uploadRoute, async (c) => {
      const query = c.req.valid('query');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw new PlatformError('IMPORT_FILE_INVALID', { details: { reason: 'empty file' } });
      const job = await uploadImport(rt, c.get('user'), { ...query, bytes });
      return job.alreadyImported ? c.json({ ...job, alreadyImported: true as const }, 200) : c.json({ ...job, alreadyImported: false as const }, 201);
    })
    .openapi(getRoute, async (c) => c.json(await getImport(rt, c.get('user'), c.req.valid('param').id), 200))
    .openapi(issuesRoute, async (c) => c.json(await importIssuesPage(rt, c.get('user'), c.req.valid('param').id, c.req.valid('query')), 200))
    .openapi(reportRoute, async (c) => {
      const file = await importReportXlsx(rt, c.get('user'), c.req.valid('param').id);
      return c.body(file.body, 200, { 'Content-Type': XLSX_TYPE, 'Content-Disposition': `attachment; filename="${file.fileName}"` });
    })
    .openapi(approveRoute, async (c) => c.json(await approveImport(rt, c.get('user'), c.req.valid('param').id), 202))
    .openapi(resumeRoute, async (c) => c.json(await resumeImport(rt, c.get('user'), c.req.valid('param').id), 202))
    .openapi(discardRoute, async (c) => c.json(await discardImport(rt, c.get('user'), c.req.valid('param').id), 200))
    .openapi(templatesRoute, async (c) => c.json(await listTemplates(rt, c.get('user'), c.req.valid('query').kind), 200))
    .openapi(saveTemplateRoute, async (c) => c.json(await saveTemplate(rt, c.get('user'), c.req.valid('json')), 200));
}
