import { describe, expect, it } from 'vitest';
import { evaluateCel, type RuleInput } from '../../engine/index.ts';
import { standardExtensions } from '../../runtime/extensions/index.ts';
import { calendar } from '../support/calendar.ts';
import { caseworker } from '../engine/fixtures.ts';
import { ministryPackage } from '../support/packages.ts';

/**
 * The date, age and number guards became CEL rules of the shipped flows in extension catalogue 2;
 * cases running on definitions published before still call the guards. Both must decide alike:
 * each rule's CEL is taken from its flow and run beside the deprecated guard on inputs at the
 * boundaries (birthdays, month ends, leap days, the retirement month, 00:00-08:00 China time).
 */

type Inputs = Partial<Pick<RuleInput, 'data' | 'facts' | 'parameters' | 'now'>>;

/** Every combination of the listed values, one object each. */
function grid<T extends Record<string, readonly unknown[]>>(axes: T): { [K in keyof T]: T[K][number] }[] {
  return Object.entries(axes).reduce<Record<string, unknown>[]>((rows, [key, values]) => rows.flatMap((row) => values.map((value) => ({ ...row, [key]: value }))), [{}]) as never;
}

/** The CEL of a rule in a shipped package's flows, found by its id. */
function celOf(packageId: string, ruleId: string): string {
  for (const definition of ministryPackage(packageId).definitions as { states: Record<string, { on?: Record<string, { rules?: { id: string; cel?: string }[] }> }> }[]) {
    for (const state of Object.values(definition.states)) {
      for (const transition of Object.values(state.on ?? {})) {
        const rule = transition.rules?.find((r) => r.id === ruleId);
        if (rule?.cel) return rule.cel;
      }
    }
  }
  throw new Error(`no CEL rule ${ruleId} in ${packageId}`);
}

/** Runs the guard and the rule's CEL on every input; both outcomes must occur, so the vectors cross the boundary. */
function expectAgreement(guardName: string, packageId: string, ruleId: string, inputs: readonly Inputs[]) {
  const guard = standardExtensions.guards[guardName]!;
  const cel = celOf(packageId, ruleId);
  const outcomes = new Set<boolean>();
  for (const input of inputs) {
    const data = input.data ?? {};
    const scope: RuleInput = { data, form: data, facts: input.facts ?? {}, parameters: input.parameters ?? {}, now: input.now ?? '2026-10-12T02:00:00.000Z', calendar, actor: caseworker, lastActors: {} };
    const expected = guard(scope);
    expect(evaluateCel(cel, scope), `${guardName} ${JSON.stringify(input)}`).toBe(expected);
    outcomes.add(expected);
  }
  expect([...outcomes].sort(), guardName).toEqual([false, true]);
}

/** Instants either side of midnight in China: 16:00 UTC is 00:00 the next day in Beijing. */
const edges = (day: string) => {
  const midnight = Date.parse(`${day}T00:00:00+08:00`);
  return [new Date(midnight - 1).toISOString(), new Date(midnight).toISOString()];
};

