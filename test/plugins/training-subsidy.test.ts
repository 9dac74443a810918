import { describe, expect, it } from 'vitest';
import { compile, start, step, type Actor, type CaseSnapshot } from '../../engine/index.ts';
import { ministryPackage } from '../support/packages.ts';

const trainingSubsidy = ministryPackage('training-subsidy');
import { ledgerItems, refusal, violatedRules, paidToSubject } from '../support/engine-assertions.ts';
import { calendar } from '../support/calendar.ts';

/** Form data, facts or parameters as the engine takes them. */
type Data = Record<string, unknown>;

const compiled = compile(trainingSubsidy.definitions[0], trainingSubsidy.implementations);

const caseworker: Actor = { id: 'u-1', name: '张三', role: 'caseworker', post: 'subsidy-window', orgUnit: 'o-1' };
const otherCaseworker: Actor = { ...caseworker, id: 'u-3', name: '王五' };
const reviewer: Actor = { id: 'u-2', name: '李四', role: 'reviewer', post: 'subsidy-review', orgUnit: 'o-1' };

const parameters = { rateLevel1Fen: 300_000, rateLevel2Fen: 250_000, rateLevel3Fen: 200_000, rateLevel4Fen: 150_000, rateLevel5Fen: 100_000, upgradeMinInsuredMonths: 12, certificateClaimMonths: 12, subsidiesPerYear: 3 };
/** The registered training institution's fact: active, licensed 2025 to 2028 for cooks (4-03-02), 6-18-02 and electricians (6-31-01-03). */
function trainingInstitution(overrides: Data = {}): Data {
  return { registered: true, name: '福州市职业技能培训中心', status: 'active', validFrom: '2025-01-01', validUntil: '2028-12-31', occupations: ['4-03-02', '6-18-02', '6-31-01-03'], ...overrides };
}
/** A registered unemployed person with no skill subsidy paid and no other course. */
const facts = { registry: { employed: false, unemployed: true, recognized: false }, paidCertificates: [] as Data[], otherCourses: [] as Data[], institution: trainingInstitution() };
const training = { classNo: 'FZ2026-0137', institutionCreditCode: '52350100MJ00000180', occupation: '4-03-02-01', level: 4, startDate: '2026-03-02' };
const passed = { result: 'pass', assessedOn: '2026-06-15' };
const certificate = { certificateNo: 'S350100202600123', certificateType: 'skill-level', issuedOn: '2026-07-01' };
const employmentFundClaim = { subsidyKind: 'training', eligibleGroup: 'registered-unemployed', amountFen: 150_000, year: '2026' };
const upgradeClaim = { subsidyKind: 'skill-upgrade', amountFen: 150_000, year: '2026', insuredMonths: 30 };

/** Steps as the caseworker unless another actor is given, with the facts of a person never subsidised unless others are given. */
function send(snapshot: CaseSnapshot, type: string, data: Data, actor: Actor = caseworker, now = '2026-07-10T02:00:00.000Z', withFacts: Data = facts) {
  return step(compiled, { snapshot, event: { type, data }, actor, calendar, now, facts: withFacts, parameters });
}

function inTraining(data: Data = training): CaseSnapshot {
  const created = start(compiled, { actor: caseworker, calendar, now: '2026-02-25T02:00:00.000Z', parameters });
  return send(created.snapshot, 'startTraining', data).snapshot;
}

function certified(trainingData: Data = training, certificateData: Data = certificate): CaseSnapshot {
  const assessed = send(inTraining(trainingData), 'assess', passed).snapshot;
  return send(assessed, 'certify', certificateData).snapshot;
}

