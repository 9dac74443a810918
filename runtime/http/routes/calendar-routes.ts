import { z } from '@hono/zod-openapi';
import {
  calendarDaySchema,
  calendarOverview,
  enterNationalSchedules,
  enterProvincialHolidays,
  parseScheduleFile,
  SCHEDULE_CSV_HEADER,
  toYearSchedule,
  yearCalendar,
  yearScheduleSchema,
  type ScheduleChange,
} from '../../calendar/index.ts';
import { followCalendar } from '../../deadlines/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { JsonObject, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const tags = ['calendar'];
const yearParam = z.coerce.number().int().min(2000).max(2100).openapi({ param: { name: 'year', in: 'path' }, example: 2027 });
const Notice = yearScheduleSchema.shape.notice;
const dryRun = z.boolean().default(false).openapi({ description: 'Check and show what would change; write nothing' });

const Day = calendarDaySchema;
const Status = z
  .object({
    version: z.number().int(),
    lastScheduledYear: z.number().int().nullable(),
    missingYears: z.array(z.number().int()).openapi({ description: 'This year, and from 1 November next year, when their schedule is missing: deadlines there are provisional' }),
  })
  .openapi('CalendarStatus');
const Diff = z.object({ added: z.array(Day), removed: z.array(Day), changed: z.array(z.object({ date: z.string(), before: Day, after: Day })), changedFrom: z.string().nullable() });
const Change = z
  .object({ scope: z.string(), year: z.number().int(), version: z.number().int().nullable(), notice: JsonObject, diff: Diff, changes: z.boolean() })
  .openapi('ScheduleChange');
const FollowUp = z
  .object({ calendarVersion: z.number().int(), unaffected: z.number().int(), cases: z.number().int(), moved: z.number().int(), recalculatedRecords: z.number().int() })
  .openapi('CalendarFollowUp', { description: 'Open deadlines counted again and moved, provisional records judged again' });
const ChangeResult = z.object({ changes: z.array(Change), followUp: FollowUp.nullable() }).openapi('ScheduleChangeResult');

/** A year's schedule as the calendar lists it: its notice, how many days of each kind, and who entered the version. */
const summaryShape = {
  year: z.number().int(),
  version: z.number().int(),
  notice: z
    .object({ number: z.string().nullable().openapi({ description: '文号; null where it is not known' }), title: z.string(), date: z.string().nullable() })
    .openapi('ScheduleNotice'),
  holidays: z.number().int(),
  workdays: z.number().int(),
  source: z.string().openapi({ description: 'Where it came from: the bundled package, the form, or an imported file' }),
  enteredAt: z.string(),
  enteredBy: z.string().nullable().openapi({ description: 'The name of who entered it; null: the platform' }),
};
const YearSummary = z.object(summaryShape).openapi('YearScheduleSummary');
// Spelled out and unnamed: an extended component is written as allOf, and a nullable named one is nullable wherever it is used.
const YearSchedule = z.object({ ...summaryShape, days: z.array(Day) });
const Overview = z
  .object({ status: Status, national: z.array(YearSummary), province: z.object({ id: z.string(), years: z.array(YearSummary) }).nullable() })
  .openapi('CalendarOverview');
const Year = z
  .object({
    year: z.number().int(),
    national: YearSchedule.nullable(),
    province: z.object({ id: z.string(), schedule: YearSchedule.nullable() }).nullable(),
    history: z.array(z.object({ scope: z.string(), ...summaryShape, changedFrom: z.string().nullable() })).openapi({ description: 'Every version entered, oldest first' }),
  })
  .openapi('YearCalendar');

const overviewRoute = secureRoute('calendar.read', {
  method: 'get',
  path: '/calendar',
  operationId: 'getCalendar',
  tags,
  summary: "The working-day calendar: whether it covers this year (and from 1 November next year), the State Council's schedule of each year, the caller's province's own holidays",
  responses: { 200: jsonResponse(Overview, 'Calendar') },
});

const yearRoute = secureRoute('calendar.read', {
  method: 'get',
  path: '/calendar/years/{year}',
  operationId: 'getCalendarYear',
  tags,
  summary: "One year's holidays and make-up working days, national and provincial, with every version entered",
  request: { params: z.object({ year: yearParam }) },
  responses: { 200: jsonResponse(Year, 'Year'), ...errorResponses(404) },
});

