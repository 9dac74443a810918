import { z } from 'zod';
import { PlatformError, type CalendarDay, type LocalizedText } from '../../engine/index.ts';
import { nationalNoticeTitle, type YearSchedule } from './year-schedule.ts';

/** The columns of a schedule CSV, in this order: one line per day, the notice repeated or left blank after its first line. */
export const SCHEDULE_CSV_HEADER = 'year,notice_number,notice_date,date,kind,name';

const kinds: Record<string, CalendarDay['kind']> = { holiday: 'holiday', workday: 'workday', 休: 'holiday', 放假: 'holiday', 班: 'workday', 上班: 'workday' };

/** A day as entered: a date, holiday or make-up working day, and its name. */
export const calendarDaySchema = z.object({ date: z.string().max(10), kind: z.enum(['holiday', 'workday']), name: z.string().trim().max(40) }).strict();

/** A year's schedule as entered or imported; the notice title defaults to the State Council's. */
export const yearScheduleSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    notice: z
      .object({
        number: z.string().trim().max(80).nullable().optional(),
        title: z.string().trim().min(1).max(200).optional(),
        date: z.string().max(10).nullable().optional(),
      })
      .strict()
      .optional(),
    days: z.array(calendarDaySchema).max(400),
  })
  .strict();

/** A year's schedule as the form or a file gives it, with the notice filled in. */
export function toYearSchedule(input: z.output<typeof yearScheduleSchema>): YearSchedule {
  const notice = input.notice ?? {};
  return { year: input.year, notice: { number: notice.number || null, title: notice.title ?? nationalNoticeTitle(input.year), date: notice.date || null }, days: input.days };
}

/** An imported JSON file: one year's schedule, a list of them, or `{ schedules: [...] }`. */
const scheduleFileSchema = z.union([
  yearScheduleSchema.transform((s) => [s]),
  z.array(yearScheduleSchema).min(1),
  z.object({ schedules: z.array(yearScheduleSchema).min(1) }).strict().transform((f) => f.schedules),
]);

function invalid(reason: LocalizedText, details: Record<string, unknown>): PlatformError {
  return new PlatformError('CALENDAR_INVALID', { message: reason, details });
}

function fromJson(content: string): YearSchedule[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw invalid({ 'zh-CN': '文件不是有效的 JSON', en: 'The file is not valid JSON' }, {});
  }
  const result = scheduleFileSchema.safeParse(parsed);
  if (!result.success) {
    throw invalid({ 'zh-CN': 'JSON 文件的内容不是节假日安排', en: 'The JSON file does not hold holiday schedules' }, { issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return result.data.map(toYearSchedule);
}

function fromCsv(content: string): YearSchedule[] {
  const lines = content.split(/\r?\n/);
  if (lines[0]?.trim().replace(/\s/g, '') !== SCHEDULE_CSV_HEADER) {
    throw invalid({ 'zh-CN': `CSV 文件首行应为：${SCHEDULE_CSV_HEADER}`, en: `The first line of the CSV file must be: ${SCHEDULE_CSV_HEADER}` }, { header: lines[0] ?? '' });
  }
  const years = new Map<number, YearSchedule>();
  for (const [index, raw] of lines.entries()) {
    if (index === 0 || raw.trim() === '') continue;
    const fields = raw.split(',').map((f) => f.trim());
    const [year, number = '', date = '', day = '', kind = '', name = ''] = fields;
    const line = index + 1;
    if (fields.length !== 6 || !/^\d{4}$/.test(year!) || !kinds[kind]) {
      throw invalid({ 'zh-CN': `第 ${line} 行格式有误`, en: `Line ${line} is malformed` }, { line, raw });
    }
    const schedule = years.get(Number(year)) ?? { year: Number(year), notice: { number: null, title: nationalNoticeTitle(Number(year)), date: null }, days: [] };
    if (number) schedule.notice.number ??= number;
    if (date) schedule.notice.date ??= date;
    if ((number && schedule.notice.number !== number) || (date && schedule.notice.date !== date)) {
      throw invalid({ 'zh-CN': `第 ${line} 行的通知文号或日期与同年前面的行不一致`, en: `Line ${line} names another notice than earlier lines of its year` }, { line, raw });
    }
    schedule.days.push({ date: day, kind: kinds[kind]!, name });
    years.set(schedule.year, schedule);
  }
  if (years.size === 0) throw invalid({ 'zh-CN': 'CSV 文件没有任何日期', en: 'The CSV file lists no day' }, {});
  return [...years.values()];
}

/** The schedules in an imported file: JSON (one schedule, a list, or `{schedules}`) or CSV with {@link SCHEDULE_CSV_HEADER}. */
export function parseScheduleFile(content: string): YearSchedule[] {
  const text = content.replace(/^\uFEFF/, '').trim();
  return text.startsWith('{') || text.startsWith('[') ? fromJson(text) : fromCsv(text);
}