describe('training subsidy: training and certification', () => {
  it('walks enrolment, training, assessment and certification with the caseworker tasks and their deadlines', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-02-25T02:00:00.000Z', parameters });
    // Saturday 2026-02-28 is a make-up working day after the Spring Festival.
    expect(created.effects).toContainEqual({ kind: 'task.open', state: 'enrolled', role: 'caseworker', post: 'subsidy-window', dueAt: '2026-03-03T15:59:59.999Z', provisional: false });
    const started = step(compiled, { snapshot: created.snapshot, event: { type: 'startTraining', data: training }, actor: caseworker, calendar, now: '2026-03-02T02:00:00.000Z', facts, parameters });
    expect(started.snapshot.state).toBe('inTraining');
    // 60 working days from 2026-03-02, across Qingming (04-04..06) and Labour Day (05-01..05, make-up 05-09).
    expect(started.snapshot.context.dueAt).toBe('2026-05-28T15:59:59.999Z');
    const assessed = send(started.snapshot, 'assess', passed);
    expect(assessed.snapshot.state).toBe('assessed');
    const done = send(assessed.snapshot, 'certify', certificate);
    expect(done.snapshot.state).toBe('certified');
    expect(done.snapshot.context.data).toMatchObject({ ...training, ...passed, ...certificate });
  });

  it('refuses a training at an institution not registered, suspended or revoked, lapsed or not yet licensed on the start day, or not licensed for the occupation', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-02-25T02:00:00.000Z', parameters });
    const startWith = (institution: Data | null, data: Data = training) => violatedRules(refusal(() => send(created.snapshot, 'startTraining', data, caseworker, '2026-03-02T02:00:00.000Z', { ...facts, institution })));
    expect(startWith(trainingInstitution({ registered: false, status: null, validFrom: null, validUntil: null, occupations: [] }))).toEqual(['institution-registered']);
    expect(startWith(trainingInstitution({ status: 'suspended' }))).toEqual(['institution-active']);
    expect(startWith(trainingInstitution({ status: 'revoked' }))).toEqual(['institution-active']);
    expect(startWith(trainingInstitution({ validUntil: '2026-03-01' }))).toEqual(['institution-qualified-on-start']);
    expect(startWith(trainingInstitution({ validFrom: '2026-03-03' }))).toEqual(['institution-qualified-on-start']);
    expect(startWith(trainingInstitution(), { ...training, occupation: '4-03-01-01' })).toEqual(['occupation-in-institution-scope']);
    // The last day of the licence still counts; a group in scope covers the occupations under it.
    expect(send(created.snapshot, 'startTraining', training, caseworker, '2026-03-02T02:00:00.000Z', { ...facts, institution: trainingInstitution({ validUntil: '2026-03-02', occupations: ['4'] }) }).snapshot.state).toBe('inTraining');
  });

  it('refuses a claim once the institution is suspended or revoked, or when its licence did not cover the start day', () => {
    const claimWith = (institution: Data) => violatedRules(refusal(() => send(certified(), 'claim', employmentFundClaim, caseworker, '2026-07-10T02:00:00.000Z', { ...facts, institution })));
    expect(claimWith(trainingInstitution({ status: 'suspended' }))).toEqual(['institution-in-good-standing']);
    expect(claimWith(trainingInstitution({ validFrom: '2026-04-01' }))).toEqual(['institution-qualified-at-training']);
    const claimed = send(certified(), 'claim', employmentFundClaim).snapshot;
    expect(violatedRules(refusal(() => send(claimed, 'approveClaim', { opinion: 'ok' }, reviewer, '2026-07-10T02:00:00.000Z', { ...facts, institution: trainingInstitution({ status: 'revoked' }) })))).toEqual(['institution-in-good-standing']);
  });

  it('refuses an assessment body named that is not a registered, active one licensed on the day for the occupation', () => {
    const body = { registered: true, name: '福州市职业技能鉴定指导中心', status: 'active', validFrom: '2021-01-01', validUntil: '2029-12-31', occupations: ['4-03'] };
    const assess = (assessmentBody: Data | null) => send(inTraining(), 'assess', { ...passed, assessmentBodyCreditCode: '123502004265107100' }, caseworker, '2026-07-10T02:00:00.000Z', { ...facts, assessmentBody });
    expect(assess(body).snapshot.state).toBe('assessed');
    for (const wrong of [{ registered: false }, { status: 'suspended' }, { validUntil: '2026-06-14' }, { occupations: ['6'] }]) {
      expect(violatedRules(refusal(() => assess({ ...body, ...wrong })))).toEqual(['assessment-body-qualified']);
    }
  });

  it('refuses an assessment dated before the training started', () => {
    const error = refusal(() => send(inTraining(), 'assess', { result: 'pass', assessedOn: '2026-03-01' }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(violatedRules(error)).toEqual(['assessed-after-start']);
  });

  it('refuses a certificate after a failed assessment, and closes such a case instead', () => {
    const failed = send(inTraining(), 'assess', { result: 'fail', assessedOn: '2026-06-15' }).snapshot;
    const error = refusal(() => send(failed, 'certify', certificate));
    expect(violatedRules(error)).toEqual(['assessment-passed']);
    const closed = send(failed, 'close', { closeReason: 'failed' });
    expect(closed.status).toBe('final');
    expect(closed.snapshot.state).toBe('closed');
  });

  it('refuses a certificate issued before the assessment', () => {
    const assessed = send(inTraining(), 'assess', passed).snapshot;
    expect(violatedRules(refusal(() => send(assessed, 'certify', { ...certificate, issuedOn: '2026-06-14' })))).toEqual(['issued-after-assessment']);
  });

  it('refuses a level outside 1..5 and an unknown certificate type', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-02-25T02:00:00.000Z', parameters });
    const badLevel = refusal(() => send(created.snapshot, 'startTraining', { ...training, level: 6 }));
    expect(badLevel.code).toBe('FORM_INVALID');
    expect((badLevel.details as { fields: { field: string }[] }).fields.every((f) => f.field === 'level')).toBe(true);
    const assessed = send(inTraining(), 'assess', passed).snapshot;
    const badType = refusal(() => send(assessed, 'certify', { ...certificate, certificateType: 'diploma' }));
    expect(badType.code).toBe('FORM_INVALID');
  });

  it('lets the trainee withdraw before and during training, not after the assessment', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-02-25T02:00:00.000Z', parameters });
    expect(send(created.snapshot, 'withdraw', { withdrawReason: '已就业' }).snapshot.state).toBe('withdrawn');
    expect(send(inTraining(), 'withdraw', { withdrawReason: '个人原因' }).status).toBe('final');
    const assessed = send(inTraining(), 'assess', passed).snapshot;
    expect(refusal(() => send(assessed, 'withdraw', { withdrawReason: 'x' })).code).toBe('TRANSITION_NOT_AVAILABLE');
  });
});

