import { describe, expect, it } from 'vitest';
import { addWorkingDays, compile, start, type Actor } from '../../engine/index.ts';
import { calendar } from '../support/calendar.ts';
import { distinctFailingFields, futureDayFields, kinds, parametersOn, records, recordSelector, refusal, stepper, violatedRules } from '../support/engine-assertions.ts';
import { ministryPackage } from '../support/packages.ts';

const personnelFile = ministryPackage('personnel-file');
const compiled = compile(personnelFile.definitions[0], personnelFile.implementations);

const caseworker: Actor = { id: 'u-pf-1', name: '张三', role: 'caseworker', post: 'personnel-file-window', orgUnit: 'o-1' };
const otherCaseworker: Actor = { ...caseworker, id: 'u-pf-2', name: '王五' };
const reviewer: Actor = { id: 'u-pr-1', name: '李四', role: 'reviewer', post: 'personnel-file-review', orgUnit: 'o-1' };

const parameters = parametersOn(personnelFile, '2026-11-02');
const act = stepper(compiled, { facts: {}, parameters });

const T_RECEIVE = '2026-11-02T02:00:00.000Z';
const T_ACCEPT = '2026-11-03T02:00:00.000Z';
const T_CERTIFICATE = '2026-11-10T02:00:00.000Z';
const T_REQUEST = '2026-11-16T02:00:00.000Z';
const T_APPROVE = '2026-11-17T02:00:00.000Z';
const T_DISPATCH = '2026-11-18T02:00:00.000Z';

const acceptance = {
  fileNumber: 'DA-2026-00031',
  sourceUnit: '厦门某大学学生处',
  receivedDate: '2026-11-03',
  receivedVia: 'confidential-mail',
  materials: ['resume', 'education', 'appraisal', 'party-league'],
  transferNoticeNo: 'ZD-2026-118',
};
const certificate = { certificateType: 'custody', purpose: '办理落户', requestDate: '2026-11-10' };
const transfer = { destinationUnit: '福州某研究院', transferLetterNo: 'DD-2026-045', transferLetterDate: '2026-11-12', transferReason: 'new-employer' };
const dispatch = { dispatchDate: '2026-11-18', dispatchMethod: 'confidential-mail', trackingNo: 'JY350200118' };

const received = () => start(compiled, { actor: caseworker, calendar, now: T_RECEIVE, parameters }).snapshot;
const inCustody = () => act(received(), 'accept', caseworker, T_ACCEPT, { data: acceptance }).snapshot;
const inReview = () => act(inCustody(), 'requestTransfer', caseworker, T_REQUEST, { data: transfer }).snapshot;
const dispatching = () => act(inReview(), 'approveTransfer', reviewer, T_APPROVE, { data: { opinion: '调档函核实无误' } }).snapshot;

describe('personnel-file: intake into custody', () => {
  it('opens the intake task at the file window and takes a complete file into custody, with no task while it is kept', () => {
    const created = start(compiled, { actor: caseworker, calendar, now: T_RECEIVE, parameters });
    expect(created.effects).toContainEqual({ kind: 'task.open', state: 'received', role: 'caseworker', post: 'personnel-file-window', dueAt: addWorkingDays(calendar, T_RECEIVE, 5).at, provisional: false });
    const accepted = act(created.snapshot, 'accept', caseworker, T_ACCEPT, { data: acceptance });
    expect(accepted.snapshot.state).toBe('inCustody');
    expect(accepted.snapshot.context.data).toEqual(acceptance);
    expect(kinds(accepted.effects)).toEqual(['task.close', 'timer.cancel', 'record']);
  });

  it('refuses a file carried by the person, one lacking required materials or received after today, naming each rule', () => {
    const accept = (data: Record<string, unknown>) => refusal(() => act(received(), 'accept', caseworker, T_ACCEPT, { data: { ...acceptance, ...data } }));
    const carried = accept({ receivedVia: 'carried-by-person' });
    expect(carried.code).toBe('RULE_VIOLATION');
    expect(violatedRules(carried)).toEqual(['not-carried-by-person']);
    expect(violatedRules(accept({ materials: ['resume', 'appraisal'] }))).toEqual(['required-materials-present']);
    expect(futureDayFields(accept({ receivedDate: '2026-11-04' }))).toEqual(['receivedDate']);
    expect(violatedRules(accept({ receivedVia: 'carried-by-person', materials: ['other'] }))).toEqual(['not-carried-by-person', 'required-materials-present']);
  });

  it("takes the required materials from the city's list", () => {
    const stricter = parametersOn(personnelFile, '2026-11-02', { requiredMaterials: ['resume', 'education', 'political-review'] });
    expect(violatedRules(refusal(() => act(received(), 'accept', caseworker, T_ACCEPT, { data: acceptance, parameters: stricter })))).toEqual(['required-materials-present']);
    const withReview = { ...acceptance, materials: [...acceptance.materials, 'political-review'] };
    expect(act(received(), 'accept', caseworker, T_ACCEPT, { data: withReview, parameters: stricter }).snapshot.state).toBe('inCustody');
  });

  it('refuses an intake form failing its schema, and refuses a file into a final state with a reason', () => {
    const error = refusal(() => act(received(), 'accept', caseworker, T_ACCEPT, { data: { ...acceptance, fileNumber: '档案 1', materials: [], sourceUnitCreditCode: '91350100M000100Y44' } }));
    expect(error.code).toBe('FORM_INVALID');
    expect(distinctFailingFields(error)).toEqual(['fileNumber', 'materials', 'sourceUnitCreditCode']);
    const refused = act(received(), 'refuse', caseworker, T_ACCEPT, { data: { refusalReason: '本人自带档案，已告知通过机要转递' } });
    expect([refused.snapshot.state, refused.status]).toEqual(['refused', 'final']);
  });
});

