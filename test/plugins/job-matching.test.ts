import { describe, expect, it } from 'vitest';
import { addWorkingDays, compile, parseDefinition, start, step, type Actor, type CaseData, type CaseSnapshot, type StepResult } from '../../engine/index.ts';
import { occupationMatch, rankVacancies, regionMatch, type SeekerProfile, type VacancySummary } from '../../runtime/matching/rank-vacancies.ts';
import { ministryPackage } from '../support/packages.ts';

const jobMatching = ministryPackage('job-matching');
import { eventTimers, failingFields, futureDayFields, ofKind, refusal, system, violatedRules } from '../support/engine-assertions.ts';
import { calendar } from '../support/calendar.ts';

const caseworker: Actor = { id: 'u-1', name: '张三', role: 'caseworker', post: 'vacancy-window', orgUnit: 'o-1' };
const otherCaseworker: Actor = { ...caseworker, id: 'u-3', name: '王五' };
const reviewer: Actor = { id: 'u-2', name: '李四', role: 'reviewer', post: 'vacancy-review', orgUnit: 'o-1' };

const EMPLOYER = '91350100M000100Y43';
const OTHER_EMPLOYER = '91350203MA2Y3K1B9C';

function definition(id: string): unknown {
  const found = jobMatching.definitions.find((d) => (d as { id: string }).id === id);
  if (!found) throw new Error(`no definition ${id}`);
  return found;
}

const vacancyPosting = compile(definition('vacancy-posting'), jobMatching.implementations);
const jobSeeking = compile(definition('job-seeking'), jobMatching.implementations);
const jobReferral = compile(definition('job-referral'), jobMatching.implementations);

