import { describe, expect, it } from 'vitest';
import { addDays, isWorkingDay } from '../../engine/index.ts';
import { OPENING_WORKING_DAYS, STORY_WORKING_DAYS, storyDays } from '../../runtime/seed/demo-scenes/story.ts';
import { calendar, calendarWith2027 } from '../support/calendar.ts';

/** The quarter (`YYYY-Qn`) of a date, or of the one `offset` quarters away. */
function quarterOf(date: string, offset = 0): string {
  const index = Number(date.slice(0, 4)) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3) + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** Every date from `from` to `to`, both included. */
function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

describe('the demo story\'s working days', () => {
  it('late in a quarter, opens in the last ended one with a lead-in; the acts keep their 52 working days before today', () => {
    // 2026-12-20: the 52 working days begin on 9 October, after National Day; the opening goes
    // back into 2026-Q3, over the Mid-Autumn Festival (25 September).
    const late = storyDays(calendar, '2026-12-20');
    expect(late.days.slice(0, OPENING_WORKING_DAYS)).toEqual(['2026-09-24', '2026-09-28', '2026-09-29', '2026-09-30']);
    expect(late.days[late.lead]).toBe('2026-10-09');
    expect(late.days.at(-1)).toBe('2026-12-18');
    expect(late.days).toHaveLength(STORY_WORKING_DAYS + late.lead);

    // Early in a quarter the 52 working days already begin in the one before: no lead-in.
    const early = storyDays(calendar, '2026-11-02');
    expect(early.lead).toBe(0);
    expect(early.days).toHaveLength(STORY_WORKING_DAYS);
    expect(early.days[0]).toBe('2026-08-14');
    expect(early.days.at(-1)).toBe('2026-10-30');
  });

  it.each([
    ['2026-12-20', '2026-Q3'],
    ['2027-03-25', '2026-Q4'],
    ['2027-01-02', '2026-Q4'],
  ])('on %s, its opening day 3 (a job seeker registers) is in %s', (today, quarter) => {
    for (const cal of [calendar, calendarWith2027]) expect(quarterOf(storyDays(cal, today).days[3]!)).toBe(quarter);
  });

  it('on every day of 2026 and 2027: the opening in the last ended quarter, the acts on the 52 working days before today', () => {
    for (const today of datesFrom('2026-01-01', '2027-12-31')) {
      const { days, lead } = storyDays(calendarWith2027, today);
      expect(quarterOf(days[3]!), today).toBe(quarterOf(today, -1));
      const acts = days.slice(lead);
      expect(acts, today).toHaveLength(STORY_WORKING_DAYS);
      expect(acts.every((day) => isWorkingDay(calendarWith2027, day)), today).toBe(true);
      // The last act's day is the last working day before today.
      expect(datesFrom(addDays(acts.at(-1)!, 1), addDays(today, -1)).filter((day) => isWorkingDay(calendarWith2027, day)), today).toEqual([]);
      expect(acts.at(-1)! < today, today).toBe(true);
      // A lead-in only when the acts' days would begin after the opening's.
      if (lead > 0) expect(quarterOf(acts[3]!), today).toBe(quarterOf(today));
    }
  });
});