describe('personnel-file: certificates while in custody', () => {
  it('issues certificates, staying in custody and counting them; each request is on the performance record', () => {
    const first = act(inCustody(), 'issueCertificate', caseworker, T_CERTIFICATE, { data: certificate });
    expect(first.snapshot.state).toBe('inCustody');
    expect(first.snapshot.context.data['certificatesIssued']).toBe(1);
    expect(records(first)).toEqual([expect.objectContaining({ from: 'inCustody', to: 'inCustody', event: 'issueCertificate', data: certificate })]);
    const second = act(first.snapshot, 'issueCertificate', otherCaseworker, '2026-11-11T02:00:00.000Z', { data: { certificateType: 'political-review', purpose: '公务员录用政审', requestDate: '2026-11-11' } });
    expect(second.snapshot.context.data).toMatchObject({ certificatesIssued: 2, certificateType: 'political-review', fileNumber: 'DA-2026-00031' });
  });

  it('refuses a request dated after today, or of an unknown kind', () => {
    expect(futureDayFields(refusal(() => act(inCustody(), 'issueCertificate', caseworker, T_CERTIFICATE, { data: { ...certificate, requestDate: '2026-11-11' } })))).toEqual(['requestDate']);
    expect(distinctFailingFields(refusal(() => act(inCustody(), 'issueCertificate', caseworker, T_CERTIFICATE, { data: { ...certificate, certificateType: 'income' } })))).toEqual(['certificateType']);
  });
});

