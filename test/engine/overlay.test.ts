import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  applyOverlay,
  checkOverlay,
  compile,
  diffDefinitions,
  overlaySchema,
  parameterValueOn,
  parseDefinition,
  start,
  step,
  verify,
  type Definition,
  type EffectiveLock,
  type OverlayInput,
  type OverlayOperation,
  type ParameterSpec,
} from '../../engine/index.ts';
import { plugins } from '../support/packages.ts';
import { loadPlugins } from '../../runtime/plugins/index.ts';
import { kinds, refusal } from '../support/engine-assertions.ts';
import { caseworker, otherCaseworker, reviewer } from './fixtures.ts';
import { calendar } from '../support/calendar.ts';

/** A reason in both languages, each naming `text` (a field, an option, an element, bounds). */
const bothSay = (text: string) => ({ 'zh-CN': expect.stringContaining(text), en: expect.stringContaining(text) });

const registry = loadPlugins(plugins);
const standard = registry.processes.get('unemployment-registration')!;
const ministry: Definition = standard.compiled.definition;
const { plugin } = standard;
/** The ministry's locks on unemployment registration, as a province sees them. */
const ministryLocks: EffectiveLock[] = plugin.locks.filter((l) => l.process === ministry.id).map(({ element, reason }) => ({ element, reason, lockedBy: 'ministry' }));

/** An overlay as it is stored: parsed, with its defaults. */
const overlay = (input: OverlayInput) => overlaySchema.parse(input);
/** The effective definition of one overlay's operations on the ministry's. */
const applied = (operations: OverlayInput['operations'], below: Definition = ministry) => applyOverlay(below, overlay({ operations }));
/** Applies operations that must be refused and returns the refusal. */
const refused = (operations: OverlayInput['operations'], below: Definition = ministry) => refusal(() => applied(operations, below));

const propertiesOf = (definition: Definition, form: string) => definition.forms[form]!.schema['properties'] as Record<string, Record<string, unknown>>;
const requiredOf = (definition: Definition, form: string) => definition.forms[form]!.schema['required'] as string[];
const orderOf = (definition: Definition, form: string) => definition.forms[form]!.ui!['ui:order'] as string[];
const optionsOf = (definition: Definition, form: string, field: string) => (propertiesOf(definition, form)[field]!['oneOf'] as { const: string }[]).map((o) => o.const);

type OperationInput = NonNullable<OverlayInput['operations']>[number];

const hukouType = { type: 'string', enum: ['local', 'non-local'], title: '户籍类型', 'x-i18n': { en: 'Household registration' } };

const secondReview = {
  op: 'insertReview',
  after: 'submitted',
  event: 'approve',
  state: 'secondReview',
  title: { 'zh-CN': '复核', en: 'Second review' },
  task: { role: 'reviewer', post: 'unemployment-second-review', slaWorkingDays: 2 },
  form: {
    id: 'secondOpinion',
    title: { 'zh-CN': '复核意见', en: 'Second opinion' },
    schema: { type: 'object', additionalProperties: false, required: ['opinion'], properties: { opinion: { type: 'string', minLength: 1, maxLength: 500 } } },
  },
  approve: { event: 'confirm', title: { 'zh-CN': '复核通过', en: 'Confirm' }, roles: ['reviewer'] },
  reject: { event: 'overrule', title: { 'zh-CN': '复核不通过', en: 'Overrule' }, roles: ['reviewer'], target: 'rejected' },
} as const satisfies OperationInput;

const title = { 'zh-CN': '标题', en: 'Title' };

describe('overlaySchema', () => {
  it('defaults an overlay to no operations, parameters, locks or integrations, and a field to optional', () => {
    expect(overlay({})).toEqual({ operations: [], parameters: [], locks: [], integrations: {} });
    expect(overlay({ operations: [{ op: 'addField', form: 'registration', field: 'hukouType', schema: hukouType }] }).operations[0]).toMatchObject({ required: false });
  });

  it('refuses operations it does not know and malformed names', () => {
    expect(overlaySchema.safeParse({ operations: [{ op: 'deleteRule', state: 'submitted' }] }).success).toBe(false);
    expect(overlaySchema.safeParse({ operations: [{ op: 'setSla', state: 'Submitted', workingDays: 2 }] }).success).toBe(false);
    expect(overlaySchema.safeParse({ operations: [{ op: 'setSla', state: 'submitted', workingDays: 0 }] }).success).toBe(false);
    expect(overlaySchema.safeParse({ parameters: [{ id: 'refusalLimit', from: '2026-1-1', value: 3 }] }).success).toBe(false);
  });
});

