import { describe, expect, it } from 'vitest';
import { daysOf, periodsOf } from '../../admin-ui/src/calendar/schedule-days.ts';
import { schedule2027 } from '../support/calendar.ts';

describe('holiday periods as a notice states them', () => {
  it('groups consecutive holidays of one name into periods, and keeps make-up days apart', () => {
    const { holidays, workdays } = periodsOf(schedule2027.days);
    expect(holidays).toEqual([
      { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', from: '2027-02-05', to: '2027-02-13' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
    ]);
    expect(workdays).toEqual([
      { name: '春节', date: '2027-02-20' },
      { name: '国庆节', date: '2027-09-26' },
      { name: '国庆节', date: '2027-10-09' },
    ]);
  });

  it('gives back the same days, in date order, and splits a period where a day or the name breaks it', () => {
    const { holidays, workdays } = periodsOf(schedule2027.days);
    expect(daysOf(holidays, workdays)).toEqual([...schedule2027.days].sort((a, b) => a.date.localeCompare(b.date)));
    const split = periodsOf([
      { date: '2027-09-15', kind: 'holiday', name: '中秋' },
      { date: '2027-09-16', kind: 'holiday', name: '国庆节' },
      { date: '2027-09-18', kind: 'holiday', name: '国庆节' },
    ]);
    expect(split.holidays.map((p) => `${p.name}:${p.from}..${p.to}`)).toEqual(['中秋:2027-09-15..2027-09-15', '国庆节:2027-09-16..2027-09-16', '国庆节:2027-09-18..2027-09-18']);
  });

  it('gives no day for a period that ends before it starts', () => {
    expect(daysOf([{ name: '春节', from: '2027-02-13', to: '2027-02-05' }], [])).toEqual([]);
  });
});
