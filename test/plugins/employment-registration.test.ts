import { describe, expect, it } from 'vitest';
import { compile, start, type Actor } from '../../engine/index.ts';
import { calendar } from '../support/calendar.ts';
import { futureDayFields, parametersOn, refusal, stepper } from '../support/engine-assertions.ts';
import { ministryPackage } from '../support/packages.ts';

const registration = ministryPackage('employment-registration');
const compiled = compile(registration.definitions[0], registration.implementations);
const caseworker: Actor = { id: 'u-ew-1', name: '李四', role: 'caseworker', post: 'employment-window', orgUnit: 'o-1' };
const parameters = parametersOn(registration, '2026-12-04');
const act = stepper(compiled, { facts: {}, parameters });

/** 00:30 on Saturday 5 December in China, still 4 December in UTC. */
const JUST_AFTER_CHINA_MIDNIGHT = '2026-12-04T16:30:00.000Z';
const pending = () => start(compiled, { actor: caseworker, calendar, now: '2026-12-04T02:00:00.000Z', parameters }).snapshot;

describe('employment-registration (就业登记): dates are China days', () => {
  it("takes today's hire date just after midnight in China, when UTC is still on the day before", () => {
    // Before: the rule compared the date with the UTC instant as strings, and refused today's date from 00:00 to 08:00 China time.
    const hired = act(pending(), 'register', caseworker, JUST_AFTER_CHINA_MIDNIGHT, { data: { employmentForm: 'flexible', hireDate: '2026-12-05' } });
    expect(hired.snapshot.state).toBe('employed');
  });

  it('refuses a hire date after today in China, beside the field', () => {
    const error = refusal(() => act(pending(), 'register', caseworker, JUST_AFTER_CHINA_MIDNIGHT, { data: { employmentForm: 'flexible', hireDate: '2026-12-06' } }));
    expect(futureDayFields(error)).toEqual(['hireDate']);
  });
});