describe('applyOverlay', () => {
  it('adds an optional field, keeping the rjsf ui:order complete', () => {
    const d = applied([{ op: 'addField', form: 'registration', field: 'hukouType', schema: hukouType }]);
    expect(propertiesOf(d, 'registration')['hukouType']).toEqual(hukouType);
    expect(requiredOf(d, 'registration')).toEqual(requiredOf(ministry, 'registration'));
    expect(orderOf(d, 'registration')).toEqual([...orderOf(ministry, 'registration'), 'hukouType']);
    expect([...orderOf(d, 'registration')].sort()).toEqual(Object.keys(propertiesOf(d, 'registration')).sort());
    // Other UI settings stay.
    expect(d.forms['registration']!.ui!['address']).toEqual({ 'ui:widget': 'textarea', 'ui:options': { fromPerson: 'address' } });
  });

  it('adds a required field at the end of the required list', () => {
    const d = applied([{ op: 'addField', form: 'registration', field: 'hukouType', schema: hukouType, required: true }]);
    expect(requiredOf(d, 'registration')).toEqual([...requiredOf(ministry, 'registration'), 'hukouType']);
    expect(orderOf(d, 'registration').at(-1)).toBe('hukouType');
  });

  it('adds a field to a form with no required list or ui:order, and leaves a ui:order with a wildcard alone', () => {
    const d = applied([
      { op: 'addField', form: 'review', field: 'checkedOriginals', schema: { type: 'boolean' }, required: true },
      { op: 'addField', form: 'cancellation', field: 'effectiveDate', schema: { type: 'string', format: 'date' } },
    ]);
    expect(requiredOf(d, 'review')).toEqual(['opinion', 'checkedOriginals']);
    expect(d.forms['review']!.ui).toEqual(ministry.forms['review']!.ui);
    expect(d.forms['cancellation']!.ui).toBeUndefined();

    const wildcard = structuredClone(ministry);
    wildcard.forms['registration']!.ui!['ui:order'] = ['category', '*'];
    expect(orderOf(applied([{ op: 'addField', form: 'registration', field: 'hukouType', schema: hukouType }], wildcard), 'registration')).toEqual(['category', '*']);
  });

  it('refuses a field that exists already, or a form that does not', () => {
    const exists = refused([{ op: 'addField', form: 'registration', field: 'phone', schema: { type: 'string' } }]);
    expect(exists.code).toBe('OVERLAY_INVALID');
    expect(exists.details).toMatchObject({ operation: 0, element: 'forms.registration.schema.properties.phone' });
    const noForm = refused([{ op: 'addField', form: 'hukou', field: 'hukouType', schema: hukouType }]);
    expect(noForm.code).toBe('OVERLAY_INVALID');
    expect(noForm.details).toMatchObject({ operation: 0, element: 'forms.hukou' });
  });

  it('removes a field the overlay added, from properties, required and ui:order', () => {
    const d = applied([
      { op: 'addField', form: 'registration', field: 'hukouType', schema: hukouType, required: true },
      { op: 'removeField', form: 'registration', field: 'hukouType' },
    ]);
    expect(propertiesOf(d, 'registration')).toEqual(propertiesOf(ministry, 'registration'));
    expect(requiredOf(d, 'registration')).toEqual(requiredOf(ministry, 'registration'));
    expect(orderOf(d, 'registration')).toEqual(orderOf(ministry, 'registration'));
  });

  it('removes an optional ministry field, keeping ui:order complete', () => {
    const d = applied([{ op: 'removeField', form: 'registration', field: 'desiredIndustry' }]);
    expect(propertiesOf(d, 'registration')['desiredIndustry']).toBeUndefined();
    expect(orderOf(d, 'registration')).not.toContain('desiredIndustry');
    expect([...orderOf(d, 'registration')].sort()).toEqual(Object.keys(propertiesOf(d, 'registration')).sort());
    expect(requiredOf(d, 'registration')).toEqual(requiredOf(ministry, 'registration'));
  });

  it('refuses removing a field the level below requires, naming the required list', () => {
    const error = refused([{ op: 'removeField', form: 'registration', field: 'phone' }]);
    expect(error.code).toBe('OVERLAY_LOOSENING');
    expect(error.details).toMatchObject({ operation: 0, element: 'forms.registration.schema.required' });
    // The field by its label, as the configurator knows it.
    expect(error.details).toMatchObject({ reason: { 'zh-CN': '上级要求必填字段「手机号码」，不能删除', en: '“Mobile phone” is required by the level below' } });
    // Required by a province is required for its city too.
    const province = applied([{ op: 'requireField', form: 'registration', field: 'address' }]);
    expect(refused([{ op: 'removeField', form: 'registration', field: 'address' }], province).code).toBe('OVERLAY_LOOSENING');
    expect(refused([{ op: 'removeField', form: 'registration', field: 'nothing' }]).details).toMatchObject({ element: 'forms.registration.schema.properties.nothing' });
  });

  it('refuses removing a field the level below requires conditionally (lost-job needs separationProof)', () => {
    // The registration form requires previousEmployerCreditCode and separationProof through `if`/`then`
    // when the category is lost-job; with additionalProperties false, dropping either would make
    // every lost-job registration impossible.
    const error = refusal(() => applied([{ op: 'removeField', form: 'registration', field: 'separationProof' }]));
    expect(error.code).toBe('OVERLAY_LOOSENING');
  });

  it('requires an optional field, once', () => {
    const d = applied([
      { op: 'requireField', form: 'registration', field: 'address' },
      { op: 'requireField', form: 'registration', field: 'address' },
      { op: 'requireField', form: 'registration', field: 'phone' },
    ]);
    expect(requiredOf(d, 'registration')).toEqual([...requiredOf(ministry, 'registration'), 'address']);
    expect(refused([{ op: 'requireField', form: 'registration', field: 'hukouType' }]).code).toBe('OVERLAY_INVALID');
  });

  it('relabels a field: the title in Chinese and x-i18n.en, keeping other translations', () => {
    const d = applied([{ op: 'relabelField', form: 'registration', field: 'phone', title: { 'zh-CN': '联系电话', en: 'Contact phone' } }]);
    const phone = propertiesOf(d, 'registration')['phone']!;
    expect(phone['title']).toBe('联系电话');
    expect(phone['x-i18n']).toEqual({ en: 'Contact phone' });
    expect(phone['format']).toBe('cn-mobile');
    const withOther = structuredClone(ministry);
    propertiesOf(withOther, 'registration')['phone']!['x-i18n'] = { en: 'Mobile phone', bo: 'ཁ་པར' };
    const relabelled = applied([{ op: 'relabelField', form: 'registration', field: 'phone', title: { 'zh-CN': '联系电话', en: 'Contact phone' } }], withOther);
    expect(propertiesOf(relabelled, 'registration')['phone']!['x-i18n']).toEqual({ en: 'Contact phone', bo: 'ཁ་པར' });
    // A field without x-i18n gets one.
    const bare = applied([
      { op: 'addField', form: 'registration', field: 'hukouType', schema: { type: 'string' } },
      { op: 'relabelField', form: 'registration', field: 'hukouType', title: { 'zh-CN': '户籍', en: 'Hukou' } },
    ]);
    expect(propertiesOf(bare, 'registration')['hukouType']).toEqual({ type: 'string', title: '户籍', 'x-i18n': { en: 'Hukou' } });
  });

  it('relabels a state', () => {
    const d = applied([{ op: 'relabelState', state: 'submitted', title: { 'zh-CN': '初审', en: 'First review' } }]);
    expect(d.states['submitted']!.title).toEqual({ 'zh-CN': '初审', en: 'First review' });
    expect(d.states['submitted']!.on).toEqual(ministry.states['submitted']!.on);
    const error = refused([{ op: 'relabelState', state: 'archived', title }]);
    expect(error.code).toBe('OVERLAY_INVALID');
    expect(error.details).toMatchObject({ element: 'states.archived' });
  });

  it('narrows a oneOf enumeration to the given options, in the order the level below lists them', () => {
    const d = applied([{ op: 'narrowEnum', form: 'registration', field: 'education', values: ['90', '20', '10'] }]);
    expect(optionsOf(d, 'registration', 'education')).toEqual(['10', '20', '90']);
    // The options kept keep their titles.
    expect((propertiesOf(d, 'registration')['education']!['oneOf'] as object[])[0]).toEqual((propertiesOf(ministry, 'registration')['education']!['oneOf'] as object[])[0]);
  });

  it('narrows a plain enum', () => {
    const d = applied([
      { op: 'addField', form: 'registration', field: 'hukouType', schema: hukouType },
      { op: 'narrowEnum', form: 'registration', field: 'hukouType', values: ['local'] },
    ]);
    expect(propertiesOf(d, 'registration')['hukouType']!['enum']).toEqual(['local']);
  });

  it('refuses an option the level below does not offer as loosening, and a field with no options as invalid', () => {
    const error = refused([{ op: 'narrowEnum', form: 'registration', field: 'education', values: ['20', '30'] }]);
    expect(error.code).toBe('OVERLAY_LOOSENING');
    expect(error.details).toMatchObject({ operation: 0, element: 'forms.registration.schema.properties.education' });
    expect(error.details).toMatchObject({ reason: bothSay('30') });
    // A city cannot bring back an option its province narrowed away.
    const province = applied([{ op: 'narrowEnum', form: 'registration', field: 'education', values: ['10', '20'] }]);
    expect(refused([{ op: 'narrowEnum', form: 'registration', field: 'education', values: ['20', '40'] }], province).code).toBe('OVERLAY_LOOSENING');
    expect(optionsOf(applied([{ op: 'narrowEnum', form: 'registration', field: 'education', values: ['20'] }], province), 'registration', 'education')).toEqual(['20']);

    const notEnum = refused([{ op: 'narrowEnum', form: 'registration', field: 'phone', values: ['13800138000'] }]);
    expect(notEnum.code).toBe('OVERLAY_INVALID');
    expect(notEnum.details).toMatchObject({ element: 'forms.registration.schema.properties.phone' });
  });

  describe('insertReview', () => {
    const d = applied([secondReview]);
    const original = ministry.states['submitted']!.on['approve']!;

    it('sends the event to the new review state, which leads on with the original actions', () => {
      const approve = d.states['submitted']!.on['approve']!;
      expect(approve.target).toBe('secondReview');
      expect(approve.actions).toEqual([]);
      // Who may approve, with which form, under which rules and separation, does not change.
      expect(approve.rules).toEqual(original.rules);
      expect(approve.separateFrom).toEqual(original.separateFrom);
      expect(approve.roles).toEqual(original.roles);
      expect(approve.form).toBe(original.form);

      const review = d.states['secondReview']!;
      expect(review.type).toBe('active');
      expect(review.title).toEqual(secondReview.title);
      expect(review.task).toEqual(secondReview.task);
      expect(Object.keys(review.on)).toEqual(['confirm', 'overrule']);
      expect(review.on['confirm']).toMatchObject({ target: 'registered', roles: ['reviewer'], form: 'secondOpinion', separateFrom: ['approve', 'submit'], rules: [] });
      expect(review.on['confirm']!.actions).toEqual(original.actions);
      expect(original.actions.map((a) => a.type)).toEqual(['setSubject', 'issueCertificate', 'emit']);
      expect(review.on['overrule']).toMatchObject({ target: 'rejected', form: 'secondOpinion', separateFrom: ['approve', 'submit'], actions: [] });
      const { id: _id, ...form } = secondReview.form;
      expect(d.forms['secondOpinion']).toEqual(form);
      // The state approval led to is untouched.
      expect(d.states['registered']).toEqual(ministry.states['registered']);
    });

    it('moves the counters of the event to the review with its actions', () => {
      const welfare = registry.processes.get('public-welfare-post')!.compiled.definition;
      const counted = welfare.states['claimSubmitted']!.on['approveClaim']!;
      expect(counted.count).toEqual(['monthsPaid']);
      const withReview = applyOverlay(
        welfare,
        overlay({
          operations: [
            {
              ...secondReview,
              after: 'claimSubmitted',
              event: 'approveClaim',
              form: { ...secondReview.form, id: 'secondClaimOpinion' },
              reject: { ...secondReview.reject, target: 'placed' },
            },
          ],
        }),
      );
      // A claim the second reviewer overrules was not paid, so the month must not count as paid yet.
      expect(withReview.states['claimSubmitted']!.on['approveClaim']!.count).toEqual([]);
      expect(withReview.states['secondReview']!.on['confirm']!.count).toEqual(['monthsPaid']);
    });

    it('compiles, and a case goes through the review: approval effects only on confirmation, by a second reviewer', () => {
      const compiled = compile(d, plugin.implementations);
      const facts = { subject: { birthDate: '1990-03-07', gender: 'female' }, registry: { employed: false, unemployed: false } };
      const parameters = { minimumAge: 16 };
      const form = { category: 'school-leaver', unemployedSince: '2026-07-01', phone: '13800138000', residenceArea: '350203', education: '20', retirementCategory: 'female-50' };
      const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-29T02:00:00.000Z' });
      const submitted = step(compiled, { snapshot: created.snapshot, event: { type: 'submit', data: form }, actor: caseworker, calendar, now: '2026-09-30T02:00:00.000Z', facts, parameters });
      const approved = step(compiled, { snapshot: submitted.snapshot, event: { type: 'approve', data: { opinion: '材料齐全' } }, actor: reviewer, calendar, now: '2026-10-09T01:00:00.000Z', facts, parameters });
      expect(approved.snapshot.state).toBe('secondReview');
      expect(approved.status).toBe('active');
      expect(kinds(approved.effects)).toEqual(['task.close', 'timer.cancel', 'record', 'task.open', 'timer.schedule']);
      expect(approved.effects).toContainEqual({ kind: 'task.open', state: 'secondReview', role: 'reviewer', post: 'unemployment-second-review', dueAt: approved.snapshot.context.dueAt, provisional: false });

      // The first reviewer may not confirm their own approval.
      const same = refusal(() => step(compiled, { snapshot: approved.snapshot, event: { type: 'confirm', data: { opinion: 'ok' } }, actor: reviewer, calendar, now: '2026-10-10T01:00:00.000Z' }));
      expect(same.code).toBe('MAKER_CHECKER_VIOLATION');
      expect(same.details).toEqual({ event: 'confirm', sameActorAs: 'approve' });
      expect(refusal(() => step(compiled, { snapshot: approved.snapshot, event: { type: 'confirm', data: { opinion: 'ok' } }, actor: { ...caseworker, id: 'u-9' }, calendar, now: '2026-10-10T01:00:00.000Z' })).code).toBe('ROLE_NOT_PERMITTED');
      expect(refusal(() => step(compiled, { snapshot: approved.snapshot, event: { type: 'confirm', data: {} }, actor: { ...reviewer, id: 'u-4' }, calendar, now: '2026-10-10T01:00:00.000Z' })).code).toBe('FORM_INVALID');

      const second = { ...reviewer, id: 'u-4', name: '赵六' };
      const confirmed = step(compiled, { snapshot: approved.snapshot, event: { type: 'confirm', data: { opinion: '复核通过' } }, actor: second, calendar, now: '2026-10-10T01:00:00.000Z' });
      expect(confirmed.snapshot.state).toBe('registered');
      expect(kinds(confirmed.effects)).toEqual(['task.close', 'timer.cancel', 'record', 'subject.set', 'certificate.issue', 'emit']);
      expect(confirmed.effects).toContainEqual({ kind: 'subject.set', field: 'unemploymentStatus', value: 'registered' });
      expect(confirmed.effects).toContainEqual({ kind: 'emit', event: 'unemployment.registered', payload: { category: 'school-leaver', unemployedSince: '2026-07-01' } });

      const overruled = step(compiled, { snapshot: approved.snapshot, event: { type: 'overrule', data: { opinion: '材料存疑' } }, actor: second, calendar, now: '2026-10-10T01:00:00.000Z' });
      expect(overruled.snapshot.state).toBe('rejected');
      expect(overruled.status).toBe('final');
      expect(kinds(overruled.effects)).toEqual(['task.close', 'timer.cancel', 'record']);
    });

    it('may have no reject event', () => {
      const { reject: _reject, ...withoutReject } = secondReview;
      expect(Object.keys(applied([withoutReject]).states['secondReview']!.on)).toEqual(['confirm']);
    });

    it('refuses an unknown state or event, a state or form name in use, and an unknown reject target', () => {
      const cases: [OperationInput, string][] = [
        [{ ...secondReview, after: 'archived' }, 'states.archived'],
        [{ ...secondReview, event: 'escalate' }, 'states.submitted.on.escalate'],
        [{ ...secondReview, state: 'registered' }, 'states.registered'],
        [{ ...secondReview, form: { ...secondReview.form, id: 'review' } }, 'forms.review'],
        [{ ...secondReview, reject: { ...secondReview.reject, target: 'limbo' } }, 'states.limbo'],
      ];
      for (const [op, element] of cases) {
        const error = refused([op]);
        expect(error.code, element).toBe('OVERLAY_INVALID');
        expect(error.details, element).toMatchObject({ operation: 0, element });
      }
    });
  });

  it('sets the SLA and the post of a state with a task, and refuses a state without one', () => {
    const d = applied([
      { op: 'setSla', state: 'submitted', workingDays: 5 },
      { op: 'setPost', state: 'submitted', post: 'district-review' },
    ]);
    expect(d.states['submitted']!.task).toEqual({ role: 'reviewer', post: 'district-review', slaWorkingDays: 5 });
    expect(d.states['draft']!.task).toEqual(ministry.states['draft']!.task);
    // A case arriving in review gets the new deadline and is routed to the new post.
    const compiled = compile(d, plugin.implementations);
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-29T02:00:00.000Z' });
    const facts = { subject: { birthDate: '1990-03-07', gender: 'female' }, registry: { employed: false, unemployed: false } };
    const form = { category: 'school-leaver', unemployedSince: '2026-07-01', phone: '13800138000', residenceArea: '350203', education: '20', retirementCategory: 'female-50' };
    const submitted = step(compiled, { snapshot: created.snapshot, event: { type: 'submit', data: form }, actor: caseworker, calendar, now: '2026-09-30T02:00:00.000Z', facts, parameters: { minimumAge: 16 } });
    expect(submitted.snapshot.context.dueAt).toBe(addWorkingDays(calendar, '2026-09-30T02:00:00.000Z', 5).at);
    expect(submitted.effects).toContainEqual({ kind: 'task.open', state: 'submitted', role: 'reviewer', post: 'district-review', dueAt: addWorkingDays(calendar, '2026-09-30T02:00:00.000Z', 5).at, provisional: false });

    for (const op of [{ op: 'setSla', state: 'registered', workingDays: 5 }, { op: 'setPost', state: 'registered', post: 'x' }] as const) {
      const error = refused([op]);
      expect(error.code).toBe('OVERLAY_INVALID');
      expect(error.details).toMatchObject({ element: 'states.registered.task' });
    }
    expect(refused([{ op: 'setSla', state: 'archived', workingDays: 5 }]).details).toMatchObject({ element: 'states.archived.task' });
  });

  it('gives a state to another role with the events that role could send, maker-checker still applying, and refuses a state without a task', () => {
    const d = applied([{ op: 'setRole', state: 'submitted', role: 'caseworker' }]);
    expect(d.states['submitted']!.task).toEqual({ ...ministry.states['submitted']!.task, role: 'caseworker' });
    expect(Object.fromEntries(Object.entries(d.states['submitted']!.on).map(([event, t]) => [event, t.roles]))).toEqual({ approve: ['caseworker'], reject: ['caseworker'], returnForCorrection: ['caseworker'] });
    // Other states keep their roles, system events included.
    expect(d.states['registered']!.on).toEqual(ministry.states['registered']!.on);
    expect(verify(d, plugin.implementations)).toEqual([]);

    const compiled = compile(d, plugin.implementations);
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-09-29T02:00:00.000Z' });
    const facts = { subject: { birthDate: '1990-03-07', gender: 'female' }, registry: { employed: false, unemployed: false } };
    const form = { category: 'school-leaver', unemployedSince: '2026-07-01', phone: '13800138000', residenceArea: '350203', education: '20', retirementCategory: 'female-50' };
    const submitted = step(compiled, { snapshot: created.snapshot, event: { type: 'submit', data: form }, actor: caseworker, calendar, now: '2026-09-30T02:00:00.000Z', facts, parameters: { minimumAge: 16 } });
    expect(submitted.effects).toContainEqual(expect.objectContaining({ kind: 'task.open', state: 'submitted', role: 'caseworker', provisional: false }));
    const approve = (actor: typeof caseworker) => () =>
      step(compiled, { snapshot: submitted.snapshot, event: { type: 'approve', data: { opinion: '同意' } }, actor, calendar, now: '2026-10-09T01:00:00.000Z', facts, parameters: { minimumAge: 16 } });
    expect(refusal(approve(reviewer)).code).toBe('ROLE_NOT_PERMITTED');
    expect(refusal(approve(caseworker)).code).toBe('MAKER_CHECKER_VIOLATION');
    expect(approve(otherCaseworker)().snapshot.state).toBe('registered');

    expect(refused([{ op: 'setRole', state: 'registered', role: 'reviewer' }]).details).toMatchObject({ operation: 0, element: 'states.registered.task' });
    expect(overlaySchema.safeParse({ operations: [{ op: 'setRole', state: 'submitted', role: 'system' }] }).success).toBe(false);
  });

  it('removes a state nothing leads to, and refuses a final state of the level below or a state still reached', () => {
    const final = refused([{ op: 'removeState', state: 'rejected' }]);
    expect(final.code).toBe('FINAL_STATE_REMOVED');
    expect(final.details).toMatchObject({ operation: 0, element: 'states.rejected' });

    const reached = refused([{ op: 'removeState', state: 'submitted' }]);
    expect(reached.code).toBe('OVERLAY_INVALID');
    expect(reached.details).toMatchObject({ element: 'states.submitted' });
    expect(reached.details).toMatchObject({ reason: { 'zh-CN': '仍有操作进入这个环节：受理「提交登记」', en: 'still reached from Intake “Submit registration”' } });

    const initial = refused([{ op: 'removeState', state: 'draft' }]);
    expect(initial.code).toBe('OVERLAY_INVALID');
    expect(initial.details).toMatchObject({ reason: { 'zh-CN': '这是流程的初始环节', en: 'still reached from the start' } });

    expect(refused([{ op: 'removeState', state: 'archived' }]).details).toMatchObject({ element: 'states.archived' });

    const withOrphan = parseDefinition({
      ...structuredClone(ministry),
      states: { ...structuredClone(ministry.states), orphan: { title, task: { role: 'caseworker', slaWorkingDays: 1 }, on: { close: { target: 'cancelled', title, roles: ['caseworker'], form: 'cancellation' } } } },
    });
    const removed = applied([{ op: 'removeState', state: 'orphan' }], withOrphan);
    expect(removed.states['orphan']).toBeUndefined();
    expect(removed).toEqual(ministry);
  });

  it('applies operations in order, and names the index of the operation it refuses', () => {
    const error = refused([
      { op: 'setSla', state: 'submitted', workingDays: 5 },
      { op: 'relabelState', state: 'submitted', title },
      { op: 'requireField', form: 'registration', field: 'hukouType' },
    ]);
    expect(error.details).toMatchObject({ operation: 2, element: 'forms.registration.schema.properties.hukouType', reason: { 'zh-CN': '表单中没有这个字段', en: 'no such field' } });
    // A later operation sees what an earlier one added.
    expect(requiredOf(applied([{ op: 'addField', form: 'registration', field: 'hukouType', schema: hukouType }, { op: 'requireField', form: 'registration', field: 'hukouType' }]), 'registration')).toContain('hukouType');
  });

  it('does not change the definition below', () => {
    const copy = structuredClone(ministry);
    const operations: OverlayOperation[] = overlay({
      operations: [
        { op: 'addField', form: 'registration', field: 'hukouType', schema: hukouType, required: true },
        { op: 'removeField', form: 'registration', field: 'desiredIndustry' },
        { op: 'requireField', form: 'registration', field: 'address' },
        { op: 'relabelField', form: 'registration', field: 'phone', title },
        { op: 'relabelState', state: 'submitted', title },
        { op: 'narrowEnum', form: 'registration', field: 'education', values: ['10', '20'] },
        secondReview,
        { op: 'setSla', state: 'draft', workingDays: 2 },
        { op: 'setPost', state: 'draft', post: 'front-desk' },
      ],
    }).operations;
    const d = applyOverlay(ministry, { operations });
    expect(ministry).toEqual(copy);
    expect(d).not.toEqual(ministry);
    // A refused overlay leaves it alone too.
    refusal(() => applyOverlay(ministry, { operations: [...operations, { op: 'removeState', state: 'cancelled' }] }));
    expect(ministry).toEqual(copy);
  });
});