describe('training subsidy: claims', () => {
  it('pays a claim from the employment subsidy fund for the certificate and its year', () => {
    const claimed = send(certified(), 'claim', employmentFundClaim);
    expect(claimed.snapshot.state).toBe('claimed');
    expect(claimed.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', state: 'claimed', role: 'reviewer', post: 'subsidy-review', provisional: false }));
    const paid = send(claimed.snapshot, 'approveClaim', { opinion: '证书真实有效' }, reviewer);
    expect(paid.status).toBe('final');
    expect(paid.snapshot.state).toBe('paid');
    expect(ledgerItems(paid.effects)).toEqual([
      { subsidyType: 'training-subsidy', item: 'skill-certificate:4-03-02-01:4', period: 'once', fund: 'employment-subsidy', amountFen: 150_000, preparedBy: 'u-1', approvedBy: 'u-2', payee: paidToSubject },
    ]);
  });

  it('pays a skill upgrade claim from the unemployment insurance fund, prepared by whoever claimed it', () => {
    const claimed = send(certified(), 'claimUpgrade', upgradeClaim, otherCaseworker);
    expect(claimed.snapshot.state).toBe('upgradeClaimed');
    const paid = send(claimed.snapshot, 'approveUpgrade', { opinion: 'ok' }, reviewer);
    expect(ledgerItems(paid.effects)).toEqual([
      { subsidyType: 'training-subsidy', item: 'skill-certificate:4-03-02-01:4', period: 'once', fund: 'unemployment-insurance', amountFen: 150_000, preparedBy: 'u-3', approvedBy: 'u-2', payee: paidToSubject },
    ]);
  });

  it('gives the same occupation and level the same ledger key, once ever, from either fund and whatever the certificate, so the ledger pays it once', () => {
    const fromEmploymentFund = ledgerItems(send(send(certified(), 'claim', { ...employmentFundClaim, subsidyKind: 'skill-appraisal', amountFen: 80_000 }).snapshot, 'approveClaim', { opinion: 'ok' }, reviewer).effects)[0]!;
    const fromInsuranceFund = ledgerItems(send(send(certified(), 'claimUpgrade', upgradeClaim).snapshot, 'approveUpgrade', { opinion: 'ok' }, reviewer).effects)[0]!;
    expect(fromEmploymentFund.fund).not.toBe(fromInsuranceFund.fund);
    expect([fromEmploymentFund.item, fromEmploymentFund.period]).toEqual([fromInsuranceFund.item, fromInsuranceFund.period]);

    // Another certificate type of the same occupation and level is the same item; another level, or another occupation, is another.
    const paidFor = (trainingData: Data, certificateData: Data = certificate) => ledgerItems(send(send(certified(trainingData, certificateData), 'claim', employmentFundClaim).snapshot, 'approveClaim', { opinion: 'ok' }, reviewer).effects)[0]!;
    const otherType = paidFor(training, { ...certificate, certificateType: 'vocational-qualification' });
    expect([otherType.item, otherType.period]).toEqual([fromEmploymentFund.item, fromEmploymentFund.period]);
    const otherLevel = paidFor({ ...training, level: 3 });
    const otherOccupation = paidFor({ ...training, occupation: '6-18-02-04' });
    expect([otherLevel.item, otherOccupation.item]).toEqual(['skill-certificate:4-03-02-01:3', 'skill-certificate:6-18-02-04:4']);
    expect(new Set([fromEmploymentFund.period, otherLevel.period, otherOccupation.period])).toEqual(new Set(['once']));
  });

  it('keeps the approver apart from whoever prepared the claim, on both paths', () => {
    const maker = { ...reviewer, id: caseworker.id };
    const claimed = send(certified(), 'claim', employmentFundClaim).snapshot;
    expect(refusal(() => send(claimed, 'approveClaim', { opinion: 'ok' }, maker)).code).toBe('MAKER_CHECKER_VIOLATION');
    const upgrade = send(certified(), 'claimUpgrade', upgradeClaim).snapshot;
    expect(refusal(() => send(upgrade, 'approveUpgrade', { opinion: 'ok' }, maker)).details).toEqual({ event: 'approveUpgrade', sameActorAs: 'claimUpgrade' });
  });

  it('caps the claim at the catalogue rate of the trained level', () => {
    // Level 4 pays at most 150 000 fen.
    expect(violatedRules(refusal(() => send(certified(), 'claim', { ...employmentFundClaim, amountFen: 150_001 })))).toEqual(['within-catalogue-rate']);
    expect(violatedRules(refusal(() => send(certified(), 'claimUpgrade', { ...upgradeClaim, amountFen: 150_001 })))).toEqual(['within-catalogue-rate']);
    // Level 1 allows more; a city's own rate replaces the ministry default.
    expect(send(certified({ ...training, level: 1 }), 'claim', { ...employmentFundClaim, amountFen: 300_000 }).snapshot.state).toBe('claimed');
    const claimWithRate = (amountFen: number, rateLevel4Fen: number) =>
      step(compiled, { snapshot: certified(), event: { type: 'claim', data: { ...employmentFundClaim, amountFen } }, actor: caseworker, calendar, now: '2026-07-10T02:00:00.000Z', facts, parameters: { ...parameters, rateLevel4Fen } });
    expect(violatedRules(refusal(() => claimWithRate(120_000, 100_000)))).toEqual(['within-catalogue-rate']);
    expect(claimWithRate(180_000, 200_000).snapshot.state).toBe('claimed');
    // No rate in force for the level: refused rather than paid without a ceiling.
    const { rateLevel4Fen: _rate, ...withoutLevel4 } = parameters;
    expect(refusal(() => step(compiled, { snapshot: certified(), event: { type: 'claim', data: employmentFundClaim }, actor: caseworker, calendar, now: '2026-07-10T02:00:00.000Z', facts, parameters: withoutLevel4 })).code).toBe('RULE_VIOLATION');
  });

  it('refuses a year other than the year the certificate was issued', () => {
    expect(violatedRules(refusal(() => send(certified(), 'claim', { ...employmentFundClaim, year: '2027' })))).toEqual(['certificate-year']);
    const both = refusal(() => send(certified(), 'claimUpgrade', { ...upgradeClaim, year: '2025', amountFen: 200_000 }));
    expect(violatedRules(both)).toEqual(['within-catalogue-rate', 'certificate-year']);
  });

  it('refuses a skill upgrade subsidy to someone insured for too short a time', () => {
    expect(violatedRules(refusal(() => send(certified(), 'claimUpgrade', { ...upgradeClaim, insuredMonths: 11 })))).toEqual(['insured-long-enough']);
    expect(send(certified(), 'claimUpgrade', { ...upgradeClaim, insuredMonths: 12 }).snapshot.state).toBe('upgradeClaimed');
  });

  it('fixes the subsidy kind of the skill upgrade form and refuses a malformed year', () => {
    const error = refusal(() => send(certified(), 'claimUpgrade', { ...upgradeClaim, subsidyKind: 'training', year: '26' }));
    expect(error.code).toBe('FORM_INVALID');
    expect((error.details as { fields: { field: string }[] }).fields.map((f) => f.field).sort()).toEqual(['subsidyKind', 'year']);
  });

  it('returns a claim to the caseworker without paying, who may then claim from the other fund', () => {
    const claimed = send(certified(), 'claim', employmentFundClaim).snapshot;
    const returned = send(claimed, 'returnClaim', { returnReason: '符合技能提升补贴条件，请改由失业保险基金申领' }, reviewer);
    expect(returned.snapshot.state).toBe('certified');
    expect(ledgerItems(returned.effects)).toEqual([]);
    const upgrade = send(returned.snapshot, 'claimUpgrade', upgradeClaim, otherCaseworker);
    expect(upgrade.snapshot.context.data['subsidyKind']).toBe('skill-upgrade');
    const paid = send(upgrade.snapshot, 'approveUpgrade', { opinion: 'ok' }, reviewer);
    expect(ledgerItems(paid.effects)[0]).toMatchObject({ fund: 'unemployment-insurance', preparedBy: 'u-3' });
  });
});

describe('training subsidy: parameters', () => {
  it('has a catalogue rate for every level, within bounds, rising with the level', () => {
    const rates = [5, 4, 3, 2, 1].map((level) => trainingSubsidy.parameters.find((p) => p.id === `rateLevel${level}Fen`));
    for (const p of rates) {
      expect(p?.unit).toBe('fen');
      if (p?.unit !== 'fen') continue;
      expect(p.min <= p.default && p.default <= p.max, p.id).toBe(true);
    }
    const defaults = rates.map((p) => p!.default as number);
    expect([...defaults].sort((a, b) => a - b)).toEqual(defaults);
  });
});

describe('training subsidy: once per occupation and level, three a year, eligible groups, the claim period, a first appraisal (国办发〔2019〕24号)', () => {
  /** A skill subsidy paid earlier, as the personLedgerItems fact gives it. */
  const paid = (item: string, approvedOn: string) => ({ item, period: 'once', fund: 'employment-subsidy', amountFen: 150_000, approvedOn });
  const withPaid = (...items: Data[]) => ({ ...facts, paidCertificates: items });

  it('refuses the same occupation at the same level paid in an earlier year, on either path and at approval, naming the rule', () => {
    const earlier = withPaid(paid('skill-certificate:4-03-02-01:4', '2025-05-20'));
    expect(violatedRules(refusal(() => send(certified(), 'claim', employmentFundClaim, caseworker, undefined, earlier)))).toEqual(['once-per-occupation-level']);
    expect(violatedRules(refusal(() => send(certified(), 'claimUpgrade', upgradeClaim, caseworker, undefined, earlier)))).toEqual(['once-per-occupation-level']);
    // Paid meanwhile from another case: the approval refuses it before the ledger's key would.
    const claimed = send(certified(), 'claim', employmentFundClaim).snapshot;
    expect(violatedRules(refusal(() => send(claimed, 'approveClaim', { opinion: 'ok' }, reviewer, undefined, earlier)))).toEqual(['once-per-occupation-level']);
    const upgrade = send(certified(), 'claimUpgrade', upgradeClaim).snapshot;
    expect(violatedRules(refusal(() => send(upgrade, 'approveUpgrade', { opinion: 'ok' }, reviewer, undefined, earlier)))).toEqual(['once-per-occupation-level']);
    // The next level of the same occupation is another subsidy.
    expect(send(certified({ ...training, level: 3 }), 'claim', { ...employmentFundClaim, amountFen: 200_000 }, caseworker, undefined, earlier).snapshot.state).toBe('claimed');
  });

  it('refuses a fourth subsidised certificate in a year, counting the year of the claim', () => {
    const three = [paid('skill-certificate:6-18-02-04:5', '2026-01-12'), paid('skill-certificate:4-10-01-02:5', '2026-03-02'), paid('skill-certificate:4-03-02-01:5', '2026-05-30')];
    expect(violatedRules(refusal(() => send(certified(), 'claim', employmentFundClaim, caseworker, undefined, withPaid(...three))))).toEqual(['subsidies-per-year']);
    expect(violatedRules(refusal(() => send(certified(), 'claimUpgrade', upgradeClaim, caseworker, undefined, withPaid(...three))))).toEqual(['subsidies-per-year']);
    const claimed = send(certified(), 'claim', employmentFundClaim, caseworker, undefined, withPaid(...three.slice(1))).snapshot;
    expect(violatedRules(refusal(() => send(claimed, 'approveClaim', { opinion: 'ok' }, reviewer, undefined, withPaid(...three))))).toEqual(['subsidies-per-year']);
    // One of the three in the year before: this is the third of 2026.
    const lastYear = [{ ...three[0]!, approvedOn: '2025-12-31' }, three[1]!, three[2]!];
    expect(send(certified(), 'claim', employmentFundClaim, caseworker, undefined, withPaid(...lastYear)).snapshot.state).toBe('claimed');
  });

  it('refuses a person not in the stated eligible group, checked against the registry where the platform knows it', () => {
    const notRegistered = { ...facts, registry: { employed: false, unemployed: false, recognized: false } };
    expect(violatedRules(refusal(() => send(certified(), 'claim', employmentFundClaim, caseworker, undefined, notRegistered)))).toEqual(['eligible-group']);
    expect(violatedRules(refusal(() => send(certified(), 'claim', { ...employmentFundClaim, eligibleGroup: 'employment-difficulty' })))).toEqual(['eligible-group']);
    const recognised = { ...facts, registry: { employed: false, unemployed: false, recognized: true } };
    expect(send(certified(), 'claim', { ...employmentFundClaim, eligibleGroup: 'employment-difficulty' }, caseworker, undefined, recognised).snapshot.state).toBe('claimed');
    // A graduate trains in the year of graduation.
    expect(violatedRules(refusal(() => send(certified(), 'claim', { ...employmentFundClaim, eligibleGroup: 'graduate', graduationYear: '2024' }, caseworker, undefined, notRegistered)))).toEqual(['graduate-in-graduation-year']);
    expect(violatedRules(refusal(() => send(certified(), 'claim', { ...employmentFundClaim, eligibleGroup: 'graduate' }, caseworker, undefined, notRegistered)))).toEqual(['graduate-in-graduation-year']);
    expect(send(certified(), 'claim', { ...employmentFundClaim, eligibleGroup: 'graduate', graduationYear: '2026' }, caseworker, undefined, notRegistered).snapshot.state).toBe('claimed');
    // A group the platform has no record of: taken on the number of its proof.
    expect(violatedRules(refusal(() => send(certified(), 'claim', { ...employmentFundClaim, eligibleGroup: 'rural-migrant' }, caseworker, undefined, notRegistered)))).toEqual(['group-proof']);
    expect(send(certified(), 'claim', { ...employmentFundClaim, eligibleGroup: 'rural-migrant', groupProofNo: '农村转移就业登记 0412' }, caseworker, undefined, notRegistered).snapshot.state).toBe('claimed');
    // No group stated, or one the policy does not name: the form is refused.
    const { eligibleGroup: _group, ...noGroup } = employmentFundClaim;
    for (const form of [noGroup, { ...employmentFundClaim, eligibleGroup: 'employed' }]) {
      const error = refusal(() => send(certified(), 'claim', form));
      expect(error.code).toBe('FORM_INVALID');
      expect((error.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toContain('eligibleGroup');
    }
  });

  it('refuses a certificate issued more than certificateClaimMonths before the claim day (China time), or after it', () => {
    const claimOn = (now: string, claimParameters: Data = parameters) =>
      step(compiled, { snapshot: certified(), event: { type: 'claim', data: employmentFundClaim }, actor: caseworker, calendar, now, facts, parameters: claimParameters });
    // Issued 2026-07-01: 2027-07-01 in China is the last day.
    expect(claimOn('2027-07-01T15:59:59.000Z').snapshot.state).toBe('claimed');
    expect(violatedRules(refusal(() => claimOn('2027-07-01T16:00:00.000Z')))).toEqual(['certificate-claim-window']);
    expect(violatedRules(refusal(() => send(certified(), 'claimUpgrade', upgradeClaim, caseworker, '2027-08-03T02:00:00.000Z')))).toEqual(['certificate-claim-window']);
    expect(violatedRules(refusal(() => claimOn('2026-06-30T02:00:00.000Z')))).toEqual(['certificate-claim-window']);
    expect(violatedRules(refusal(() => claimOn('2027-01-02T02:00:00.000Z', { ...parameters, certificateClaimMonths: 6 })))).toEqual(['certificate-claim-window']);
    const months = trainingSubsidy.parameters.find((p) => p.id === 'certificateClaimMonths');
    expect(months).toMatchObject({ unit: 'months', default: 12, legalBasis: expect.stringContaining('12个月') });
    expect(trainingSubsidy.locks.map((l) => l.element)).toEqual(expect.arrayContaining(['parameters.certificateClaimMonths', 'parameters.subsidiesPerYear', 'states.certified.on.claim.rules']));
  });

  it('pays the appraisal subsidy for the first appraisal of an occupation at a level only', () => {
    const appraisal = { ...employmentFundClaim, subsidyKind: 'skill-appraisal', amountFen: 80_000 };
    const failedBefore = { ...facts, otherCourses: [{ state: 'closed', occupation: '4-03-02-01', level: 4, assessedOn: '2025-11-20' }] };
    expect(violatedRules(refusal(() => send(certified(), 'claim', appraisal, caseworker, undefined, failedBefore)))).toEqual(['first-assessment']);
    // The training subsidy is not an appraisal subsidy; another level, a later appraisal or a course never assessed is no earlier appraisal.
    expect(send(certified(), 'claim', employmentFundClaim, caseworker, undefined, failedBefore).snapshot.state).toBe('claimed');
    expect(send(certified({ ...training, level: 3 }), 'claim', appraisal, caseworker, undefined, failedBefore).snapshot.state).toBe('claimed');
    const notEarlier = { ...facts, otherCourses: [{ state: 'assessed', occupation: '4-03-02-01', level: 4, assessedOn: '2026-08-01' }, { state: 'withdrawn', occupation: '4-03-02-01', level: 4, assessedOn: null }] };
    expect(send(certified(), 'claim', appraisal, caseworker, undefined, notEarlier).snapshot.state).toBe('claimed');
  });
});
