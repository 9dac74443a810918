import { PlatformError, type CalendarDay, type LocalizedText, type WorkingCalendar } from '../../engine/index.ts';

/** The document a year's schedule comes from: the State Council's notice, or a province's regulation. */
export interface Notice {
  /** 文号, e.g. 国办发明电〔2025〕7号; null where it is not known. */
  number: string | null;
  title: string;
  /** The date printed on the notice; null where it is not known. */
  date: string | null;
}

/** One year's schedule as a level keeps it: the State Council's for the country, or a province's own holidays. */
export interface YearSchedule {
  year: number;
  notice: Notice;
  days: CalendarDay[];
}

/** The title every State Council schedule carries. */
export function nationalNoticeTitle(year: number): string {
  return `国务院办公厅关于${year}年部分节假日安排的通知`;
}

/**
 * The calendar a case counts with: the national schedules, and on top the holidays of the case's
 * province (a provincial holiday on a national make-up day is a day off there). Only national
 * schedules make a year scheduled.
 */
export function composeCalendar(version: number, national: readonly YearSchedule[], provincial: readonly YearSchedule[]): WorkingCalendar {
  return {
    version,
    scheduledYears: national.map((s) => s.year).sort((a, b) => a - b),
    days: [...national.flatMap((s) => s.days), ...provincial.flatMap((s) => s.days)],
  };
}

/** One thing wrong with a schedule as entered, named by where it is. */
export interface ScheduleProblem {
  element: string;
  reason: LocalizedText;
}

function isRealDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function dayProblems(schedule: YearSchedule, level: 'national' | 'provincial'): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const seen = new Set<string>();
  // A notice may set the New Year's days at the end of the December before its year.
  const earliest = `${schedule.year - 1}-12-01`;
  const latest = `${schedule.year}-12-31`;
  for (const [index, day] of schedule.days.entries()) {
    const element = `days[${index}]`;
    if (!isRealDate(day.date)) {
      problems.push({ element, reason: { 'zh-CN': `日期 ${day.date} 不是有效日期`, en: `${day.date} is not a date` } });
      continue;
    }
    if (day.date < earliest || day.date > latest) {
      problems.push({ element, reason: { 'zh-CN': `日期 ${day.date} 不属于 ${schedule.year} 年的安排`, en: `${day.date} is outside the ${schedule.year} schedule` } });
    }
    if (seen.has(day.date)) problems.push({ element, reason: { 'zh-CN': `日期 ${day.date} 重复`, en: `${day.date} is listed twice` } });
    seen.add(day.date);
    if (level === 'provincial' && day.kind !== 'holiday') {
      problems.push({ element, reason: { 'zh-CN': `省级只能增加节假日，${day.date} 不能设为调休上班`, en: `A province may only add holidays; ${day.date} cannot be a make-up working day` } });
    } else if (day.kind === 'workday' && !isWeekend(day.date)) {
      problems.push({ element, reason: { 'zh-CN': `调休上班日 ${day.date} 不是周末`, en: `The make-up working day ${day.date} is not a weekend day` } });
    }
    if (day.name.trim() === '') problems.push({ element, reason: { 'zh-CN': `${day.date} 缺少节日名称`, en: `${day.date} has no name` } });
  }
  return problems;
}

/**
 * Checks a year's schedule before it becomes a calendar version: real dates of that year (or the
 * December before it), each once, make-up working days on weekends only, at least one holiday in
 * the State Council's, holidays only in a province's. Throws `CALENDAR_INVALID` with every problem.
 */
export function checkSchedule(schedule: YearSchedule, level: 'national' | 'provincial'): void {
  const problems = dayProblems(schedule, level);
  // A province may withdraw all its holidays of a year; the State Council's schedule always has some.
  if (level === 'national' && !schedule.days.some((day) => day.kind === 'holiday')) {
    problems.push({ element: 'days', reason: { 'zh-CN': '安排中没有任何节假日', en: 'The schedule has no holiday' } });
  }
  if (schedule.notice.date !== null && !isRealDate(schedule.notice.date)) {
    problems.push({ element: 'notice.date', reason: { 'zh-CN': `发布日期 ${schedule.notice.date} 不是有效日期`, en: `${schedule.notice.date} is not a date` } });
  }
  if (problems.length > 0) throw new PlatformError('CALENDAR_INVALID', { details: { year: schedule.year, problems } });
}

/** The days of a schedule in date order, so that equal schedules compare equal. */
export function sortedDays(days: readonly CalendarDay[]): CalendarDay[] {
  return [...days].sort((a, b) => a.date.localeCompare(b.date));
}
