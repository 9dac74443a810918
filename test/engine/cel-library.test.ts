import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, celLibrary, celProblems, daysBetween, evaluateCel, isDay, monthsBetween, type ConditionScope } from '../../engine/index.ts';
import { calendar } from '../support/calendar.ts';

/** The scope of a step at `now`, with data the expression reads. */
function scope(now: string, data: Record<string, unknown> = {}, parameters: Record<string, unknown> = {}): ConditionScope {
  return { data, form: data, facts: {}, parameters, now, calendar };
}

/** Whether a condition holds at an instant that plays no part, as the plain functions are read. */
const holds = (expression: string, data: Record<string, unknown> = {}) => evaluateCel(expression, scope('2026-10-12T02:00:00.000Z', data));

describe('CEL library: chinaDay', () => {
  it('gives the day in China: from 00:00 to 08:00 China time UTC is still on the day before', () => {
    expect(evaluateCel("chinaDay(now) == '2026-09-30'", scope('2026-09-30T15:59:59.999Z'))).toBe(true);
    expect(evaluateCel("chinaDay(now) == '2026-10-01'", scope('2026-09-30T16:00:00.000Z'))).toBe(true);
    expect(evaluateCel("chinaDay(now) == '2026-10-01'", scope('2026-10-01T15:59:59.999Z'))).toBe(true);
    // An instant written with its offset, and a CEL timestamp.
    expect(holds("chinaDay('2026-10-01T07:59:00+08:00') == '2026-10-01'")).toBe(true);
    expect(evaluateCel("chinaDay(timestamp(now)) == '2026-10-01'", scope('2026-09-30T16:00:00.000Z'))).toBe(true);
  });

  it('fails the condition on something that is not an instant', () => {
    expect(holds("chinaDay('yesterday') != ''")).toBe(false);
  });
});

describe('CEL library: ageOn', () => {
  it('completes a year on the birthday, not the day before', () => {
    expect(holds("ageOn('2010-10-12', '2026-10-12') == 16")).toBe(true);
    expect(holds("ageOn('2010-10-12', '2026-10-11') == 15")).toBe(true);
    expect(holds("ageOn('2010-10-12', '2010-10-12') == 0")).toBe(true);
  });

  it('completes a year of someone born on 29 February on 1 March in a common year, on 29 February in a leap year', () => {
    expect([ageOn('2008-02-29', '2025-02-28'), ageOn('2008-02-29', '2025-03-01')]).toEqual([16, 17]);
    expect([ageOn('2008-02-29', '2024-02-28'), ageOn('2008-02-29', '2024-02-29')]).toEqual([15, 16]);
  });

  it('reads the birthday of the step in China time: 00:00 China time on the 16th birthday is 16:00 UTC the day before', () => {
    const sixteen = 'ageOn(data.birthDate, chinaDay(now)) >= 16';
    expect(evaluateCel(sixteen, scope('2026-10-11T15:59:59.999Z', { birthDate: '2010-10-12' }))).toBe(false);
    expect(evaluateCel(sixteen, scope('2026-10-11T16:00:00.000Z', { birthDate: '2010-10-12' }))).toBe(true);
  });

  it('fails the condition on a day that does not exist or a missing birth date', () => {
    expect(holds("ageOn('2010-02-30', '2026-10-12') >= 0")).toBe(false);
    expect(holds('ageOn(data.birthDate, chinaDay(now)) >= 0')).toBe(false);
    expect(() => ageOn('2010-10-12', '12/10/2026')).toThrow(RangeError);
  });
});

