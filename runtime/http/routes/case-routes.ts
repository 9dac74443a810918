import { z } from '@hono/zod-openapi';
import { CASE_CHANNELS, CASE_SORTS, caseHistory, exportCases, getCase, linkedCases, listCases, sendEvent, startCase } from '../../cases/index.ts';
import { CASE_EXPORT_MAX } from '../../config.ts';
import { XLSX_TYPE } from '../../exports/index.ts';
import { caseObjections } from '../../notices/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { IdParam, JsonObject, LocalizedText, Paging, SubjectSummary, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const CaseSummary = z
  .object({
    id: z.string(),
    caseNo: z.string(),
    processId: z.string(),
    processTitle: LocalizedText,
    state: z.string(),
    stateTitle: LocalizedText,
    status: z.enum(['active', 'final']),
    subject: SubjectSummary.nullable(),
    orgUnitId: z.string(),
    channel: z.enum(CASE_CHANNELS).openapi({ description: '`window` opened at a service window, `coordination` opened by another case\'s event, `import` from the earlier system, `online` applied for on the public site, `national` downloaded from the 全国人社政务服务平台, `exchange` opened for another agency\'s event message (a social insurance enrolment)' }),
    dueAt: z.string().nullable(),
    dueProvisional: z.boolean().openapi({ description: 'The deadline was counted Monday to Friday through a year whose holiday schedule is not entered yet' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CaseSummary');

const StepConsequences = z
  .object({
    confirm: z.boolean().openapi({ description: 'The step sets a subject status or moves other cases on: the workbench asks before sending it' }),
    statuses: z.array(z.object({ key: z.string(), title: LocalizedText, value: z.string() })).openapi({ description: 'Subject statuses the step sets' }),
    coordinated: z
      .array(z.object({ caseId: z.string(), caseNo: z.string(), processTitle: LocalizedText, stepTitle: LocalizedText, stateTitle: LocalizedText, conditional: z.boolean() }))
      .openapi({ description: "The subject's other active cases the step's domain events move on, with the step each receives and the state it leads to; conditional when a condition decides" }),
    opens: z.array(z.object({ processTitle: LocalizedText, conditional: z.boolean() })).openapi({ description: 'Cases of other processes the step may open for the subject' }),
  })
  .openapi('StepConsequences');

const CaseAction = z.object({
  event: z.string(),
  title: LocalizedText,
  target: z.string(),
  targetTitle: LocalizedText,
  form: z.object({ id: z.string(), title: LocalizedText, schema: JsonObject, ui: JsonObject }).nullable(),
  consequences: StepConsequences,
  materials: z
    .array(z.object({ code: z.string(), title: LocalizedText, required: z.boolean() }))
    .openapi({ description: 'The proofs the step asks to attach (POST /cases/{id}/attachments with `step` = the event); a required one missing refuses the step with MATERIALS_MISSING' }),
});

const CaseDetail = CaseSummary.extend({
  definitionVersion: z.number().int(),
  pluginId: z.string(),
  pluginVersion: z.string(),
  outcome: z.enum(['completed', 'rejected', 'cancelled']).nullable(),
  data: JsonObject,
  enteredAt: z.string(),
  closedAt: z.string().nullable(),
  actions: z.array(CaseAction).openapi({ description: 'What the caller may do now, with the form each action carries' }),
}).openapi('CaseDetail');

const HistoryItem = z
  .object({
    seq: z.number().int(),
    from: z.string().nullable(),
    fromTitle: LocalizedText.nullable(),
    to: z.string(),
    toTitle: LocalizedText.nullable(),
    event: z.string(),
    eventTitle: LocalizedText,
    actor: z.object({ id: z.string(), name: z.string(), role: z.string() }),
    claimed: z
      .object({ by: z.object({ id: z.string(), name: z.string() }), at: z.string() })
      .nullable()
      .openapi({ description: "Who had claimed the step's task, and since when; null when nobody had" }),
    post: z.string().nullable(),
    postTitle: LocalizedText.nullable().openapi({ description: "The post's name at the actor's org unit; null for a step without a post" }),
    orgUnit: z.object({ id: z.string(), name: z.string() }),
    enteredAt: z.string(),
    leftAt: z.string(),
    dueAt: z.string().nullable(),
    onTime: z.boolean().nullable(),
    dueProvisional: z.boolean().openapi({ description: 'The deadline was counted Monday to Friday through a year with no holiday schedule, and has not been judged again' }),
    calendarVersion: z.number().int().nullable().openapi({ description: 'The calendar version that counted the deadline' }),
    recalculated: z
      .object({ dueAt: z.string(), onTime: z.boolean(), calendarVersion: z.number().int(), at: z.string() })
      .nullable()
      .openapi({ description: "The deadline and verdict counted again once the year's schedule came in; `dueAt` and `onTime` above stay as recorded" }),
    data: JsonObject,
    exchangeFacts: z
      .array(z.object({ name: z.string(), provider: z.string(), value: JsonObject }))
      .openapi({
        description:
          "The facts the step's rules read from another organisation (socialInsurance, marketRegulation, minimumLiving, disabilityCertificate: the agency's fields, asOf, source {member, messageId}), or the caseworker's value in their place (caseworkerEntered: true); empty for a reader who does not handle case data",
      }),
    cause: z
      .object({
        event: z.string(),
        eventTitle: LocalizedText.nullable().openapi({ description: 'The title of the step that emitted the event in the causing case' }),
        caseId: z.string(),
        caseNo: z.string(),
        processId: z.string(),
        outboxId: z.number(),
      })
      .nullable(),
    form: z
      .object({ id: z.string(), title: LocalizedText, schema: JsonObject })
      .nullable()
      .openapi({ description: "The form the step's data was entered on, for its field labels; null for a step without one" }),
  })
  .openapi('HistoryItem');

const DeadlineMove = z
  .object({
    state: z.string(),
    stateTitle: LocalizedText,
    target: z.enum(['task', 'timer']),
    event: z.string().nullable().openapi({ description: 'The event of a moved timer' }),
    from: z.string(),
    to: z.string(),
    fromProvisional: z.boolean(),
    toProvisional: z.boolean(),
    calendarVersion: z.number().int(),
    escalationWithdrawn: z.boolean(),
    at: z.string(),
  })
  .openapi('DeadlineMove', { description: 'An open deadline moved when the working-day calendar changed' });

const CaseLink = z
  .object({
    direction: z.enum(['caused-by', 'caused']).openapi({ description: "`caused-by`: the linked case's domain event stepped or opened this case; `caused`: the other way round" }),
    event: z.string().openapi({ description: 'The domain event, e.g. `employment.registered`' }),
    eventTitle: LocalizedText.nullable().openapi({ description: 'The title of the step that emitted it, in the emitting case' }),
    effect: z.enum(['started', 'stepped']).openapi({ description: 'What the event did to the case on the receiving end' }),
    caseId: z.string(),
    caseNo: z.string(),
    processTitle: LocalizedText,
    stateTitle: LocalizedText.openapi({ description: "The linked case's current state" }),
    at: z.string(),
  })
  .openapi('CaseLink');

const StartCase = z.object({ processId: z.string().min(1).max(100), subjectId: z.uuid() }).strict().openapi('StartCase');
const CaseEvent = z
  .object({
    type: z.string().min(1).max(100),
    data: JsonObject.optional().openapi({ description: "The action's form data, validated against its JSON Schema" }),
    version: z.number().int().min(1).openapi({ description: 'The case version the caller saw; a stale one gets 409' }),
  })
  .strict()
  .openapi('CaseEvent');

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((text) => !Number.isNaN(Date.parse(text)), 'A date YYYY-MM-DD');

const CaseSearch = z.object({
  q: z.string().max(100).optional().openapi({ description: 'A case number or its start, an exact ID number or credit code, the start of a name, or pinyin initials such as `zs` for 张三' }),
  status: z.enum(['active', 'final']).optional(),
  processId: z.string().max(100).optional(),
  state: z.string().max(100).optional(),
  subjectId: z.uuid().optional(),
  orgUnitId: z.string().max(100).optional().openapi({ description: 'The office handling the case, with the units below it' }),
  channel: z.enum(CASE_CHANNELS).optional(),
  from: date.optional().openapi({ description: 'Opened on or after this day (China time)' }),
  to: date.optional().openapi({ description: 'Opened on or before this day (China time)' }),
  sort: z.enum(CASE_SORTS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

const startRoute = secureRoute('cases.act', {
  method: 'post',
  path: '/cases',
  operationId: 'startCase',
  tags: ['cases'],
  summary: 'Open a case of a process for a subject',
  request: { body: jsonBody(StartCase) },
  responses: { 201: jsonResponse(CaseDetail, 'Opened'), ...errorResponses(404, 409, 422) },
});

const listRoute = secureRoute('cases.read', {
  method: 'get',
  path: '/cases',
  operationId: 'listCases',
  tags: ['cases'],
  summary: "Cases in the caller's org subtree, found by case number, exact ID number or credit code, the start of a name or pinyin initials (`zs`), filtered and sorted",
  request: { query: Paging.merge(CaseSearch) },
  responses: { 200: jsonResponse(z.object({ items: z.array(CaseSummary), total: z.number().int() }), 'Cases') },
});

const exportRoute = secureRoute('cases.read', {
  method: 'get',
  path: '/cases/export',
  operationId: 'exportCases',
  tags: ['cases'],
  summary: `The cases a search finds (as \`GET /cases\` filters and sorts them) as CSV (UTF-8 with BOM) or XLSX, at most ${CASE_EXPORT_MAX}; ID numbers in full only for caseworkers and reviewers, recorded in the access log`,
  request: { query: CaseSearch.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }) },
  responses: {
    200: { description: 'File', content: { 'text/csv': { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
  },
});

const getRoute = secureRoute('cases.read', {
  method: 'get',
  path: '/cases/{id}',
  operationId: 'getCase',
  tags: ['cases'],
  summary: 'One case, with the actions the caller may take now',
  request: { params: IdParam },
  responses: { 200: jsonResponse(CaseDetail, 'The case'), ...errorResponses(404) },
});

const eventRoute = secureRoute('cases.act', {
  method: 'post',
  path: '/cases/{id}/events',
  operationId: 'sendCaseEvent',
  tags: ['cases'],
  summary: 'Take an action on a case: one transaction, or nothing',
  request: { params: IdParam, body: jsonBody(CaseEvent) },
  responses: { 200: jsonResponse(CaseDetail, 'The case after the step'), ...errorResponses(404, 409, 413, 422, 502, 503) },
});

const historyRoute = secureRoute('cases.read', {
  method: 'get',
  path: '/cases/{id}/history',
  operationId: 'getCaseHistory',
  tags: ['cases'],
  summary: 'Every step of a case (the performance records), and every move of its deadlines after a calendar change',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(z.object({ caseId: z.string(), caseNo: z.string(), items: z.array(HistoryItem), deadlineMoves: z.array(DeadlineMove) }), 'History'),
    ...errorResponses(404),
  },
});

const linksRoute = secureRoute('cases.read', {
  method: 'get',
  path: '/cases/{id}/links',
  operationId: 'listCaseLinks',
  tags: ['cases'],
  summary: "Cases linked to this one by coordination, both ways, within the caller's org subtree",
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(CaseLink) }), 'Linked cases'), ...errorResponses(404) },
});

const objectionsRoute = secureRoute('cases.read', {
  method: 'get',
  path: '/cases/{id}/objections',
  operationId: 'listCaseObjections',
  tags: ['cases'],
  summary: "Objections sent from the public site to the case's public notices (公示异议): who, when and why",
  request: { params: IdParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(z.object({ id: z.string(), receivedAt: z.string(), name: z.string(), phone: z.string(), reason: z.string() })) }), 'Objections, oldest first'),
    ...errorResponses(404),
  },
});

/** Cases: open, search, export, read, act, history, linked cases, objections to their notices. */
export function caseRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(startRoute, async (c) => c.json(await startCase(rt, c.get('user'), c.req.valid('json')), 201))
    .openapi(exportRoute, async (c) => {
      const { format, ...query } = c.req.valid('query');
      const file = await exportCases(rt, c.get('user'), query, format, c.get('origin'));
      return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"` });
    })
    .openapi(listRoute, async (c) => c.json(await listCases(rt, c.get('user'), c.req.valid('query')), 200))
    .openapi(getRoute, async (c) => c.json(await getCase(rt, c.get('user'), c.req.valid('param').id, c.get('origin')), 200))
    .openapi(eventRoute, async (c) => c.json(await sendEvent(rt, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(historyRoute, async (c) => c.json(await caseHistory(rt, c.get('user'), c.req.valid('param').id, c.get('origin')), 200))
    .openapi(linksRoute, async (c) => c.json(await linkedCases(rt, c.get('user'), c.req.valid('param').id), 200))
    .openapi(objectionsRoute, async (c) => c.json(await caseObjections(rt, c.get('user'), c.req.valid('param').id, c.get('origin')), 200));
}
