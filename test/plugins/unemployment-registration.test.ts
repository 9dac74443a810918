import { describe, expect, it } from 'vitest';
import { chinaDate, compile, isPlatformError, start, step, type CaseData } from '../../engine/index.ts';
import { calendar } from '../support/calendar.ts';
import { parametersOn, violatedRules } from '../support/engine-assertions.ts';
import { ministryPackage } from '../support/packages.ts';
import { caseworker } from '../engine/fixtures.ts';

const unemploymentRegistration = ministryPackage('unemployment-registration');
const compiled = compile(unemploymentRegistration.definitions[0], unemploymentRegistration.implementations);
const parameters = parametersOn(unemploymentRegistration, '2026-10-12');
const registry = { employed: false, unemployed: false };
const form = { category: 'school-leaver', unemployedSince: '2026-07-01', phone: '13800138000', residenceArea: '350203', education: '70' };

/** Submits the registration of a person at an instant: the new state, or the rules that refused it. */
function submit(person: { birthDate: string; gender: 'male' | 'female' }, retirementCategory: string, now: string): string | string[] {
  const created = start(compiled, { actor: caseworker, calendar, now: '2024-01-02T02:00:00.000Z' });
  // Unemployed since the day of the step: a date after it is refused by the form's bound.
  const data: CaseData = { ...form, unemployedSince: chinaDate(now), retirementCategory };
  try {
    return step(compiled, { snapshot: created.snapshot, event: { type: 'submit', data }, actor: caseworker, calendar, now, facts: { subject: person, registry }, parameters }).snapshot.state;
  } catch (error) {
    if (isPlatformError(error, 'RULE_VIOLATION')) return violatedRules(error);
    throw error;
  }
}

/** The last millisecond of a China day and the first of the next: 16:00 UTC is midnight in Beijing. */
function aroundMidnightBefore(day: string): [string, string] {
  const midnight = Date.parse(`${day}T00:00:00+08:00`);
  return [new Date(midnight - 1).toISOString(), new Date(midnight).toISOString()];
}

describe('unemployment-registration: working age in CEL (ageOn, retirementMonth), on China days', () => {
  it('registers from the 16th birthday, China time: refused at 23:59:59.999 the day before, accepted at 00:00, 16:00 UTC', () => {
    const boy = { birthDate: '2010-10-12', gender: 'male' } as const;
    const [before, at] = aroundMidnightBefore('2026-10-12');
    expect(at).toBe('2026-10-11T16:00:00.000Z');
    // Unemployed since a day before he turned 16: that date is refused as well.
    expect(submit(boy, 'male-60', before)).toEqual(['working-age', 'unemployed-since-of-working-age']);
    expect(submit(boy, 'male-60', at)).toBe('submitted');
    // 07:59 in Beijing on the birthday is still the day before in UTC: the birthday counts.
    expect(submit(boy, 'male-60', '2026-10-11T23:59:00.000Z')).toBe('submitted');
  });

  it('counts the 16th birthday of someone born on 29 February on that day, which always falls in a leap year', () => {
    // (A common year's 1 March is the library's rule for other ages: test/engine/cel-library.test.ts.)
    const girl = { birthDate: '2008-02-29', gender: 'female' } as const;
    const [before, on29] = aroundMidnightBefore('2024-02-29');
    expect(submit(girl, 'female-50', before)).toEqual(['working-age', 'unemployed-since-of-working-age']);
    expect(submit(girl, 'female-50', on29)).toBe('submitted');
  });

  it('refuses from the first day of the statutory retirement month, China time', () => {
    // A man born 1965-12 retires in 2026-03 under the gradual delay (60 years 3 months).
    const man = { birthDate: '1965-12-15', gender: 'male' } as const;
    const [lastOfFebruary, firstOfMarch] = aroundMidnightBefore('2026-03-01');
    expect(submit(man, 'male-60', lastOfFebruary)).toBe('submitted');
    expect(submit(man, 'male-60', firstOfMarch)).toEqual(['working-age']);
  });

  it("takes a woman's retirement month from her declared category, and a man's always from 60", () => {
    // Born 1975-03: a worker (50) retired in 2025-05; a cadre (55) retires in 2031-07.
    const woman = { birthDate: '1975-03-20', gender: 'female' } as const;
    const now = '2026-10-12T02:00:00.000Z';
    expect(submit(woman, 'female-50', now)).toEqual(['working-age']);
    expect(submit(woman, 'female-55', now)).toBe('submitted');
    // A woman declared in the men's category has no retirement month: refused.
    expect(submit(woman, 'male-60', now)).toEqual(['working-age']);
    // A man declared as a woman worker is still in the 60 category.
    expect(submit({ birthDate: '1975-03-20', gender: 'male' }, 'female-50', now)).toBe('submitted');
  });
});
