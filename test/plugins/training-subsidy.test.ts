import { describe, expect, it } from 'vitest';
import { compile, start, step, type Actor, type CaseSnapshot } from '../../engine/index.ts';
import { ministryPackage } from '../support/packages.ts';

const trainingSubsidy = ministryPackage('training-subsidy');
import { ledgerItems, refusal, violatedRules } from '../support/engine-assertions.ts';
import { calendar } from '../support/calendar.ts';

/** Form data, facts or parameters as the engine takes them. */
type Data = Record<string, unknown>;

const compiled = compile(trainingSubsidy.definitions[0], trainingSubsidy.implementations);

const caseworker: Actor = { id: 'u-1', name: '张三', role: 'caseworker', post: 'subsidy-window', orgUnit: 'o-1' };
const otherCaseworker: Actor = { ...caseworker, id: 'u-3', name: '王五' };
const reviewer: Actor = { id: 'u-2', name: '李四', role: 'reviewer', post: 'subsidy-review', orgUnit: 'o-1' };

const parameters = { rateLevel1Fen: 300_000, rateLevel2Fen: 250_000, rateLevel3Fen: 200_000, rateLevel4Fen: 150_000, rateLevel5Fen: 100_000, upgradeMinInsuredMonths: 12 };
const training = { classNo: 'FZ2026-0137', trainingProvider: '福州市职业技能培训中心', occupation: '4-03-02-01', level: 4, startDate: '2026-03-02' };
const passed = { result: 'pass', assessedOn: '2026-06-15' };
const certificate = { certificateNo: 'S350100202600123', certificateType: 'skill-level', issuedOn: '2026-07-01' };
const employmentFundClaim = { subsidyKind: 'training', amountFen: 150_000, year: '2026' };
const upgradeClaim = { subsidyKind: 'skill-upgrade', amountFen: 150_000, year: '2026', insuredMonths: 30 };

/** Steps as the caseworker unless another actor is given. */
function send(snapshot: CaseSnapshot, type: string, data: Data, actor: Actor = caseworker, now = '2026-07-10T02:00:00.000Z') {
  return step(compiled, { snapshot, event: { type, data }, actor, calendar, now, parameters });
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
    const started = step(compiled, { snapshot: created.snapshot, event: { type: 'startTraining', data: training }, actor: caseworker, calendar, now: '2026-03-02T02:00:00.000Z', parameters });
    expect(started.snapshot.state).toBe('inTraining');
    // 60 working days from 2026-03-02, across Qingming (04-04..06) and Labour Day (05-01..05, make-up 05-09).
    expect(started.snapshot.context.dueAt).toBe('2026-05-28T15:59:59.999Z');
    const assessed = send(started.snapshot, 'assess', passed);
    expect(assessed.snapshot.state).toBe('assessed');
    const done = send(assessed.snapshot, 'certify', certificate);
    expect(done.snapshot.state).toBe('certified');
    expect(done.snapshot.context.data).toMatchObject({ ...training, ...passed, ...certificate });
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
      { subsidyType: 'training-subsidy', item: 'skill-certificate:skill-level:4-03-02-01', period: '2026', fund: 'employment-subsidy', amountFen: 150_000, preparedBy: 'u-1', approvedBy: 'u-2' },
    ]);
  });

  it('pays a skill upgrade claim from the unemployment insurance fund, prepared by whoever claimed it', () => {
    const claimed = send(certified(), 'claimUpgrade', upgradeClaim, otherCaseworker);
    expect(claimed.snapshot.state).toBe('upgradeClaimed');
    const paid = send(claimed.snapshot, 'approveUpgrade', { opinion: 'ok' }, reviewer);
    expect(ledgerItems(paid.effects)).toEqual([
      { subsidyType: 'training-subsidy', item: 'skill-certificate:skill-level:4-03-02-01', period: '2026', fund: 'unemployment-insurance', amountFen: 150_000, preparedBy: 'u-3', approvedBy: 'u-2' },
    ]);
  });

  it('gives the same certificate the same ledger key from either fund, so the ledger pays it once', () => {
    const fromEmploymentFund = ledgerItems(send(send(certified(), 'claim', { ...employmentFundClaim, subsidyKind: 'skill-appraisal', amountFen: 80_000 }).snapshot, 'approveClaim', { opinion: 'ok' }, reviewer).effects)[0]!;
    const fromInsuranceFund = ledgerItems(send(send(certified(), 'claimUpgrade', upgradeClaim).snapshot, 'approveUpgrade', { opinion: 'ok' }, reviewer).effects)[0]!;
    expect(fromEmploymentFund.fund).not.toBe(fromInsuranceFund.fund);
    expect([fromEmploymentFund.item, fromEmploymentFund.period]).toEqual([fromInsuranceFund.item, fromInsuranceFund.period]);

    // Another certificate type, or another occupation, is another item.
    const otherType = ledgerItems(send(send(certified(training, { ...certificate, certificateType: 'vocational-qualification' }), 'claim', employmentFundClaim).snapshot, 'approveClaim', { opinion: 'ok' }, reviewer).effects)[0]!;
    const otherOccupation = ledgerItems(send(send(certified({ ...training, occupation: '6-18-02-04' }), 'claim', employmentFundClaim).snapshot, 'approveClaim', { opinion: 'ok' }, reviewer).effects)[0]!;
    expect(new Set([fromEmploymentFund.item, otherType.item, otherOccupation.item]).size).toBe(3);
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
      step(compiled, { snapshot: certified(), event: { type: 'claim', data: { ...employmentFundClaim, amountFen } }, actor: caseworker, calendar, now: '2026-07-10T02:00:00.000Z', parameters: { ...parameters, rateLevel4Fen } });
    expect(violatedRules(refusal(() => claimWithRate(120_000, 100_000)))).toEqual(['within-catalogue-rate']);
    expect(claimWithRate(180_000, 200_000).snapshot.state).toBe('claimed');
    // No rate in force for the level: refused rather than paid without a ceiling.
    const { rateLevel4Fen: _rate, ...withoutLevel4 } = parameters;
    expect(refusal(() => step(compiled, { snapshot: certified(), event: { type: 'claim', data: employmentFundClaim }, actor: caseworker, calendar, now: '2026-07-10T02:00:00.000Z', parameters: withoutLevel4 })).code).toBe('RULE_VIOLATION');
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