describe('personnel-file: transfer out', () => {
  it('sends a transfer request to the reviewer, who approves it into dispatch', () => {
    const request = act(inCustody(), 'requestTransfer', caseworker, T_REQUEST, { data: transfer });
    expect(request.snapshot.state).toBe('transferReview');
    expect(request.effects).toContainEqual({ kind: 'task.open', state: 'transferReview', role: 'reviewer', post: 'personnel-file-review', dueAt: addWorkingDays(calendar, T_REQUEST, 3).at, provisional: false });
    const approval = act(request.snapshot, 'approveTransfer', reviewer, T_APPROVE, { data: { opinion: '调档函核实无误' } });
    expect(approval.snapshot.state).toBe('dispatching');
    expect(approval.effects).toContainEqual({ kind: 'task.open', state: 'dispatching', role: 'caseworker', post: 'personnel-file-window', dueAt: addWorkingDays(calendar, T_APPROVE, 5).at, provisional: false });
  });

  it('refuses the requester as the reviewer, and a caseworker as reviewer', () => {
    const sameActor = refusal(() => act(inReview(), 'approveTransfer', { ...reviewer, id: caseworker.id }, T_APPROVE, { data: { opinion: 'ok' } }));
    expect(sameActor.code).toBe('MAKER_CHECKER_VIOLATION');
    expect(sameActor.details).toEqual({ event: 'approveTransfer', sameActorAs: 'requestTransfer' });
    expect(refusal(() => act(inReview(), 'rejectTransfer', { ...reviewer, id: caseworker.id }, T_APPROVE, { data: { transferRejectionReason: 'x' } })).code).toBe('MAKER_CHECKER_VIOLATION');
    expect(refusal(() => act(inReview(), 'approveTransfer', otherCaseworker, T_APPROVE, { data: { opinion: 'ok' } })).code).toBe('ROLE_NOT_PERMITTED');
  });

  it('refuses a transfer letter dated after today', () => {
    expect(futureDayFields(refusal(() => act(inCustody(), 'requestTransfer', caseworker, T_REQUEST, { data: { ...transfer, transferLetterDate: '2026-11-17' } })))).toEqual(['transferLetterDate']);
  });

  it('keeps the file in custody when the transfer is refused', () => {
    const refused = act(inReview(), 'rejectTransfer', reviewer, T_APPROVE, { data: { transferRejectionReason: '调档函单位与录用通知不符' } });
    expect(refused.snapshot.state).toBe('inCustody');
    expect(act(refused.snapshot, 'issueCertificate', caseworker, T_APPROVE, { data: { ...certificate, requestDate: '2026-11-17' } }).snapshot.state).toBe('inCustody');
  });

  it('dispatches by confidential mail with its number, or by courier with a name, and closes', () => {
    const mailed = act(dispatching(), 'dispatch', caseworker, T_DISPATCH, { data: dispatch });
    expect([mailed.snapshot.state, mailed.status]).toEqual(['closed', 'final']);
    const collected = act(dispatching(), 'dispatch', caseworker, T_DISPATCH, { data: { dispatchDate: '2026-11-18', dispatchMethod: 'courier', courierName: '陈某' } });
    expect(collected.snapshot.state).toBe('closed');
    expect(distinctFailingFields(refusal(() => act(dispatching(), 'dispatch', caseworker, T_DISPATCH, { data: { dispatchDate: '2026-11-18', dispatchMethod: 'confidential-mail' } })))).toEqual(['trackingNo']);
    expect(distinctFailingFields(refusal(() => act(dispatching(), 'dispatch', caseworker, T_DISPATCH, { data: { dispatchDate: '2026-11-18', dispatchMethod: 'courier' } })))).toEqual(['courierName']);
    // Never handed to the person concerned.
    expect(distinctFailingFields(refusal(() => act(dispatching(), 'dispatch', caseworker, T_DISPATCH, { data: { ...dispatch, dispatchMethod: 'carried-by-person' } })))).toEqual(['dispatchMethod']);
    expect(futureDayFields(refusal(() => act(dispatching(), 'dispatch', caseworker, T_DISPATCH, { data: { ...dispatch, dispatchDate: '2026-11-19' } })))).toEqual(['dispatchDate']);
  });
});

describe('personnel-file: indicators', () => {
  const selects = recordSelector('personnel-file');
  const indicator = (id: string) => personnelFile.indicators.find((i) => i.id === id)!;

  it('counts intake steps and dispatches against their deadlines', () => {
    const lateIntake = new Date(Date.parse(addWorkingDays(calendar, T_RECEIVE, 5).at) + 1).toISOString();
    const lateDispatch = new Date(Date.parse(addWorkingDays(calendar, T_APPROVE, 5).at) + 1).toISOString();
    const all = [
      ...records(act(received(), 'accept', caseworker, T_ACCEPT, { data: acceptance })),
      ...records(act(received(), 'refuse', caseworker, lateIntake, { data: { refusalReason: '材料不全' } })),
      ...records(act(inCustody(), 'issueCertificate', caseworker, T_CERTIFICATE, { data: certificate })),
      ...records(act(dispatching(), 'dispatch', caseworker, T_DISPATCH, { data: dispatch })),
      ...records(act(dispatching(), 'dispatch', caseworker, lateDispatch, { data: { ...dispatch, dispatchDate: '2026-11-24' } })),
    ];
    const intake = indicator('personnel-file-intake-on-time-rate');
    expect(all.filter((r) => selects(intake.denominator, r)).map((r) => r.event)).toEqual(['accept', 'refuse']);
    expect(all.filter((r) => selects(intake.numerator, r)).map((r) => r.event)).toEqual(['accept']);
    const dispatched = indicator('personnel-file-dispatch-on-time-rate');
    expect(all.filter((r) => selects(dispatched.denominator, r)).map((r) => r.leftAt)).toEqual([T_DISPATCH, lateDispatch]);
    expect(all.filter((r) => selects(dispatched.numerator, r)).map((r) => r.leftAt)).toEqual([T_DISPATCH]);
  });
});
