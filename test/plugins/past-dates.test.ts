import { describe, expect, it } from 'vitest';
import type { Definition } from '../../engine/index.ts';
import { createAjv } from '../../forms/index.ts';
import { plugins } from '../support/packages.ts';

/**
 * Every date field of the standard packages' forms, decided once: a day that records something
 * that has happened (a hire, a separation, a visit, a death) may not be after the day of the step,
 * and carries `x-not-after-today` so the browser and the server refuse it alike (issue 16, defect 1);
 * a day that may lie ahead (a validity's end, an agreed start, the next visit) does not. A new date
 * field fails here until it is decided.
 */
const PAST_EVENTS: Record<string, string[]> = {
  'business-loan-interest': ['disbursement.disbursedOn', 'repayment.repaidOn', 'defaulting.defaultedOn'],
  'employment-difficulty': ['visit.visitDate'],
  'employment-registration': ['hire.hireDate', 'termination.terminationDate'],
  internship: ['application.graduationDate', 'completion.completionDate', 'termination.terminationDate'],
  'job-referral': ['interview.interviewDate'],
  'job-seeking': ['trainingRefusal.offeredOn'],
  'labour-survey': ['collection.surveyDate'],
  'personnel-file': ['acceptance.receivedDate', 'certificateRequest.requestDate', 'transferRequest.transferLetterDate', 'dispatch.dispatchDate'],
  'public-welfare-post': ['placement.placementStart'],
  'social-insurance-subsidy': ['verification.employmentStart', 'verification.recognizedOn', 'verification.graduationDate'],
  'start-up-subsidy': ['application.businessStartDate'],
  'training-subsidy': ['training.startDate', 'assessment.assessedOn', 'certificate.issuedOn'],
  'unemployment-benefit': ['application.separationDate', 'application.registrationDate', 'death.deathDate'],
  'unemployment-registration': ['registration.unemployedSince', 'contact.contactDate'],
  'vocational-guidance': ['session.sessionDate', 'plan.planDate', 'visit.visitDate'],
};

/** Date fields that may legitimately lie after the day they are entered. */
const MAY_BE_AHEAD: Record<string, string[]> = {
  'employment-difficulty': ['recognition.validUntil', 'assistancePlan.nextVisitDate', 'visit.nextVisitDate'],
  // The social insurance agency's stop date, taken as it reports it: a stop at the month's end may be reported ahead of it.
  'employment-registration': ['hire.contractEnd', 'contributionsStop.contributionsStoppedOn'],
  internship: ['application.startDate'],
  'job-referral': ['offer.startDate'],
  'job-seeking': ['profile.availableFrom', 'profile.validUntil'],
  'vacancy-posting': ['posting.validFrom', 'posting.validUntil'],
};

interface DateField {
  process: string;
  field: string;
  schema: Record<string, unknown>;
}

/** Every `format: date` property of every form of every standard package, as `form.field` by process. */
function dateFields(): DateField[] {
  return plugins.flatMap((plugin) =>
    (plugin.definitions as Definition[]).flatMap((definition) =>
      Object.entries(definition.forms ?? {}).flatMap(([form, { schema }]) =>
        Object.entries((schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {})
          .filter(([, property]) => property['format'] === 'date')
          .map(([name, property]) => ({ process: definition.id, field: `${form}.${name}`, schema: property })),
      ),
    ),
  );
}

const listed = (table: Record<string, string[]>) => Object.entries(table).flatMap(([process, fields]) => fields.map((field) => `${process}:${field}`)).sort();

describe('date fields of past events refuse a day after today', () => {
  const fields = dateFields();

  it('decides every date field of every package: a past event or a day that may lie ahead', () => {
    expect(fields.length).toBe(listed(PAST_EVENTS).length + listed(MAY_BE_AHEAD).length);
    expect(fields.map((f) => `${f.process}:${f.field}`).sort()).toEqual([...listed(PAST_EVENTS), ...listed(MAY_BE_AHEAD)].sort());
  });

  it('marks each past event with x-not-after-today, and no day that may lie ahead', () => {
    const marked = fields.filter((f) => f.schema['x-not-after-today'] === true).map((f) => `${f.process}:${f.field}`).sort();
    expect(marked).toEqual(listed(PAST_EVENTS));
  });

  it('refuses the day after the step for each past event, and takes the day itself', () => {
    const ajv = createAjv();
    for (const { process, field, schema } of fields.filter((f) => f.schema['x-not-after-today'] === true)) {
      const validate = ajv.compile({ type: 'object', properties: { day: schema } });
      expect(validate.call({ today: '2026-11-02' }, { day: '2026-11-03' }), `${process}:${field}`).toBe(false);
      expect(validate.errors?.[0]?.keyword, `${process}:${field}`).toBe('x-not-after-today');
      expect(validate.call({ today: '2026-11-02' }, { day: '2026-11-02' }), `${process}:${field}`).toBe(true);
    }
  });
});