describe('vacancy-posting (岗位登记)', () => {
  const posting = {
    employerCreditCode: EMPLOYER,
    headcount: 3,
    title: '仓库管理员',
    occupation: '4-02-06-03',
    duties: '负责货物出入库登记、盘点与库区安全巡查。',
    requirements: '男女不限，能适应倒班，熟练使用办公软件。',
    education: '60',
    skillLevel: '4',
    experienceYears: 1,
    payMinFen: 450_000,
    payMaxFen: 600_000,
    payBasis: 'monthly',
    workArea: '350206',
    employmentForm: 'full-time',
    validFrom: '2026-10-08',
    validUntil: '2026-12-31',
    contactName: '王女士',
    contactPhone: '13800138000',
  };
  const facts = { employer: { registered: true, name: '厦门某物流有限公司' } };
  const parameters = { maxValidityDays: 90 };

  const draft = () => start(vacancyPosting, { actor: caseworker, calendar, now: '2026-09-29T02:00:00.000Z', parameters }).snapshot;
  const submit = (data: CaseData, options: { facts?: Record<string, unknown>; parameters?: Record<string, unknown>; now?: string } = {}) =>
    step(vacancyPosting, {
      snapshot: draft(),
      event: { type: 'submit', data },
      actor: caseworker,
      calendar, now: options.now ?? '2026-09-30T02:00:00.000Z',
      facts: options.facts ?? facts,
      parameters: options.parameters ?? parameters,
    });
  const send = (snapshot: CaseSnapshot, type: string, actor: Actor, data?: CaseData, now = '2026-10-09T01:00:00.000Z'): StepResult =>
    step(vacancyPosting, { snapshot, event: data === undefined ? { type } : { type, data }, actor, calendar, now, facts, parameters });
  const underReview = () => send(submit(posting).snapshot, 'startReview', reviewer, {}).snapshot;
  const published = () => send(underReview(), 'publish', reviewer, { opinion: '信息真实完整' }).snapshot;

  it('walks intake -> review -> published, emitting the publication and arming expiry at the end of validUntil', () => {
    const created = start(vacancyPosting, { actor: caseworker, calendar, now: '2026-09-29T02:00:00.000Z' });
    expect(created.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', state: 'draft', role: 'caseworker', post: 'vacancy-window', provisional: false }));

    const submitted = submit(posting);
    expect(submitted.snapshot.state).toBe('submitted');
    expect(submitted.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', state: 'submitted', role: 'reviewer', post: 'vacancy-review', provisional: false }));

    const reviewing = send(submitted.snapshot, 'startReview', reviewer, {});
    expect(reviewing.snapshot.state).toBe('underReview');
    expect(reviewing.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', state: 'underReview', role: 'reviewer', post: 'vacancy-review', provisional: false }));

    const publication = send(reviewing.snapshot, 'publish', reviewer, { opinion: '信息真实完整' });
    expect(publication.snapshot.state).toBe('published');
    expect(publication.status).toBe('active');
    expect(ofKind(publication.effects, 'emit')).toEqual([
      { kind: 'emit', event: 'vacancy.published', payload: { employerCreditCode: EMPLOYER, occupation: '4-02-06-03', headcount: 3, workArea: '350206', validUntil: '2026-12-31' } },
    ]);
    // End of 2026-12-31 in China is 16:00 UTC that day.
    expect(eventTimers(publication.effects)).toEqual([
      { kind: 'timer.schedule', timer: 'event', state: 'published', at: '2026-12-31T16:00:00.000Z', event: 'expire', otherwise: null, data: {}, workingDays: false, provisional: false },
    ]);
    // A published posting waits on no one: no task is opened.
    expect(ofKind(publication.effects, 'task.open')).toEqual([]);
  });

  it('ends filled when hires are recorded, but never more than the headcount', () => {
    const filled = send(published(), 'fill', caseworker, { filledCount: 3 });
    expect(filled.status).toBe('final');
    expect(filled.snapshot.state).toBe('filled');
    expect(filled.effects).toContainEqual(expect.objectContaining({ kind: 'record', record: expect.objectContaining({ from: 'published', to: 'filled', event: 'fill' }) }));

    const tooMany = refusal(() => send(published(), 'fill', caseworker, { filledCount: 4 }));
    expect(tooMany.code).toBe('RULE_VIOLATION');
    expect(violatedRules(tooMany)).toEqual(['filled-within-headcount']);
  });

  it('lets the system expire a posting, and only the system', () => {
    const expired = send(published(), 'expire', system, undefined, '2026-12-31T16:00:00.000Z');
    expect(expired.status).toBe('final');
    expect(expired.snapshot.state).toBe('expired');
    expect(refusal(() => send(published(), 'expire', caseworker)).code).toBe('ROLE_NOT_PERMITTED');
  });

  it('suspends and resumes a posting, keeping and re-arming the expiry timer, and withdraws it', () => {
    const suspended = send(published(), 'suspend', caseworker, { suspensionReason: '单位暂停招聘' });
    expect(suspended.snapshot.state).toBe('suspended');
    expect(suspended.effects).toContainEqual({ kind: 'timer.cancel', state: 'published' });
    expect(eventTimers(suspended.effects)).toEqual([expect.objectContaining({ state: 'suspended', event: 'expire', at: '2026-12-31T16:00:00.000Z' })]);
    expect(refusal(() => send(suspended.snapshot, 'suspend', caseworker, { suspensionReason: 'x' })).code).toBe('TRANSITION_NOT_AVAILABLE');

    const resumed = send(suspended.snapshot, 'resume', caseworker);
    expect(resumed.snapshot.state).toBe('published');
    expect(eventTimers(resumed.effects)).toEqual([expect.objectContaining({ state: 'published', event: 'expire', at: '2026-12-31T16:00:00.000Z' })]);

    const withdrawn = send(suspended.snapshot, 'withdraw', caseworker, { withdrawalReason: '岗位取消' });
    expect(withdrawn.status).toBe('final');
    expect(withdrawn.snapshot.state).toBe('withdrawn');
    expect(refusal(() => send(suspended.snapshot, 'withdraw', caseworker, {})).code).toBe('FORM_INVALID');
  });

  it('lets the reviewer reject, ending the case', () => {
    const rejected = send(underReview(), 'reject', reviewer, { rejectionReason: '单位信息与登记不符' });
    expect(rejected.status).toBe('final');
    expect(rejected.snapshot.state).toBe('rejected');
  });

  it('sends a posting back for revision; the resubmission is screened again and its sender may not review it', () => {
    const returned = send(underReview(), 'requestRevision', reviewer, { revisionNote: '请删除性别要求' });
    expect(returned.snapshot.state).toBe('revisionRequested');
    expect(returned.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', state: 'revisionRequested', role: 'caseworker', post: 'vacancy-window', provisional: false }));

    const stillBiased = refusal(() => send(returned.snapshot, 'resubmit', otherCaseworker, { ...posting, requirements: '限男性' }));
    expect(stillBiased.code).toBe('RULE_VIOLATION');
    expect(violatedRules(stillBiased)).toEqual(['no-sex-requirement']);

    const resubmitted = send(returned.snapshot, 'resubmit', otherCaseworker, posting);
    expect(resubmitted.snapshot.state).toBe('submitted');
    // The resubmitter, signed in as a reviewer, is refused as checker.
    const resubmitterAsReviewer = { ...reviewer, id: otherCaseworker.id };
    const clash = refusal(() => send(resubmitted.snapshot, 'startReview', resubmitterAsReviewer, {}));
    expect(clash.code).toBe('MAKER_CHECKER_VIOLATION');
    expect(clash.details).toMatchObject({ sameActorAs: 'resubmit' });
  });

  it('lets the employer act online only on its own steps: submit, revise a live posting back into review (expiry disarmed, screened again), withdraw; never review', () => {
    const employer: Actor = { id: 'account-1', name: '厦门某物流有限公司', role: 'applicant', post: null, orgUnit: 'o-1' };
    const online = step(vacancyPosting, { snapshot: draft(), event: { type: 'submit', data: posting }, actor: employer, calendar, now: '2026-09-30T02:00:00.000Z', facts, parameters });
    expect(online.snapshot.state).toBe('submitted');
    expect(refusal(() => send(online.snapshot, 'startReview', employer, {})).code).toBe('ROLE_NOT_PERMITTED');

    const biased = refusal(() => send(published(), 'revise', employer, { ...posting, requirements: '限男性' }));
    expect(violatedRules(biased)).toEqual(['no-sex-requirement']);
    const revised = send(published(), 'revise', employer, { ...posting, title: '仓库主管' });
    expect(revised.snapshot.state).toBe('submitted');
    expect(revised.snapshot.context.data['title']).toBe('仓库主管');
    expect(ofKind(revised.effects, 'timer.cancel').length).toBeGreaterThan(0);
    // A caseworker who revises a posting may not approve it again.
    const reviser = { ...reviewer, id: otherCaseworker.id };
    const byCaseworker = send(published(), 'revise', otherCaseworker, posting);
    expect(refusal(() => send(byCaseworker.snapshot, 'startReview', reviser, {})).details).toMatchObject({ sameActorAs: 'revise' });

    expect(send(published(), 'withdraw', employer, { withdrawalReason: '岗位取消' }).snapshot.state).toBe('withdrawn');
    expect(refusal(() => send(published(), 'fill', employer, { filledCount: 1 })).code).toBe('ROLE_NOT_PERMITTED');
  });

  it('refuses the submitter as reviewer at every review step', () => {
    const makerAsReviewer = { ...reviewer, id: caseworker.id };
    expect(refusal(() => send(submit(posting).snapshot, 'startReview', makerAsReviewer, {})).code).toBe('MAKER_CHECKER_VIOLATION');
    for (const [event, data] of [
      ['publish', { opinion: 'ok' }],
      ['reject', { rejectionReason: 'x' }],
      ['requestRevision', { revisionNote: 'x' }],
    ] as const) {
      expect(refusal(() => send(underReview(), event, makerAsReviewer, data)).code, event).toBe('MAKER_CHECKER_VIOLATION');
    }
  });

  it('refuses an unregistered employer and a pay range upside down', () => {
    const error = refusal(() => submit({ ...posting, payMinFen: 700_000 }, { facts: { employer: { registered: false, name: null } } }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(violatedRules(error)).toEqual(['employer-registered', 'pay-range']);
    // Equal bounds are a fixed pay, not an error.
    expect(submit({ ...posting, payMinFen: 600_000 }).snapshot.state).toBe('submitted');
  });

  it('checks the employer again at publication', () => {
    const error = refusal(() =>
      step(vacancyPosting, { snapshot: underReview(), event: { type: 'publish', data: { opinion: 'ok' } }, actor: reviewer, calendar, now: '2026-10-09T01:00:00.000Z', facts: { employer: { registered: false, name: null } }, parameters }),
    );
    expect(error.code).toBe('RULE_VIOLATION');
    expect(violatedRules(error)).toEqual(['employer-registered']);
  });

  it('bounds the validity period by maxValidityDays, counting both days', () => {
    // 2026-10-01 .. 2026-12-29 is 90 days; one more day is too long.
    expect(submit({ ...posting, validFrom: '2026-10-01', validUntil: '2026-12-29' }).snapshot.state).toBe('submitted');
    const tooLong = refusal(() => submit({ ...posting, validFrom: '2026-10-01', validUntil: '2026-12-30' }));
    expect(violatedRules(tooLong)).toEqual(['validity-period']);
    // A city that allows 120 days accepts it.
    expect(submit({ ...posting, validFrom: '2026-10-01', validUntil: '2026-12-30' }, { parameters: { maxValidityDays: 120 } }).snapshot.state).toBe('submitted');
    // Without a local value the ministry default of 90 days applies.
    expect(violatedRules(refusal(() => submit({ ...posting, validFrom: '2026-10-01', validUntil: '2026-12-30' }, { parameters: {} })))).toEqual(['validity-period']);
  });

  it('refuses a validity that ends before it starts, or has ended already', () => {
    expect(violatedRules(refusal(() => submit({ ...posting, validFrom: '2026-10-08', validUntil: '2026-10-08' })))).toEqual(['validity-period']);
    // 2026-10-07T17:00Z is already 2026-10-08 in China.
    const lapsed = refusal(() => submit({ ...posting, validFrom: '2026-09-01', validUntil: '2026-10-07' }, { now: '2026-10-07T17:00:00.000Z' }));
    expect(violatedRules(lapsed)).toEqual(['valid-until-not-past']);
    expect(submit({ ...posting, validFrom: '2026-09-01', validUntil: '2026-10-07' }, { now: '2026-10-07T15:00:00.000Z' }).snapshot.state).toBe('submitted');
  });

  it.each([
    ['requirements', '限男性，身高170cm以上', 'no-sex-requirement'],
    ['requirements', '仅限女性', 'no-sex-requirement'],
    ['title', '前台接待（女士优先）', 'no-sex-requirement'],
    ['requirements', '男性优先', 'no-sex-requirement'],
    ['requirements', '已婚已育', 'no-sex-requirement'],
    ['requirements', '限汉族', 'no-ethnicity-requirement'],
    ['duties', '民族要求：汉族', 'no-ethnicity-requirement'],
    ['requirements', '少数民族除外', 'no-ethnicity-requirement'],
    ['requirements', '入职体检含乙肝两对半', 'no-hepatitis-b-requirement'],
    ['requirements', 'HBsAg阴性', 'no-hepatitis-b-requirement'],
    ['duties', '大三阳勿扰', 'no-hepatitis-b-requirement'],
    ['requirements', '非农业户口', 'no-rural-hukou-requirement'],
    ['requirements', '城镇户口', 'no-rural-hukou-requirement'],
    ['requirements', '限本地城镇户籍', 'no-rural-hukou-requirement'],
    ['requirements', '不招农村户口', 'no-rural-hukou-requirement'],
    ['requirements', '残疾人勿扰', 'no-disability-requirement'],
    ['requirements', '限健全人', 'no-disability-requirement'],
    ['requirements', '身体健全，能适应倒班', 'no-disability-requirement'],
    ['requirements', '无残疾', 'no-disability-requirement'],
    ['duties', '残障人士除外', 'no-disability-requirement'],
    ['requirements', '不招残疾人', 'no-disability-requirement'],
    ['requirements', '持残疾证者免谈', 'no-disability-requirement'],
    ['requirements', '信仰宗教者勿扰', 'no-religion-requirement'],
    ['requirements', '不招信教人员', 'no-religion-requirement'],
    ['requirements', '无宗教信仰', 'no-religion-requirement'],
    ['requirements', '本人不信教', 'no-religion-requirement'],
    ['duties', '穆斯林除外', 'no-religion-requirement'],
    ['title', '店员（基督徒优先）', 'no-religion-requirement'],
    ['requirements', '有宗教信仰者不予录用', 'no-religion-requirement'],
  ])('screens the %s "%s" as %s', (field, text, rule) => {
    const error = refusal(() => submit({ ...posting, [field]: text }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(violatedRules(error)).toEqual([rule]);
  });

  it('names every ground a posting discriminates on, citing the law', () => {
    const error = refusal(() => submit({ ...posting, title: '普工（限男性）', duties: '限汉族', requirements: '乙肝五项检查正常，非农业户口' }));
    expect(violatedRules(error)).toEqual(['no-sex-requirement', 'no-ethnicity-requirement', 'no-hepatitis-b-requirement', 'no-rural-hukou-requirement']);
    const messages = (error.details as { violations: { message: { 'zh-CN': string; en: string } }[] }).violations.map((v) => v.message);
    expect(messages.map((m) => m['zh-CN'].match(/第(二十七|二十八|三十|三十一)条/)?.[1])).toEqual(['二十七', '二十八', '三十', '三十一']);
    expect(messages.map((m) => m.en.match(/art\. (\d+)/)?.[1])).toEqual(['27', '28', '30', '31']);
  });

  it.each([
    '男女不限，民族不限，户籍不限',
    '不限男女，城镇户口或农村户口均可，不查乙肝',
    '性别：男女均可；民族要求：不限',
    '应届毕业生优先，有叉车证优先',
    '欢迎残疾人报名，残疾人优先，不要求经验',
    '适合残疾人士；安置残疾人就业可减免残疾人就业保障金',
    '身体健康，协助健全人员管理制度',
    '宗教信仰不限，尊重员工宗教信仰',
    '无宗教信仰要求，不限信仰',
  ])('passes a posting that states no restriction: "%s"', (requirements) => {
    expect(submit({ ...posting, requirements }).snapshot.state).toBe('submitted');
  });

  it('names disability and religious belief with the articles that forbid them', () => {
    const error = refusal(() => submit({ ...posting, requirements: '残疾人勿扰，信仰宗教者勿扰' }));
    expect(violatedRules(error)).toEqual(['no-disability-requirement', 'no-religion-requirement']);
    const messages = (error.details as { violations: { message: { 'zh-CN': string; en: string } }[] }).violations.map((v) => v.message);
    expect(messages.map((m) => m['zh-CN'])).toEqual([expect.stringContaining('第二十九条'), expect.stringContaining('人力资源市场暂行条例》第二十四条')]);
    expect(messages.map((m) => m.en)).toEqual([expect.stringContaining('art. 29'), expect.stringContaining('art. 24')]);
    // Screened again at resubmission and at publication: the rule lists are the same.
    const definitionJson = definition('vacancy-posting') as { states: Record<string, { on: Record<string, { rules?: { id: string }[] }> }> };
    for (const [state, event] of [['draft', 'submit'], ['revisionRequested', 'resubmit'], ['underReview', 'publish']] as const) {
      const ids = definitionJson.states[state]!.on[event]!.rules!.map((r) => r.id);
      expect(ids, `${state}.${event}`).toEqual(expect.arrayContaining(['no-disability-requirement', 'no-religion-requirement', 'pay-not-below-minimum-wage']));
    }
  });

  it('refuses a full-time posting paying less than the monthly minimum wage, ¥1,000 a month among them', () => {
    const wage = { ...parameters, minimumMonthlyWageFen: 203_000 };
    const cheap = refusal(() => submit({ ...posting, payMinFen: 100_000, payMaxFen: 120_000 }, { parameters: wage }));
    expect(cheap.code).toBe('RULE_VIOLATION');
    expect(violatedRules(cheap)).toEqual(['pay-not-below-minimum-wage']);
    const message = (cheap.details as { violations: { message: { 'zh-CN': string; en: string } }[] }).violations[0]!.message;
    expect(message['zh-CN']).toContain('最低工资');
    expect(message.en).toContain('minimum wage');
    // The floor itself is enough; one fen less is not.
    expect(submit({ ...posting, payMinFen: 203_000 }, { parameters: wage }).snapshot.state).toBe('submitted');
    expect(violatedRules(refusal(() => submit({ ...posting, payMinFen: 202_999 }, { parameters: wage })))).toEqual(['pay-not-below-minimum-wage']);
    // The city's figure decides: a higher local minimum refuses what the default allows.
    expect(violatedRules(refusal(() => submit({ ...posting, payMinFen: 210_000 }, { parameters: { ...wage, minimumMonthlyWageFen: 226_000 } })))).toEqual(['pay-not-below-minimum-wage']);
    // Full-time hourly pay counts as 174 hours a month: ¥11 an hour is ¥1,914, ¥12 is ¥2,088.
    expect(violatedRules(refusal(() => submit({ ...posting, payBasis: 'hourly', payMinFen: 1_100, payMaxFen: 1_500 }, { parameters: wage })))).toEqual(['pay-not-below-minimum-wage']);
    expect(submit({ ...posting, payBasis: 'hourly', payMinFen: 1_200, payMaxFen: 1_500 }, { parameters: wage }).snapshot.state).toBe('submitted');
    // The monthly minimum is for full-time work only (最低工资规定 art. 5); piece rates are not compared.
    expect(submit({ ...posting, employmentForm: 'part-time', payBasis: 'hourly', payMinFen: 2_400, payMaxFen: 3_000 }, { parameters: wage }).snapshot.state).toBe('submitted');
    expect(submit({ ...posting, payBasis: 'piece', payMinFen: 100, payMaxFen: 300 }, { parameters: wage }).snapshot.state).toBe('submitted');
  });

  it('checks the minimum wage again at publication', () => {
    const submitted = submit({ ...posting, payMinFen: 210_000 }).snapshot;
    const reviewing = send(submitted, 'startReview', reviewer, {}).snapshot;
    const raised = refusal(() =>
      step(vacancyPosting, { snapshot: reviewing, event: { type: 'publish', data: { opinion: '同意' } }, actor: reviewer, calendar, now: '2026-10-09T01:00:00.000Z', facts, parameters: { ...parameters, minimumMonthlyWageFen: 226_000 } }),
    );
    expect(violatedRules(raised)).toEqual(['pay-not-below-minimum-wage']);
  });

  it('screens the title, duties and requirements, not the contact person', () => {
    expect(submit({ ...posting, contactName: '陈女士' }).snapshot.state).toBe('submitted');
    const { requirements: _requirements, ...withoutRequirements } = posting;
    expect(submit(withoutRequirements).snapshot.state).toBe('submitted');
  });

  it('refuses a posting form failing its schema, naming every failing field', () => {
    const bad = {
      ...posting,
      employerCreditCode: '91350100M000100Y44',
      occupation: '4-2-06',
      payMinFen: 4500.5,
      payBasis: 'yearly',
      workArea: '3502',
      contactPhone: '0592-1234567',
      headcount: 0,
      salary: 1,
    };
    const error = refusal(() => submit(bad));
    expect(error.code).toBe('FORM_INVALID');
    expect([...new Set(failingFields(error))]).toEqual(['contactPhone', 'employerCreditCode', 'headcount', 'occupation', 'payBasis', 'payMinFen', 'salary', 'workArea']);

    const { validUntil: _validUntil, ...missing } = posting;
    expect(failingFields(refusal(() => submit(missing)))).toEqual(['validUntil']);
  });
});

describe('job-seeking (求职登记)', () => {
  const profile = {
    desiredOccupations: ['4-02-06-03', '4-02-06'],
    desiredAreas: ['350206', '350203'],
    expectedPayFen: 500_000,
    education: '60',
    availableFrom: '2026-10-08',
    validUntil: '2027-03-31',
  };
  const jobReferralActor = { ...caseworker, post: 'job-referral' };
  const draft = () => start(jobSeeking, { actor: jobReferralActor, calendar, now: '2026-09-29T02:00:00.000Z' });
  const register = (data: CaseData, now = '2026-09-30T02:00:00.000Z') => step(jobSeeking, { snapshot: draft().snapshot, event: { type: 'register', data }, actor: jobReferralActor, calendar, now });
  const send = (snapshot: CaseSnapshot, type: string, actor: Actor, data?: CaseData): StepResult =>
    step(jobSeeking, { snapshot, event: data === undefined ? { type } : { type, data }, actor, calendar, now: '2026-11-02T01:00:00.000Z' });

  it('opens an intake task at the job-referral post and registers the seeker with an expiry timer', () => {
    expect(draft().effects).toContainEqual(expect.objectContaining({ kind: 'task.open', state: 'draft', role: 'caseworker', post: 'job-referral', provisional: false }));
    const active = register(profile);
    expect(active.snapshot.state).toBe('active');
    expect(active.snapshot.context.data).toMatchObject(profile);
    expect(eventTimers(active.effects)).toEqual([
      { kind: 'timer.schedule', timer: 'event', state: 'active', at: '2027-03-31T16:00:00.000Z', event: 'expire', otherwise: null, data: {}, workingDays: false, provisional: false },
    ]);
  });

  it('updates the profile in place, re-arming the expiry at the new date', () => {
    const updated = send(register(profile).snapshot, 'update', jobReferralActor, { ...profile, desiredOccupations: ['2-02-10'], validUntil: '2027-06-30' });
    expect(updated.snapshot.state).toBe('active');
    expect(updated.snapshot.context.data['desiredOccupations']).toEqual(['2-02-10']);
    expect(updated.effects).toContainEqual({ kind: 'timer.cancel', state: 'active' });
    expect(eventTimers(updated.effects)).toEqual([expect.objectContaining({ event: 'expire', at: '2027-06-30T16:00:00.000Z' })]);
  });

  it('closes on employment registration, expires by timer and is withdrawn by a caseworker', () => {
    const active = register(profile).snapshot;
    const closed = send(active, 'employmentRegistered', system);
    expect([closed.snapshot.state, closed.status]).toEqual(['closed', 'final']);
    expect(refusal(() => send(active, 'employmentRegistered', jobReferralActor)).code).toBe('ROLE_NOT_PERMITTED');

    const expired = send(active, 'expire', system);
    expect([expired.snapshot.state, expired.status]).toEqual(['expired', 'final']);

    const withdrawn = send(active, 'withdraw', jobReferralActor, { withdrawalReason: '本人申请' });
    expect([withdrawn.snapshot.state, withdrawn.status]).toEqual(['withdrawn', 'final']);
  });

  it('counts an unjustified refusal of offered training on the person, as a refused job is counted, and reports it', () => {
    const refusalOfTraining = { offeredTraining: '叉车司机职业技能培训', offeredOn: '2026-11-02', refusalReason: '不愿参加，无正当理由' };
    const refused = send(register(profile).snapshot, 'refuseTraining', jobReferralActor, refusalOfTraining);
    expect([refused.snapshot.state, refused.status]).toEqual(['active', 'active']);
    expect(ofKind(refused.effects, 'subject.increment')).toEqual([{ kind: 'subject.increment', field: 'unjustifiedRefusals' }]);
    // The same event a refused job emits: the unemployment registration and benefit count it (失业保险条例 art. 15).
    expect(ofKind(refused.effects, 'emit')).toEqual([{ kind: 'emit', event: 'referral.refused', payload: refusalOfTraining }]);

    const future = refusal(() => send(register(profile).snapshot, 'refuseTraining', jobReferralActor, { ...refusalOfTraining, offeredOn: '2026-11-03' }));
    expect(futureDayFields(future)).toEqual(['offeredOn']);
    const missing = refusal(() => send(register(profile).snapshot, 'refuseTraining', jobReferralActor, { offeredOn: '2026-11-02' }));
    expect(missing.code).toBe('FORM_INVALID');
    expect(failingFields(missing)).toEqual(['offeredTraining', 'refusalReason']);
    expect(refusal(() => send(draft().snapshot, 'refuseTraining', jobReferralActor, refusalOfTraining)).code).toBe('TRANSITION_NOT_AVAILABLE');
  });

  it('refuses a registration that has already lapsed', () => {
    const error = refusal(() => register({ ...profile, validUntil: '2026-09-29' }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(violatedRules(error)).toEqual(['valid-until-not-past']);
  });

  it('wants one to five distinct occupation codes and at least one area', () => {
    const none = refusal(() => register({ ...profile, desiredOccupations: [], desiredAreas: [] }));
    expect(none.code).toBe('FORM_INVALID');
    expect(failingFields(none)).toEqual(['desiredAreas', 'desiredOccupations']);
    const six = ['1-01', '2-01', '3-01', '4-01', '5-01', '6-01'];
    expect(failingFields(refusal(() => register({ ...profile, desiredOccupations: six })))).toEqual(['desiredOccupations']);
    expect(failingFields(refusal(() => register({ ...profile, desiredOccupations: ['4-02', '4-02'] })))).toEqual(['desiredOccupations']);
    expect(failingFields(refusal(() => register({ ...profile, desiredOccupations: ['4-02', '40-2'], desiredAreas: ['35020'] })))).toEqual(['desiredAreas.0', 'desiredOccupations.1']);
    expect(failingFields(refusal(() => register({ ...profile, expectedPayFen: 5000.5 })))).toEqual(['expectedPayFen']);
  });
});

describe('job-referral (职业介绍)', () => {
  const referral = { vacancyCaseNo: 'VP3502002026000017', employerCreditCode: EMPLOYER, occupation: '4-02-06-03' };
  const jobSeeking = { found: true, caseNo: 'JS3502002026000004', state: 'active', validUntil: '2027-03-31' };
  const vacancyFacts = { vacancy: { found: true, state: 'published', employerCreditCode: EMPLOYER, title: '仓库管理员', occupation: '4-02-06-03' }, jobSeeking };
  const worker = { ...caseworker, post: 'job-referral' };

  const proposed = () => start(jobReferral, { actor: worker, calendar, now: '2026-09-29T02:00:00.000Z' }).snapshot;
  const refer = (data: CaseData, facts: Record<string, unknown> = vacancyFacts) =>
    step(jobReferral, { snapshot: proposed(), event: { type: 'refer', data }, actor: worker, calendar, now: '2026-09-30T02:00:00.000Z', facts });
  const send = (snapshot: CaseSnapshot, type: string, actor: Actor, data?: CaseData, now = '2026-10-12T01:00:00.000Z'): StepResult =>
    step(jobReferral, { snapshot, event: data === undefined ? { type } : { type, data }, actor, calendar, now });
  const interviewed = () => send(refer(referral).snapshot, 'interview', worker, { interviewDate: '2026-10-10' }).snapshot;
  const hired = () => send(interviewed(), 'hire', worker, { startDate: '2026-10-20' }, '2026-10-13T01:00:00.000Z');

  it('refers, interviews and hires with working-day deadlines, and succeeds on employment with the referred employer', () => {
    const referred = refer(referral);
    expect(referred.snapshot.state).toBe('referred');
    expect(referred.snapshot.context.dueAt).toBe(addWorkingDays(calendar, '2026-09-30T02:00:00.000Z', 10).at);
    expect(referred.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', state: 'referred', role: 'caseworker', post: 'job-referral', provisional: false }));

    const hire = hired();
    expect(hire.snapshot.state).toBe('hired');
    expect(hire.snapshot.context.dueAt).toBe(addWorkingDays(calendar, '2026-10-13T01:00:00.000Z', 30).at);

    const succeeded = send(hire.snapshot, 'employmentRegistered', system, { hiringEmployerCreditCode: EMPLOYER }, '2026-10-21T01:00:00.000Z');
    expect([succeeded.snapshot.state, succeeded.status]).toEqual(['succeeded', 'final']);
    expect(succeeded.effects).toContainEqual(expect.objectContaining({ kind: 'record', record: expect.objectContaining({ from: 'hired', to: 'succeeded', event: 'employmentRegistered' }) }));
  });

  it('does not count an employment with another employer as a success', () => {
    const error = refusal(() => send(hired().snapshot, 'employmentRegistered', system, { hiringEmployerCreditCode: OTHER_EMPLOYER }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(violatedRules(error)).toEqual(['employment-with-referred-employer']);
    expect(refusal(() => send(hired().snapshot, 'employmentRegistered', worker, { hiringEmployerCreditCode: EMPLOYER })).code).toBe('ROLE_NOT_PERMITTED');
    const closed = send(hired().snapshot, 'close', worker, { closureReason: '未办理就业登记' });
    expect([closed.snapshot.state, closed.status]).toEqual(['closed', 'final']);
  });

  it('refers only to a published vacancy of the same employer and occupation', () => {
    const unpublished = refusal(() => refer(referral, { ...vacancyFacts, vacancy: { ...vacancyFacts.vacancy, state: 'suspended' } }));
    expect(unpublished.code).toBe('RULE_VIOLATION');
    expect(violatedRules(unpublished)).toEqual(['vacancy-published']);
    expect(violatedRules(refusal(() => refer(referral, { ...vacancyFacts, vacancy: { found: false, state: null } })))).toEqual(['vacancy-published', 'employer-matches-vacancy', 'occupation-matches-vacancy']);
    expect(violatedRules(refusal(() => refer({ ...referral, employerCreditCode: OTHER_EMPLOYER })))).toEqual(['employer-matches-vacancy']);
    expect(violatedRules(refusal(() => refer({ ...referral, occupation: '4-02-06-01' })))).toEqual(['occupation-matches-vacancy']);
    const badForm = refusal(() => refer({ ...referral, vacancyCaseNo: 'UR3502002026000017', employerCreditCode: '123' }));
    expect(badForm.code).toBe('FORM_INVALID');
    expect(failingFields(badForm)).toEqual(['employerCreditCode', 'vacancyCaseNo']);
  });

  it('accepts an employment agency named only when it is a registered, active one whose licence covers the day (人力资源市场暂行条例 art. 18)', () => {
    const agency = { registered: true, name: '厦门市鹭岛人力资源服务有限公司', status: 'active', validFrom: '2022-03-01', validUntil: '2027-02-28', occupations: [] };
    const viaAgency = (fact: Record<string, unknown>) => refer({ ...referral, agencyCreditCode: '91350203MA2Y7H3K9G' }, { ...vacancyFacts, agency: fact });
    expect(viaAgency(agency).snapshot.state).toBe('referred');
    for (const wrong of [{ registered: false }, { status: 'suspended' }, { validUntil: '2026-09-29' }]) {
      expect(violatedRules(refusal(() => viaAgency({ ...agency, ...wrong })))).toEqual(['agency-licensed']);
    }
  });

  it('refers only a person with an active, unexpired job-seeker registration', () => {
    const none = refusal(() => refer(referral, { ...vacancyFacts, jobSeeking: { found: false, caseNo: null, state: null, validUntil: null } }));
    expect(none.code).toBe('RULE_VIOLATION');
    expect(violatedRules(none)).toEqual(['job-seeker-registered']);
    // Still at intake, or past its validity while the expiry timer has not yet run.
    expect(violatedRules(refusal(() => refer(referral, { ...vacancyFacts, jobSeeking: { ...jobSeeking, state: 'draft' } })))).toEqual(['job-seeker-registered']);
    expect(violatedRules(refusal(() => refer(referral, { ...vacancyFacts, jobSeeking: { ...jobSeeking, validUntil: '2026-09-29' } })))).toEqual(['job-seeker-registered']);
    expect(refer(referral, { ...vacancyFacts, jobSeeking: { ...jobSeeking, validUntil: '2026-09-30' } }).snapshot.state).toBe('referred');
    // The fact is the subject's own active case of job-seeking, from the generic provider.
    expect((definition('job-referral') as { facts: Record<string, unknown> }).facts['jobSeeking']).toEqual({ provider: 'activeCaseOfSubject', process: 'job-seeking', fields: ['validUntil'] });
  });

  it('counts an unjustified refusal on the person and reports it, but not a justified one', () => {
    const unjustified = send(interviewed(), 'refuseUnjustified', worker, { refusalReason: '嫌工作地点远' });
    expect([unjustified.snapshot.state, unjustified.status]).toEqual(['rejected', 'final']);
    expect(ofKind(unjustified.effects, 'subject.increment')).toEqual([{ kind: 'subject.increment', field: 'unjustifiedRefusals' }]);
    expect(ofKind(unjustified.effects, 'emit')).toEqual([
      { kind: 'emit', event: 'referral.refused', payload: { vacancyCaseNo: 'VP3502002026000017', employerCreditCode: EMPLOYER, occupation: '4-02-06-03', refusalReason: '嫌工作地点远' } },
    ]);

    const justified = send(interviewed(), 'refuseJustified', worker, { refusalReason: '工资低于当地最低工资标准' });
    expect(justified.snapshot.state).toBe('rejected');
    expect(ofKind(justified.effects, 'subject.increment')).toEqual([]);
    expect(ofKind(justified.effects, 'emit')).toEqual([]);
    expect(refusal(() => send(interviewed(), 'refuseUnjustified', worker, {})).code).toBe('FORM_INVALID');
  });

  it('ends on a no-show, an employer rejection or a withdrawal before referral', () => {
    const noShow = send(refer(referral).snapshot, 'noShow', worker);
    expect([noShow.snapshot.state, noShow.status]).toEqual(['noShow', 'final']);
    const notHired = send(interviewed(), 'rejectByEmployer', worker, { employerRejectionReason: '技能不符' });
    expect([notHired.snapshot.state, notHired.status]).toEqual(['rejected', 'final']);
    const withdrawn = send(proposed(), 'withdraw', worker, { closureReason: '岗位已招满' });
    expect([withdrawn.snapshot.state, withdrawn.status]).toEqual(['closed', 'final']);
  });
});

describe('job-matching manifest', () => {
  const definitions = jobMatching.definitions.map((raw) => parseDefinition(raw));

  it('turns an employment registration into the referral success event, and only for a registration with an employer', () => {
    const subscription = jobMatching.subscriptions.find((s) => s.process === 'job-referral');
    expect(subscription).toMatchObject({ event: 'employment.registered', send: 'employmentRegistered' });
    // Deliver the payload as the runtime does: copy the mapped fields into the event's form.
    const deliver = (payload: Record<string, unknown>) => Object.fromEntries(Object.entries(subscription!.fromPayload ?? {}).map(([from, to]) => [to, payload[from]]));
    const referred = step(jobReferral, {
      snapshot: start(jobReferral, { actor: caseworker, calendar, now: '2026-09-29T02:00:00.000Z' }).snapshot,
      event: { type: 'refer', data: { vacancyCaseNo: 'VP3502002026000017', employerCreditCode: EMPLOYER, occupation: '4-02-06-03' } },
      actor: caseworker,
      calendar, now: '2026-09-30T02:00:00.000Z',
      facts: { vacancy: { found: true, state: 'published', employerCreditCode: EMPLOYER, occupation: '4-02-06-03' }, jobSeeking: { found: true, caseNo: 'JS3502002026000004', state: 'active', validUntil: '2027-03-31' } },
    }).snapshot;
    const interviewedCase = step(jobReferral, { snapshot: referred, event: { type: 'interview', data: { interviewDate: '2026-10-09' } }, actor: caseworker, calendar, now: '2026-10-09T01:00:00.000Z' }).snapshot;
    const hiredCase = step(jobReferral, { snapshot: interviewedCase, event: { type: 'hire', data: { startDate: '2026-10-20' } }, actor: caseworker, calendar, now: '2026-10-10T01:00:00.000Z' }).snapshot;
    const payload = { employerCreditCode: EMPLOYER, hireDate: '2026-10-20', employmentForm: 'contract' };
    const result = step(jobReferral, { snapshot: hiredCase, event: { type: subscription!.send!, data: { ...subscription!.data, ...deliver(payload) } }, actor: system, calendar, now: '2026-10-21T01:00:00.000Z' });
    expect(result.snapshot.state).toBe('succeeded');
    expect(subscription!.when).toBe('has(payload.employerCreditCode)');

    const seeking = jobMatching.subscriptions.find((s) => s.process === 'job-seeking');
    expect(seeking).toEqual({ event: 'employment.registered', process: 'job-seeking', send: 'employmentRegistered' });
  });

  it('bounds the validity parameter and names only events and states its processes have', () => {
    expect(jobMatching.parameters).toEqual([
      expect.objectContaining({ id: 'maxValidityDays', unit: 'days', default: 90, min: 30, max: 365 }),
      expect.objectContaining({ id: 'minimumMonthlyWageFen', unit: 'fen', default: 203_000, min: 120_000, max: 400_000, legalBasis: expect.stringContaining('劳动和社会保障部令第21号') }),
    ]);
    // The province sets the minimum wage by area: the parameter is not locked.
    expect(jobMatching.locks.map((l) => l.element)).not.toContain('parameters.minimumMonthlyWageFen');
    for (const indicator of jobMatching.indicators) {
      for (const selector of [indicator.numerator, indicator.denominator]) {
        const found = definitions.find((d) => d.id === selector.process);
        expect(found, indicator.id).toBeDefined();
        const events = Object.values(found!.states).flatMap((s) => Object.keys(s.on));
        if (selector.event) expect(events, indicator.id).toContain(selector.event);
        if (selector.from) expect(Object.keys(found!.states), indicator.id).toContain(selector.from);
      }
    }
  });

  it('locks elements that exist in exactly one of its definitions', () => {
    const resolves = (root: unknown, path: string) =>
      path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root) !== undefined;
    for (const lock of jobMatching.locks) {
      expect(jobMatching.definitions.filter((raw) => resolves(raw, lock.element)).length, lock.element).toBe(1);
    }
  });
});

describe('matching vacancies to a seeker', () => {
  const vacancy = (caseNo: string, overrides: Partial<VacancySummary>): VacancySummary => ({
    caseNo,
    occupation: '4-02-06-03',
    workArea: '350206',
    payMaxFen: 600_000,
    payBasis: 'monthly',
    validUntil: '2026-12-31',
    ...overrides,
  });
  const seeker: SeekerProfile = { desiredOccupations: ['4-02-06-03'], desiredAreas: ['350206'], expectedPayFen: 500_000 };

  it('compares occupation codes by dash-separated groups, not by characters', () => {
    expect(occupationMatch('4-02-06-03', '4-02-06-03')).toBe('exact');
    expect(occupationMatch('4-02-06', '4-02-06')).toBe('exact');
    expect(occupationMatch('4-02-06-03', '4-02-06-01')).toBe('minor-group');
    expect(occupationMatch('4-02-06', '4-02-06-01')).toBe('minor-group');
    expect(occupationMatch('4-02-06-03', '4-02-07-03')).toBe('middle-group');
    expect(occupationMatch('4-02', '4-02-07')).toBe('middle-group');
    expect(occupationMatch('4-02-06-03', '4-03-06-03')).toBe('major-group');
    expect(occupationMatch('4-02-06-03', '6-02-06-03')).toBeUndefined();
  });

  it('compares areas by county, city and province prefixes', () => {
    expect(regionMatch('350206', '350206001')).toBe('county');
    expect(regionMatch('350206', '350203')).toBe('city');
    expect(regionMatch('350206', '350102')).toBe('province');
    expect(regionMatch('350206', '440305')).toBeUndefined();
  });

  it('ranks by score, then pay fit, then later validity, leaving out what does not match or has lapsed', () => {
    const vacancies = [
      vacancy('VP-province', { workArea: '350102' }),
      vacancy('VP-exact-low-pay', { payMaxFen: 400_000 }),
      vacancy('VP-exact-short', { validUntil: '2026-11-30' }),
      vacancy('VP-exact-long', { validUntil: '2027-01-05' }),
      vacancy('VP-minor-city', { occupation: '4-02-06-01', workArea: '350203' }),
      vacancy('VP-major-county', { occupation: '4-07-01-01' }),
      vacancy('VP-other-major', { occupation: '6-02-06-03' }),
      vacancy('VP-other-province', { workArea: '440305' }),
      vacancy('VP-lapsed', { validUntil: '2026-10-31' }),
    ];
    const ranked = rankVacancies(seeker, vacancies, '2026-11-01');
    expect(ranked.map((m) => m.vacancy.caseNo)).toEqual(['VP-exact-long', 'VP-exact-short', 'VP-exact-low-pay', 'VP-minor-city', 'VP-province', 'VP-major-county']);
    expect(ranked.map((m) => m.score)).toEqual([7, 7, 7, 5, 5, 4]);
    expect(ranked[2]).toMatchObject({ occupation: 'exact', region: 'county', payFits: false });
    // Equal in every respect but the case number, which keeps the order total.
    expect(ranked[3]).toMatchObject({ occupation: 'minor-group', region: 'city', payFits: true });
    expect(ranked[4]).toMatchObject({ occupation: 'exact', region: 'province', payFits: true });
  });

  it('takes the closest of the seeker\'s several occupations and areas', () => {
    const wide: SeekerProfile = { desiredOccupations: ['2-02-10', '4-02-06-03'], desiredAreas: ['350102', '350206'], expectedPayFen: 500_000 };
    const [match] = rankVacancies(wide, [vacancy('VP-1', {})], '2026-11-01');
    expect(match).toMatchObject({ occupation: 'exact', region: 'county', score: 7 });
  });

  it('compares hourly pay as monthly pay of 174 hours, and never lets piece rates fit', () => {
    const ranked = rankVacancies(
      seeker,
      [vacancy('VP-piece', { payBasis: 'piece', payMaxFen: 10_000_000 }), vacancy('VP-hourly-low', { payBasis: 'hourly', payMaxFen: 2_800 }), vacancy('VP-hourly', { payBasis: 'hourly', payMaxFen: 2_900 })],
      '2026-11-01',
    );
    // 2,900 fen x 174 = 504,600 fen reaches 500,000; 2,800 x 174 = 487,200 does not.
    expect(ranked.map((m) => [m.vacancy.caseNo, m.payFits])).toEqual([
      ['VP-hourly', true],
      ['VP-hourly-low', false],
      ['VP-piece', false],
    ]);
  });
});