describe('the deprecated guards and the CEL rules that replaced them decide alike', () => {
  it('working age: the 16th birthday, the retirement month, a leap-day birthday, the declared category', () => {
    const people = grid({
      birthDate: ['2010-10-12', '2010-10-13', '2008-02-29', '1965-12-15', '1964-06-15', '1974-03-20', '1986-09-30'],
      gender: ['male', 'female', 'other'],
      retirementCategory: ['male-60', 'female-55', 'female-50'],
      now: [...edges('2026-10-12'), ...edges('2026-03-01'), ...edges('2024-03-01'), ...edges('2030-04-01')],
    });
    const inputs = people.map(({ birthDate, gender, retirementCategory, now }) => ({ data: { retirementCategory }, facts: { subject: { birthDate, gender } }, now }));
    expectAgreement('withinWorkingAge', 'unemployment-registration', 'working-age', inputs.map((input) => ({ ...input, parameters: { minimumAge: 16 } })));
    expectAgreement('withinWorkingAge', 'employment-difficulty', 'working-age', inputs);
  });

  it('the 4050 category: a woman on her 40th birthday, a man on his 50th, other categories', () => {
    const inputs = grid({
      category: ['age-4050', 'disability'],
      birthDate: ['1986-10-12', '1986-10-13', '1976-10-12', '1976-10-13', '1984-02-29'],
      gender: ['male', 'female', 'other'],
      now: [...edges('2026-10-12'), ...edges('2024-03-01')],
    }).map(({ category, birthDate, gender, now }) => ({ data: { category }, facts: { subject: { birthDate, gender } }, now }));
    expectAgreement('meetsAgeOfCategory', 'employment-difficulty', 'age-4050', inputs);
  });

  it('a recognition valid after today and within validityMonths, a month end included', () => {
    const inputs = grid({
      validUntil: ['2026-08-31', '2026-09-01', '2028-08-31', '2028-09-01', '2029-02-28', '2029-03-01'],
      validityMonths: [24, 30],
      now: [...edges('2026-08-31'), ...edges('2026-09-01')],
    }).map(({ validUntil, validityMonths, now }) => ({ data: { validUntil }, parameters: { validityMonths }, now }));
    expectAgreement('validUntilWithinValidity', 'employment-difficulty', 'valid-until-within-validity', inputs);
  });

  it('dates not in the future and validities not past, on either side of midnight in China', () => {
    const days = ['2026-10-11', '2026-10-12', '2026-10-13'];
    const nows = edges('2026-10-12');
    expectAgreement('visitNotInFuture', 'employment-difficulty', 'visit-not-in-future', grid({ visitDate: days, now: nows }).map(({ visitDate, now }) => ({ data: { visitDate }, now })));
    expectAgreement('validUntilNotPast', 'job-matching', 'valid-until-not-past', grid({ validUntil: days, now: nows }).map(({ validUntil, now }) => ({ data: { validUntil }, now })));
  });

  it('months claimed: begun in China time, not before the placement month', () => {
    const months = ['2026-09', '2026-10', '2026-11'];
    const nows = [...edges('2026-10-01'), ...edges('2026-11-01')];
    expectAgreement('periodHasBegun', 'social-insurance-subsidy', 'period-begun', grid({ period: months, now: nows }).map(({ period, now }) => ({ data: { period }, now })));
    expectAgreement('periodNotInFuture', 'public-welfare-post', 'period-not-in-future', grid({ period: months, now: nows }).map(({ period, now }) => ({ data: { period }, now })));
    const placements = grid({ period: months, placementStart: ['2026-09-30', '2026-10-01', '2026-10-31', '2026-11-01'] }).map((data) => ({ data }));
    expectAgreement('periodNotBeforePlacement', 'public-welfare-post', 'period-not-before-placement', placements);
  });

  it('the validity of a posting: at most maxValidityDays counting both ends, after it starts, the ministry default without a parameter', () => {
    const inputs = grid({
      validFrom: ['2026-10-01', '2028-02-01'],
      validUntil: ['2026-10-01', '2026-10-02', '2026-12-29', '2026-12-30', '2028-04-30', '2028-05-01', '2028-05-02'],
      parameters: [{}, { maxValidityDays: 90 }, { maxValidityDays: 91 }],
    }).map(({ validFrom, validUntil, parameters }) => ({ data: { validFrom, validUntil }, parameters }));
    expectAgreement('validityWithinLimit', 'job-matching', 'validity-period', inputs);
  });

  it('the subsidy term: 36 months, or to the retirement month when within 5 years of it at placement', () => {
    const inputs = grid({
      placementStart: ['2026-07-15', '2026-10-15', '2026-11-01'],
      period: ['2029-06', '2029-07', '2029-09', '2029-10', '2030-03', '2030-04', '2031-10', '2031-11'],
      birthDate: ['1975-08-20', '1970-06-15', '1974-03-20'],
      gender: ['male', 'female'],
      retirementCategory: ['male-60', 'female-55'],
    }).map(({ placementStart, period, birthDate, gender, retirementCategory }) => ({
      data: { placementStart, period, retirementCategory },
      facts: { subject: { birthDate, gender } },
      parameters: { maxMonths: 36, nearRetirementYears: 5 },
    }));
    expectAgreement('withinSubsidyTerm', 'public-welfare-post', 'within-subsidy-term', inputs);
  });

  it('the age of a business, by whole months to the day and month ends', () => {
    const inputs = grid({
      businessStartDate: ['2023-10-12', '2023-10-13', '2025-10-12', '2025-10-13', '2026-10-13', '2024-02-29'],
      now: [...edges('2026-10-13'), ...edges('2027-02-28'), ...edges('2027-03-01')],
    }).map(({ businessStartDate, now }) => ({ data: { businessStartDate }, now, parameters: { maxBusinessAgeMonths: 36, minOperatingMonths: 12 } }));
    expectAgreement('businessStartedWithinMaxAge', 'start-up', 'business-recent', inputs);
    expectAgreement('businessOperatedMinMonths', 'start-up', 'business-operated', inputs);
  });

  it('a loan interest quarter within the loan term', () => {
    const inputs = grid({
      period: ['2025-Q4', '2026-Q1', '2026-Q4', '2028-Q3', '2028-Q4'],
      disbursedOn: ['2025-12-31', '2026-01-01', '2025-08-31'],
      termMonths: [24, 36],
    }).map((data) => ({ data }));
    expectAgreement('quarterWithinLoanTerm', 'start-up', 'quarter-within-loan-term', inputs);
  });

  it('a training claim within the catalogue rate of its level, refused for a level with no rate', () => {
    const parameters = { rateLevel5Fen: 100_000, rateLevel4Fen: 150_000, rateLevel3Fen: 200_000, rateLevel2Fen: 250_000 };
    const inputs = grid({ level: [1, 2, 4, 5], amountFen: [99_999, 100_000, 100_001, 150_000, 150_001] }).map((data) => ({ data, parameters }));
    expectAgreement('withinCatalogueRate', 'training-subsidy', 'within-catalogue-rate', inputs);
  });

  it('benefit months by the duration table, carried-over months added, at most 24', () => {
    const inputs = grid({
      contributionMonths: [11, 12, 59, 60, 119, 120],
      carriedOverMonths: [0, 3, 12],
      months: [1, 12, 15, 18, 21, 24],
      // Package 1.1.0 reads the insured months from the social insurance agency (facts.insurance); the guard, from the case data.
    }).map((data) => ({ data, facts: { insurance: { contributionMonths: data.contributionMonths } } }));
    expectAgreement('monthsMatchEntitlement', 'unemployment-benefit', 'months-as-entitled', inputs);
  });
});
