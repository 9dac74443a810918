import { createRequire } from 'node:module';
import type { CalendarDay } from '../../engine/index.ts';
import notices from './data/notices.json' with { type: 'json' };
import { nationalNoticeTitle, sortedDays, type YearSchedule } from './year-schedule.ts';

/** The package's transcription of the State Council's schedules: date -> "English name,中文名,days". */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** Which package the first start copies the schedules from. */
export const BUNDLED_SOURCE = 'chinese-days 1.5.7';

/** The year of the notice that set a day: New Year's days late in December belong to the next year's notice. */
function noticeYear(date: string, englishName: string): number {
  const year = Number(date.slice(0, 4));
  return englishName === "New Year's Day" && date.slice(5, 7) === '12' ? year + 1 : year;
}

/**
 * The State Council's schedules the `chinese-days` package holds (2004-2026), one per notice
 * year, with the notice numbers and dates of `data/notices.json` where they are known. Copied
 * into the calendar table on first start; after that the table is the calendar.
 */
export function bundledSchedules(): YearSchedule[] {
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const byYear = new Map<number, CalendarDay[]>();
  const add = (table: Record<string, string>, kind: CalendarDay['kind']) => {
    for (const [date, label] of Object.entries(table)) {
      const [english = '', chinese = english] = label.split(',');
      const year = noticeYear(date, english);
      byYear.set(year, [...(byYear.get(year) ?? []), { date, kind, name: chinese }]);
    }
  };
  add(data.holidays, 'holiday');
  add(data.workdays, 'workday');
  const known = notices as Record<string, { number: string | null; date: string | null }>;
  return [...byYear.entries()]
    .filter(([year]) => known[String(year)] !== undefined)
    .sort(([a], [b]) => a - b)
    .map(([year, days]) => ({ year, notice: { ...known[String(year)]!, title: nationalNoticeTitle(year) }, days: sortedDays(days) }));
}