describe('checkOverlay', () => {
  const check = (input: OverlayInput, locks: readonly EffectiveLock[] = ministryLocks, below: Definition = ministry) =>
    checkOverlay({ below, overlay: overlay(input), locks, parameters: plugin.parameters, implementations: plugin.implementations });

  it('passes a sound overlay and returns its effective definition', () => {
    const operations: OverlayInput['operations'] = [secondReview, { op: 'addField', form: 'registration', field: 'hukouType', schema: hukouType, required: true }, { op: 'setSla', state: 'submitted', workingDays: 5 }];
    const result = check({ operations, parameters: [{ id: 'refusalLimit', from: '2026-01-01', value: 5 }, { id: 'minimumMonthlyWageFen', from: '2026-01-01', value: 226_000 }] });
    expect(result.problems).toEqual([]);
    expect(result.definition).toEqual(applied(operations));
    expect(() => compile(result.definition, plugin.implementations)).not.toThrow();
  });

  it('reports a change to a locked element with the lock\'s reason and who locked it', () => {
    const result = check({ operations: [{ op: 'relabelState', state: 'registered', title: { 'zh-CN': '失业', en: 'Unemployed' } }] });
    const lock = ministryLocks.find((l) => l.element === 'states.registered')!;
    expect(result.problems).toEqual([{ code: 'OVERLAY_LOCK_VIOLATION', element: 'states.registered', reason: lock.reason, lockedBy: 'ministry' }]);
    // The effective definition is still returned, to show the draft.
    expect(result.definition?.states['registered']!.title.en).toBe('Unemployed');
  });

  it('reports every lock an operation breaks', () => {
    const result = check({ operations: [{ ...secondReview, after: 'registered', event: 'employmentRegistered', reject: undefined, approve: { ...secondReview.approve, roles: ['system'] } }] });
    expect(result.problems.filter((p) => p.code === 'OVERLAY_LOCK_VIOLATION').map((p) => p.element).sort()).toEqual(['states.registered', 'states.registered.on.employmentRegistered']);
  });

  it('allows tightening a locked list: more required fields', () => {
    expect(ministryLocks.map((l) => l.element)).toContain('forms.registration.schema.required');
    expect(check({ operations: [{ op: 'requireField', form: 'registration', field: 'address' }] }).problems).toEqual([]);
    expect(check({ operations: [{ op: 'addField', form: 'registration', field: 'hukouType', schema: hukouType, required: true }] }).problems).toEqual([]);
  });

  it('refuses losing an entry of a locked list', () => {
    const optionsLock: EffectiveLock = { element: 'forms.registration.schema.properties.category.oneOf', reason: { 'zh-CN': '统计口径', en: 'National statistics' }, lockedBy: 'ministry' };
    const result = check({ operations: [{ op: 'narrowEnum', form: 'registration', field: 'category', values: ['lost-job'] }] }, [...ministryLocks, optionsLock]);
    expect(result.problems).toEqual([{ code: 'OVERLAY_LOCK_VIOLATION', element: optionsLock.element, reason: optionsLock.reason, lockedBy: 'ministry' }]);
  });

  it('binds a city to what its province locked', () => {
    const province = overlay({
      operations: [{ op: 'setSla', state: 'submitted', workingDays: 2 }],
      locks: [{ element: 'states.submitted.task.slaWorkingDays', reason: { 'zh-CN': '全省统一办理时限', en: 'One time limit across the province' } }],
    });
    const provincial = checkOverlay({ below: ministry, overlay: province, locks: ministryLocks, parameters: plugin.parameters, implementations: plugin.implementations });
    expect(provincial.problems).toEqual([]);
    const effectiveLocks = [...ministryLocks, ...province.locks.map((l) => ({ ...l, lockedBy: '350000' }))];

    const city = { operations: [{ op: 'setSla', state: 'submitted', workingDays: 4 }] } satisfies OverlayInput;
    expect(check(city, effectiveLocks, provincial.definition)).toMatchObject({
      problems: [{ code: 'OVERLAY_LOCK_VIOLATION', element: 'states.submitted.task.slaWorkingDays', reason: province.locks[0]!.reason, lockedBy: '350000' }],
    });
    // The province lock binds only what it names: the post is the city's to set.
    expect(check({ operations: [{ op: 'setPost', state: 'submitted', post: 'xiamen-review' }] }, effectiveLocks, provincial.definition).problems).toEqual([]);
    // Without the province's lock the same city change is fine.
    expect(check(city, ministryLocks, provincial.definition).problems).toEqual([]);
  });

  it('reports parameter values outside the ministry bounds, and parameters that do not exist', () => {
    const result = check({
      parameters: [
        { id: 'refusalLimit', from: '2026-01-01', value: 11 },
        { id: 'refusalLimit', from: '2027-01-01', value: 0 },
        { id: 'minimumMonthlyWageFen', from: '2026-01-01', value: 226_000.5 },
        { id: 'minimumAge', from: '2026-01-01', value: 18 },
        { id: 'minimumMonthlyWageFen', from: '2027-01-01', value: ['226000'] },
        { id: 'refusalLimit', from: '2028-01-01', value: 10 },
        { id: 'minimumMonthlyWageFen', from: '2028-01-01', value: 400_000 },
        { id: 'benefitMonths', from: '2026-01-01', value: 3 },
      ],
    });
    expect(result.problems.map((p) => `${p.code}@${p.element}`)).toEqual([
      // The working age is the law's, locked by the ministry as well as fixed.
      'OVERLAY_LOCK_VIOLATION@parameters.minimumAge',
      'PARAMETER_OUT_OF_BOUNDS@parameters.refusalLimit',
      'PARAMETER_OUT_OF_BOUNDS@parameters.refusalLimit',
      'PARAMETER_OUT_OF_BOUNDS@parameters.minimumMonthlyWageFen',
      'PARAMETER_OUT_OF_BOUNDS@parameters.minimumAge',
      'PARAMETER_OUT_OF_BOUNDS@parameters.minimumMonthlyWageFen',
      'OVERLAY_INVALID@parameters.benefitMonths',
    ]);
    expect(result.problems[1]!.reason).toEqual(bothSay('1..10'));
    expect(result.definition).toEqual(ministry);
  });

  it('checks a list parameter against the ministry catalogue', () => {
    const difficulty = registry.processes.get('employment-difficulty')!;
    const run = (value: number | string[]) =>
      checkOverlay({
        below: difficulty.compiled.definition,
        overlay: overlay({ parameters: [{ id: 'categories', from: '2026-01-01', value }] }),
        locks: [],
        parameters: difficulty.plugin.parameters,
        implementations: difficulty.plugin.implementations,
      }).problems.map((p) => p.code);
    expect(run(['age-4050', 'other-local'])).toEqual([]);
    expect(run(['age-4050', 'veterans'])).toEqual(['PARAMETER_OUT_OF_BOUNDS']);
    expect(run(3)).toEqual(['PARAMETER_OUT_OF_BOUNDS']);
  });

  it('reports setting a locked parameter', () => {
    const lock: EffectiveLock = { element: 'parameters.refusalLimit', reason: { 'zh-CN': '全省统一', en: 'One value across the province' }, lockedBy: '350000' };
    const result = check({ parameters: [{ id: 'refusalLimit', from: '2026-01-01', value: 5 }] }, [...ministryLocks, lock]);
    expect(result.problems).toEqual([{ code: 'OVERLAY_LOCK_VIOLATION', element: 'parameters.refusalLimit', reason: lock.reason, lockedBy: '350000' }]);
    expect(check({ parameters: [{ id: 'minimumMonthlyWageFen', from: '2026-01-01', value: 226_000 }] }, [...ministryLocks, lock]).problems).toEqual([]);
  });

  it('reports an operation that does not apply, with its element and no definition', () => {
    const result = check({ operations: [{ op: 'removeField', form: 'registration', field: 'phone' }] });
    expect(result.definition).toBeUndefined();
    expect(result.problems).toEqual([{ code: 'OVERLAY_LOOSENING', element: 'forms.registration.schema.required', reason: { 'zh-CN': '上级要求必填字段「手机号码」，不能删除', en: '“Mobile phone” is required by the level below' } }]);
    expect(check({ operations: [{ op: 'removeState', state: 'cancelled' }] }).problems).toMatchObject([{ code: 'FINAL_STATE_REMOVED', element: 'states.cancelled' }]);
  });

  it('reports what the engine\'s verification finds in the result', () => {
    const badRole = check({ operations: [{ ...secondReview, approve: { ...secondReview.approve, roles: ['janitor'] } }] });
    expect(badRole.problems).toEqual([{ code: 'DEFINITION_INVALID', element: 'states.secondReview.on.confirm.roles.0', reason: expect.objectContaining({ en: expect.stringContaining('janitor') }) }]);
    const badSchema = check({ operations: [{ op: 'addField', form: 'registration', field: 'hukouType', schema: { type: 'text' } }] });
    expect(badSchema.problems).toMatchObject([{ code: 'DEFINITION_INVALID', element: 'forms.registration.schema' }]);
  });
});