describe('CEL library: addDays, addMonths, daysBetween, monthsBetween, monthOf', () => {
  it('adds days across month, year and leap-day ends, and subtracts them', () => {
    expect(holds("addDays('2028-02-28', 1) == '2028-02-29' && addDays('2027-02-28', 1) == '2027-03-01'")).toBe(true);
    expect(holds("addDays('2026-12-31', 1) == '2027-01-01' && addDays('2026-03-01', -1) == '2026-02-28'")).toBe(true);
  });

  it('adds months to the same day, or the last day of a shorter month', () => {
    expect(holds("addMonths('2026-01-31', 1) == '2026-02-28' && addMonths('2028-01-31', 1) == '2028-02-29'")).toBe(true);
    expect(holds("addMonths('2028-02-29', 12) == '2029-02-28' && addMonths('2026-08-31', -2) == '2026-06-30'")).toBe(true);
    expect(holds("addMonths('2026-11-15', 2) == '2027-01-15'")).toBe(true);
  });

  it('takes a count from case data or parameters (a JSON number) as from a literal, but only a whole one', () => {
    expect(holds("addMonths('2026-01-31', data.months) == '2026-02-28'", { months: 1 })).toBe(true);
    expect(holds("addMonths('2026-01-31', data.months) != ''", { months: 1.5 })).toBe(false);
    expect(holds("addDays('2026-01-31', data.days) == '2026-02-01'", { days: 1 })).toBe(true);
  });

  it('counts days between two days: 0 on the same day, through a leap day, negative backwards', () => {
    expect([daysBetween('2026-10-12', '2026-10-12'), daysBetween('2028-02-28', '2028-03-01'), daysBetween('2027-02-28', '2027-03-01'), daysBetween('2026-10-12', '2026-10-11')]).toEqual([0, 2, 1, -1]);
    // The 90 days of a posting valid from 1 October, counting both ends, end on 29 December.
    expect(holds("daysBetween('2026-10-01', '2026-12-29') + 1 == 90")).toBe(true);
  });

  it('counts calendar months between the months of two days or months, the days not counting', () => {
    expect([monthsBetween('2026-01-31', '2026-02-01'), monthsBetween('2026-02-01', '2026-02-28'), monthsBetween('2026-07-15', '2029-06'), monthsBetween('2026-07', '2026-06')]).toEqual([1, 0, 35, -1]);
    expect(holds("monthsBetween('2026-12', '2027-01-31') == 1")).toBe(true);
    expect(holds("monthOf('2026-02-28') == '2026-02' && monthOf('2026-02') == '2026-02'")).toBe(true);
    expect(holds("monthsBetween('2026-13', '2027-01') == 0")).toBe(false);
  });
});

describe('CEL library: quarters', () => {
  it('gives the first and last day of a quarter, a leap February included', () => {
    expect(holds("quarterFirstDay('2028-Q1') == '2028-01-01' && quarterLastDay('2028-Q1') == '2028-03-31'")).toBe(true);
    expect(holds("quarterFirstDay('2026-Q4') == '2026-10-01' && quarterLastDay('2026-Q2') == '2026-06-30'")).toBe(true);
    expect(holds("quarterLastDay('2026-Q5') != ''")).toBe(false);
  });
});