const enterRoute = secureRoute('calendar.national', {
  method: 'put',
  path: '/calendar/years/{year}',
  operationId: 'setCalendarYear',
  tags,
  summary: "Enter or correct the State Council's schedule of a year (ministry administrators): a new calendar version; open deadlines are counted again",
  request: { params: z.object({ year: yearParam }), body: jsonBody(z.object({ notice: Notice, days: z.array(calendarDaySchema).max(400), dryRun }).strict()) },
  responses: { 200: jsonResponse(ChangeResult, 'Entered, or checked on a dry run'), ...errorResponses(422) },
});

const importRoute = secureRoute('calendar.national', {
  method: 'post',
  path: '/calendar/import',
  operationId: 'importCalendar',
  tags,
  summary: `Import the State Council's schedules of one or more years from a file (ministry administrators): JSON as \`GET /calendar/years/{year}\` gives a schedule, or CSV with the header ${SCHEDULE_CSV_HEADER}; every year or none`,
  request: { body: jsonBody(z.object({ fileName: z.string().max(200), content: z.string().min(1).max(200_000), dryRun }).strict()) },
  responses: { 200: jsonResponse(ChangeResult, 'Imported, or checked on a dry run'), ...errorResponses(422) },
});

const provinceRoute = secureRoute('calendar.provincial', {
  method: 'put',
  path: '/calendar/provinces/{provinceId}/years/{year}',
  operationId: 'setProvinceHolidays',
  tags,
  summary: "Set a province's own holidays of a year (the province's administrators), where law allows: they apply to its cities only",
  request: {
    params: z.object({ provinceId: z.string().regex(/^\d{6}$/).openapi({ param: { name: 'provinceId', in: 'path' }, example: '350000' }), year: yearParam }),
    body: jsonBody(
      z
        .object({
          notice: z.object({ number: z.string().trim().max(80).nullable().optional(), title: z.string().trim().min(1).max(200), date: z.string().max(10).nullable().optional() }).strict().openapi({ description: 'The provincial regulation or notice the holidays come from' }),
          days: z.array(calendarDaySchema).max(60),
          dryRun,
        })
        .strict(),
    ),
  },
  responses: { 200: jsonResponse(ChangeResult, 'Set, or checked on a dry run'), ...errorResponses(422) },
});

/** After a change is committed, deadlines and records follow it at once (the timer worker would, on its next round). */
async function withFollowUp(rt: RuntimeContext, changes: ScheduleChange[]) {
  const changed = changes.some((c) => c.version !== null);
  return { changes, followUp: changed ? await followCalendar(rt) : null };
}

/** The working-day calendar: read by everyone signed in; the State Council's schedules kept by the ministry, provincial holidays by provinces. */
export function calendarRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(overviewRoute, async (c) => c.json(await calendarOverview(rt, c.get('user')), 200))
    .openapi(yearRoute, async (c) => c.json(await yearCalendar(rt, c.get('user'), c.req.valid('param').year), 200))
    .openapi(enterRoute, async (c) => {
      const { year } = c.req.valid('param');
      const { dryRun, ...body } = c.req.valid('json');
      const changes = await enterNationalSchedules(rt, c.get('user'), [toYearSchedule({ year, ...body })], { source: 'form', dryRun });
      return c.json(await withFollowUp(rt, changes), 200);
    })
    .openapi(importRoute, async (c) => {
      const { fileName, content, dryRun } = c.req.valid('json');
      const changes = await enterNationalSchedules(rt, c.get('user'), parseScheduleFile(content), { source: `import:${fileName}`, dryRun });
      return c.json(await withFollowUp(rt, changes), 200);
    })
    .openapi(provinceRoute, async (c) => {
      const { provinceId, year } = c.req.valid('param');
      const { dryRun, ...body } = c.req.valid('json');
      const change = await enterProvincialHolidays(rt, c.get('user'), provinceId, toYearSchedule({ year, ...body }), { dryRun });
      return c.json(await withFollowUp(rt, [change]), 200);
    });
}
