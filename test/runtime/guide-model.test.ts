import { describe, expect, it } from 'vitest';
import { applyOverlay, overlaySchema, parseDefinition, type Definition, type OverlayInput } from '../../engine/index.ts';
import { serviceGuide, type GuideOrgData } from '../../runtime/guides/index.ts';
import { ministryPackage } from '../support/packages.ts';

const definitionsOf = (pkg: string) => ministryPackage(pkg).definitions.map(parseDefinition);
const [registration] = definitionsOf('unemployment-registration') as [Definition];
const startUp = definitionsOf('start-up').find((d) => d.id === 'start-up-subsidy')!;
const [benefit] = definitionsOf('unemployment-benefit') as [Definition];

const org: GuideOrgData = {
  city: { code: '350200', name: '厦门市' },
  offices: [
    { id: '350200-01', name: '厦门市公共就业服务中心' },
    { id: '350203-01', name: '思明区公共就业服务中心' },
  ],
  postNames: new Map([['unemployment-window', { 'zh-CN': '失业登记窗口', en: 'Unemployment registration window' }]]),
};

const guideOf = (definition: Definition, version = 1) => serviceGuide({ processId: definition.id, version, definition }, org);
const overlaid = (definition: Definition, input: OverlayInput) => applyOverlay(definition, overlaySchema.parse(input));