describe('CEL library: the statutory retirement age', () => {
  it('gives the retirement month by the gradual delay, the birth day not counting', () => {
    // Worked examples from shared/data/retirement-age-2025.md.
    expect(holds("retirementMonth('1964-12-31', 'male-60') == '2024-12' && retirementMonth('1965-01-01', 'male-60') == '2025-02'")).toBe(true);
    expect(holds("retirementMonth('1976-09', 'male-60') == '2039-09' && retirementMonth('1971-04-10', 'female-55') == '2026-08'")).toBe(true);
    expect(holds("retirementMonth('1984-11-30', 'female-50') == '2039-11' && retirementMonth('1974-12-01', 'female-50') == '2024-12'")).toBe(true);
  });

  it('gives the day the age is reached, in the retirement month, the last day of a shorter month', () => {
    // Born 1965-01-31, a man retires at 60 years 1 month: February 2025 has no 31st.
    expect(holds("retirementDay('1965-01-31', 'male-60') == '2025-02-28'")).toBe(true);
    expect(holds("retirementDay('1970-06-15', 'male-60') == '2031-11-15'")).toBe(true);
    // Born on 29 February 1976, she retires as a worker (50) at 50 years 7 months, on 29 September 2026.
    expect(holds("retirementDay('1976-02-29', 'female-50') == '2026-09-29' && monthOf(retirementDay('1976-02-29', 'female-50')) == retirementMonth('1976-02-29', 'female-50')")).toBe(true);
  });

  it('puts every man in the 60 category and a woman in the one declared, refusing a woman declared as a man', () => {
    expect(holds("retirementCategory('male', 'female-50') == 'male-60'")).toBe(true);
    expect(holds("retirementCategory('female', 'female-55') == 'female-55'")).toBe(true);
    expect(holds("retirementCategory('female', 'male-60') != ''")).toBe(false);
    expect(holds("retirementCategory('unknown', 'female-55') != ''")).toBe(false);
    expect(holds("retirementMonth('1970-01', 'female-65') != ''")).toBe(false);
  });

  it('counts a person retired from the first day of the retirement month, China time', () => {
    // A man born 1965-12 retires in 2026-03: 00:00 on 1 March in China is 16:00 UTC on 28 February.
    const working = "monthOf(chinaDay(now)) < retirementMonth('1965-12-15', 'male-60')";
    expect(evaluateCel(working, scope('2026-02-28T15:59:59.999Z'))).toBe(true);
    expect(evaluateCel(working, scope('2026-02-28T16:00:00.000Z'))).toBe(false);
  });
});

describe('CEL library: working days with the step calendar', () => {
  it('counts the working days after a day up to another, skipping the National Day holiday and counting the make-up Saturday', () => {
    // 2026-10-01..07 are holidays; Saturday 10-10 is a make-up working day.
    expect(holds("workingDaysBetween(calendar, '2026-09-30', '2026-10-08') == 1")).toBe(true);
    expect(holds("workingDaysBetween(calendar, '2026-09-30', '2026-10-10') == 3")).toBe(true);
    expect(holds("workingDaysBetween(calendar, '2026-10-12', '2026-10-12') == 0 && workingDaysBetween(calendar, '2026-10-12', '2026-10-09') == 0")).toBe(true);
  });

  it('finds the n-th working day after a day, the day itself for 0, and refuses a negative count', () => {
    expect(holds("addWorkingDays(calendar, '2026-09-30', 1) == '2026-10-08' && addWorkingDays(calendar, '2026-09-30', 3) == '2026-10-10'")).toBe(true);
    expect(holds("addWorkingDays(calendar, '2026-10-01', 0) == '2026-10-01'")).toBe(true);
    expect(holds("addWorkingDays(calendar, '2026-10-01', -1) != ''")).toBe(false);
  });

  it('fails the condition on a map that is not a calendar', () => {
    expect(holds("workingDaysBetween(data, '2026-09-30', '2026-10-08') >= 0", { version: 'x' })).toBe(false);
  });
});

describe('CEL library: its reference', () => {
  it('documents every function in zh-CN and English with an example that names it', () => {
    expect(celLibrary.length).toBeGreaterThan(10);
    for (const fn of celLibrary) {
      expect(fn.description['zh-CN'].length, fn.name).toBeGreaterThan(5);
      expect(fn.description.en.length, fn.name).toBeGreaterThan(5);
      expect(fn.example, fn.name).toContain(`${fn.name}(`);
      expect(fn.signatures.every((s) => s.startsWith(`${fn.name}(`)), fn.name).toBe(true);
      expect(celProblems(fn.example), fn.name).toEqual([]);
    }
  });

  it('gives day strings their own check', () => {
    expect(['2028-02-29', '2027-02-29', '2026-04-31', '2026-4-01'].map(isDay)).toEqual([true, false, false, false]);
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });
});