describe('diffDefinitions', () => {
  it('finds nothing between equal definitions', () => {
    expect(diffDefinitions(ministry, structuredClone(ministry))).toEqual([]);
  });

  it('lists added, removed and changed paths, lists compared whole', () => {
    const d = applied([
      { op: 'addField', form: 'registration', field: 'hukouType', schema: hukouType, required: true },
      { op: 'removeField', form: 'registration', field: 'desiredIndustry' },
      { op: 'setSla', state: 'submitted', workingDays: 5 },
    ]);
    const changes = diffDefinitions(ministry, d);
    expect(changes.map((c) => `${c.change} ${c.path}`).sort()).toEqual([
      'added forms.registration.schema.properties.hukouType',
      'changed forms.registration.schema.required',
      'changed forms.registration.ui.ui:order',
      'changed states.submitted.task.slaWorkingDays',
      'removed forms.registration.schema.properties.desiredIndustry',
    ]);
    expect(changes).toContainEqual({ path: 'forms.registration.schema.properties.hukouType', change: 'added', after: hukouType });
    expect(changes).toContainEqual({ path: 'forms.registration.schema.properties.desiredIndustry', change: 'removed', before: propertiesOf(ministry, 'registration')['desiredIndustry'] });
    expect(changes).toContainEqual({ path: 'states.submitted.task.slaWorkingDays', change: 'changed', before: 3, after: 5 });
    expect(changes).toContainEqual({ path: 'forms.registration.schema.required', change: 'changed', before: requiredOf(ministry, 'registration'), after: requiredOf(d, 'registration') });
  });

  it('describes an inserted review', () => {
    const changes = diffDefinitions(ministry, applied([secondReview]));
    expect(changes.map((c) => `${c.change} ${c.path}`).sort()).toEqual([
      'added forms.secondOpinion',
      'added states.secondReview',
      'changed states.submitted.on.approve.actions',
      'changed states.submitted.on.approve.target',
    ]);
  });

  it('compares any JSON, with an empty path at the root', () => {
    expect(diffDefinitions(1, 2)).toEqual([{ path: '', change: 'changed', before: 1, after: 2 }]);
    expect(diffDefinitions({ a: { b: 1 } }, { a: [1] })).toEqual([{ path: 'a', change: 'changed', before: { b: 1 }, after: [1] }]);
    expect(diffDefinitions({ a: [1, 2] }, { a: [2, 1] })).toEqual([{ path: 'a', change: 'changed', before: [1, 2], after: [2, 1] }]);
  });
});