describe('a service guide generated from a definition', () => {
  it('gives 失业登记 its steps, handlers and time limits from the main path, ending where the case rests', () => {
    const guide = guideOf(registration)!;
    expect(guide.title).toEqual({ 'zh-CN': '失业登记', en: 'Unemployment registration' });
    expect(guide.application).toMatchObject({ event: 'submit', formTitle: { 'zh-CN': '失业登记表', en: 'Unemployment registration form' } });
    expect(guide.steps).toEqual([
      { state: 'draft', title: { 'zh-CN': '受理', en: 'Intake' }, role: 'caseworker', post: { code: 'unemployment-window', name: { 'zh-CN': '失业登记窗口', en: 'Unemployment registration window' } }, workingDays: 1, result: false },
      // A post no office of the city names keeps its code.
      { state: 'submitted', title: { 'zh-CN': '审核', en: 'Review' }, role: 'reviewer', post: { code: 'unemployment-review', name: { 'zh-CN': 'unemployment-review', en: 'unemployment-review' } }, workingDays: 3, result: false },
      { state: 'registered', title: { 'zh-CN': '已登记失业', en: 'Registered unemployed' }, result: true },
    ]);
    expect(guide.totalWorkingDays).toBe(4);
    expect(guide.offices).toEqual(org.offices);
  });

  it('lists the form fields in the form order: required, required in some cases (with the case), optional; hidden ones left out', () => {
    const fields = guideOf(registration)!.fields;
    expect(fields.filter((f) => f.required === 'always').map((f) => f.name)).toEqual(['category', 'unemployedSince', 'retirementCategory', 'education', 'phone', 'residenceArea']);
    expect(fields.find((f) => f.name === 'separationProof')).toEqual({
      name: 'separationProof',
      title: { 'zh-CN': '解除劳动关系证明编号', en: 'Separation proof number' },
      required: 'when',
      when: [{ field: { 'zh-CN': '失业人员类别', en: 'Category' }, value: { 'zh-CN': '从企业、机关、事业单位等各类用人单位失业', en: 'Lost a job with an employer (enterprise, government body, public institution, etc.)' } }],
    });
    expect(fields.find((f) => f.name === 'address')?.required).toBe('optional');
  });

  it('gives the documents, and the rules of every event on the path once each, with their legal basis once each', () => {
    const guide = guideOf(registration)!;
    expect(guide.documents.map((d) => d.title['zh-CN'])).toEqual(['身份证明', '解除劳动合同证明']);
    // submit's four rules, then approve's one of its own (the others repeat submit's).
    expect(guide.rules.map((r) => r.id)).toEqual(['working-age', 'unemployed-since-of-working-age', 'not-employed', 'one-active-registration', 'unemployed-since-not-in-future']);
    expect(guide.rules[2]).toEqual({ id: 'not-employed', message: { 'zh-CN': '该人员已有有效就业登记', en: 'The person has an active employment registration' }, basis: '《就业服务与就业管理规定》：失业登记对象须处于无业状态' });
    expect(guide.legalBasis.length).toBe(new Set(guide.rules.map((r) => r.basis)).size);
  });

  it('follows a city overlay: an added review step, a new required field and a shorter time limit', () => {
    const local = overlaid(registration, {
      operations: [
        { op: 'addField', form: 'registration', field: 'hukouType', required: true, schema: { type: 'string', title: '户籍类型', 'x-i18n': { en: 'Household registration type' } } },
        { op: 'setSla', state: 'submitted', workingDays: 2 },
        {
          op: 'insertReview', after: 'submitted', event: 'approve', state: 'secondReview', title: { 'zh-CN': '复核', en: 'Second review' },
          task: { role: 'reviewer', post: 'unemployment-review', slaWorkingDays: 1 },
          form: { id: 'secondOpinion', title: { 'zh-CN': '复核意见', en: 'Second opinion' }, schema: { type: 'object', properties: { opinion: { type: 'string' } } } },
          approve: { event: 'confirm', title: { 'zh-CN': '复核通过', en: 'Confirm' }, roles: ['reviewer'] },
          reject: { event: 'overrule', title: { 'zh-CN': '复核不通过', en: 'Overrule' }, roles: ['reviewer'], target: 'rejected' },
        },
      ],
    });
    const guide = guideOf(local, 2)!;
    expect(guide.steps.map((s) => [s.state, s.workingDays])).toEqual([['draft', 1], ['submitted', 2], ['secondReview', 1], ['registered', undefined]]);
    expect(guide.totalWorkingDays).toBe(4);
    expect(guide.fields.find((f) => f.name === 'hukouType')).toEqual({ name: 'hukouType', title: { 'zh-CN': '户籍类型', en: 'Household registration type' }, required: 'always' });
    expect(guide.version).toBe(2);
  });

  it('gives 一次性创业补贴 the window\'s check of the online application, the public notice for the period in force, the review and the payment', () => {
    const guide = serviceGuide({ processId: startUp.id, version: 1, definition: startUp }, { ...org, parameters: { noticeWorkingDays: 7 } })!;
    expect(guide.application).toMatchObject({ event: 'apply', formTitle: { 'zh-CN': '一次性创业补贴申请表', en: 'Start-up subsidy application' } });
    // The window's intake (受理) is left out: applied for online, the case waits at the window's check of it instead.
    expect(guide.steps.map(({ state, role, workingDays, notice, result }) => ({ state, role, workingDays, notice, result }))).toEqual([
      { state: 'received', role: 'caseworker', workingDays: 5, notice: undefined, result: false },
      { state: 'publicized', role: undefined, workingDays: 7, notice: true, result: false },
      { state: 'submitted', role: 'reviewer', workingDays: 10, notice: undefined, result: false },
      { state: 'paid', role: undefined, workingDays: undefined, notice: undefined, result: true },
    ]);
    expect(guide.totalWorkingDays).toBe(22);
    // Without the parameters in force, the notice has no period to count.
    expect(guideOf(startUp)!.steps.find((s) => s.state === 'publicized')).toEqual({ state: 'publicized', title: { 'zh-CN': '公示', en: 'Public notice' }, notice: true, result: false });
    expect(guide.documents.map((d) => d.code)).toEqual(['business-licence', 'identity-proof']);
    expect(guide.fields.filter((f) => f.required === 'always').map((f) => f.name)).toEqual(['businessCreditCode', 'businessStartDate', 'amountFen', 'graduate']);
    expect(guide.rules.map((r) => r.id)).toEqual(['within-subsidy-amount', 'business-recent', 'business-operated', 'eligible-group', 'business-registered', 'applicant-is-legal-representative', 'start-date-as-registered', 'first-business', 'incubator-qualified']);
  });

  it('makes no guide for a process the public cannot apply for', () => {
    expect(guideOf(benefit)).toBeUndefined();
  });
});