describe('parameterValueOn with local values', () => {
  const benefit = registry.processes.get('unemployment-benefit')!.plugin;
  // default 189,000 fen, the ministry raises it to 196,000 from 2026-07-01
  const spec = benefit.parameters.find((p) => p.id === 'monthlyAmountFen')!;
  const province = [{ from: '2026-03-01', value: 200_000 }];
  const city = [
    { from: '2026-12-01', value: 215_000 },
    { from: '2026-09-01', value: 210_000 },
  ];

  it('is the ministry value without local values', () => {
    expect(spec.default).toBe(189_000);
    expect(parameterValueOn(spec, '2026-06-30')).toBe(189_000);
    expect(parameterValueOn(spec, '2026-07-01')).toBe(196_000);
    expect(parameterValueOn(spec, '2026-07-01', [])).toBe(196_000);
    expect(parameterValueOn(spec, '2026-07-01', [[], []])).toBe(196_000);
  });

  it('takes the city over the province over the ministry, each from its date on', () => {
    const local = [province, city];
    expect(parameterValueOn(spec, '2026-02-28', local)).toBe(189_000);
    expect(parameterValueOn(spec, '2026-03-01', local)).toBe(200_000);
    // The province's value stays in force over the ministry's later change.
    expect(parameterValueOn(spec, '2026-07-01', local)).toBe(200_000);
    expect(parameterValueOn(spec, '2026-08-31', local)).toBe(200_000);
    expect(parameterValueOn(spec, '2026-09-01', local)).toBe(210_000);
    // The city's latest value on or before the date, whatever order it is listed in.
    expect(parameterValueOn(spec, '2026-11-30', local)).toBe(210_000);
    expect(parameterValueOn(spec, '2026-12-01', local)).toBe(215_000);
    expect(parameterValueOn(spec, '2030-01-01', local)).toBe(215_000);
  });

  it('applies the ministry\'s changes while no local value is in force', () => {
    expect(parameterValueOn(spec, '2026-06-30', [[], city])).toBe(189_000);
    expect(parameterValueOn(spec, '2026-07-01', [[], city])).toBe(196_000);
    expect(parameterValueOn(spec, '2026-09-01', [[], city])).toBe(210_000);
    const late = [[{ from: '2027-01-01', value: 220_000 }]];
    expect(parameterValueOn(spec, '2026-07-15', late)).toBe(196_000);
    expect(parameterValueOn(spec, '2027-01-01', late)).toBe(220_000);
  });

  it('does not reorder the layers it is given', () => {
    const local = [province, city];
    parameterValueOn(spec, '2026-09-01', local);
    expect(local).toEqual([province, city]);
    expect(city.map((v) => v.from)).toEqual(['2026-12-01', '2026-09-01']);
  });

  it('layers lists of codes the same way', () => {
    const categories = registry.processes.get('employment-difficulty')!.plugin.parameters.find((p) => p.id === 'categories')! as ParameterSpec;
    expect(parameterValueOn(categories, '2026-01-01', [[{ from: '2026-01-01', value: ['age-4050', 'other-local'] }]])).toEqual(['age-4050', 'other-local']);
    expect(parameterValueOn(categories, '2025-12-31', [[{ from: '2026-01-01', value: ['age-4050'] }]])).toEqual(categories.default);
  });
});
