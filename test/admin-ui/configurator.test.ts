import { describe, expect, it } from 'vitest';
import { lockableElements, locksOfForm, locksOfState, locksOfTransition, selectionFor, elementTarget } from '../../admin-ui/src/configurator/elements.ts';
import { numericBounds, outOfBounds } from '../../admin-ui/src/configurator/draft/bounds.ts';
import { fieldRows, fieldSchema, parseOptions, withPendingField } from '../../admin-ui/src/configurator/draft/fields.ts';
import { problemsOf, reviewOperation, withOperation } from '../../admin-ui/src/configurator/draft/operations.ts';
import { buildFlow } from '../../admin-ui/src/configurator/flow/graph.ts';
import { labelSize, layoutFlow, STATE_SIZE, wrapLines } from '../../admin-ui/src/configurator/flow/layout.ts';
import { editsOverlays, placementOf } from '../../admin-ui/src/configurator/levels.ts';
import { isLocalizedPair, pathSegments } from '../../admin-ui/src/configurator/paths.ts';
import type { SessionUser } from '../../admin-ui/src/api.ts';
import { applyOverlay, overlaySchema, parseDefinition, type EffectiveLock, type OverlayOperation } from '../../engine/index.ts';
import { ministryPackage } from '../support/packages.ts';

const unemploymentRegistration = ministryPackage('unemployment-registration');

const definition = parseDefinition(unemploymentRegistration.definitions[0]);
const ministryLocks: EffectiveLock[] = unemploymentRegistration.locks.map((lock) => ({ element: lock.element, reason: lock.reason, lockedBy: 'ministry' }));
const provinceLock: EffectiveLock = { element: 'states.submitted.task.slaWorkingDays', reason: { 'zh-CN': '审核时限全省统一', en: 'Set by the province' }, lockedBy: '350000' };
const locks = [...ministryLocks, provinceLock];
const title = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describe('element paths', () => {
  it('reads states, events, forms, fields and parameters out of dotted paths', () => {
    expect(elementTarget('states.registered')).toEqual({ kind: 'state', state: 'registered', rest: [] });
    expect(elementTarget('states.submitted.task.slaWorkingDays')).toEqual({ kind: 'state', state: 'submitted', rest: ['task', 'slaWorkingDays'] });
    expect(elementTarget('states.submitted.on.approve.rules')).toEqual({ kind: 'transition', state: 'submitted', event: 'approve', rest: ['rules'] });
    expect(elementTarget('forms.registration.schema.required')).toEqual({ kind: 'form', form: 'registration', field: null, rest: ['schema', 'required'] });
    expect(elementTarget('forms.registration.schema.properties.phone.title')).toEqual({ kind: 'form', form: 'registration', field: 'phone', rest: ['title'] });
    expect(elementTarget('parameters.refusalLimit')).toEqual({ kind: 'parameter', parameter: 'refusalLimit' });
    expect(elementTarget('initial')).toEqual({ kind: 'other', path: 'initial' });
  });

  it('finds the locks of a state, of an event and of a form, and what the flow selects for each', () => {
    // The state itself, and its statutory no-contact timer.
    expect(locksOfState(locks, 'registered').map((l) => l.element)).toEqual(['states.registered', 'states.registered.timers']);
    expect(locksOfState(locks, 'submitted')).toEqual([provinceLock]);
    expect(locksOfTransition(locks, 'submitted', 'approve').map((l) => l.element)).toEqual(['states.submitted.on.approve.separateFrom', 'states.submitted.on.approve.rules']);
    expect(locksOfTransition(locks, 'submitted', 'reject')).toEqual([]);
    const form = locksOfForm(locks, 'registration');
    expect(form.formLevel.map((l) => l.element)).toEqual(['forms.registration.schema.required']);
    expect(form.byField.size).toBe(0);
    const phoneLock: EffectiveLock = { element: 'forms.registration.schema.properties.phone', reason: provinceLock.reason, lockedBy: '350000' };
    expect(locksOfForm([...locks, phoneLock], 'registration').byField.get('phone')).toEqual([phoneLock]);

    expect(selectionFor('states.registered', definition)).toEqual({ kind: 'state', id: 'registered' });
    expect(selectionFor('states.registered.on.employmentRegistered', definition)).toEqual({ kind: 'transition', id: 'registered.employmentRegistered' });
    // A form's lock selects the event that asks for the form: submitting the registration.
    expect(selectionFor('forms.registration.schema.required', definition)).toEqual({ kind: 'transition', id: 'draft.submit' });
    expect(selectionFor('parameters.refusalLimit', definition)).toBeNull();
    expect(selectionFor('states.nowhere', definition)).toBeNull();
  });

  it('names each step of a path from the definitions, the draft first', () => {
    const drafted = applyOverlay(definition, { operations: [{ op: 'relabelState', state: 'submitted', title: title('初审', 'First review') }] });
    expect(pathSegments('states.submitted.on.approve.separateFrom', [drafted, definition])).toEqual([
      { kind: 'state', id: 'submitted', title: title('初审', 'First review') },
      { kind: 'event', id: 'approve', title: definition.states['submitted']!.on['approve']!.title },
      { kind: 'key', key: 'separateFrom' },
    ]);
    expect(pathSegments('forms.registration.schema.properties.phone', [definition])).toEqual([
      { kind: 'form', id: 'registration', title: definition.forms['registration']!.title },
      { kind: 'field', id: 'phone', title: title('手机号码', 'Mobile phone') },
    ]);
    expect(pathSegments('states.secondReview.task', [definition])).toEqual([{ kind: 'state', id: 'secondReview', title: null }, { kind: 'key', key: 'task' }]);
    // A form's own parts and a definition's top-level properties read as property names.
    expect(pathSegments('forms.registration.schema.required', [definition])).toEqual([
      { kind: 'form', id: 'registration', title: definition.forms['registration']!.title },
      { kind: 'key', key: 'required' },
    ]);
    expect(pathSegments('initial', [definition])).toEqual([{ kind: 'key', key: 'initial' }]);
    expect(pathSegments('parameters.refusalLimit', [definition], unemploymentRegistration.parameters)[0]).toEqual({ kind: 'parameter', id: 'refusalLimit', title: unemploymentRegistration.parameters[1]!.title });
    expect(isLocalizedPair(title('甲', 'A'))).toBe(true);
    expect(isLocalizedPair({ 'zh-CN': '甲' })).toBe(false);
  });

  it('offers every state, event, form field and parameter for a province to lock', () => {
    const elements = lockableElements(definition, unemploymentRegistration.parameters);
    expect(elements).toContain('states.submitted.task.slaWorkingDays');
    expect(elements).toContain('states.registered.on.refusalRecorded.rules');
    expect(elements).toContain('forms.registration.schema.properties.phone');
    expect(elements).toContain('parameters.noContactMonths');
    // A state without a task has no time limit or post to lock.
    expect(elements).not.toContain('states.registered.task.slaWorkingDays');
  });
});

describe('levels', () => {
  const user = (role: SessionUser['role'], kind: string): SessionUser => ({
    id: 'u1',
    username: 'u1',
    displayName: 'U1',
    role,
    posts: [],
    permissions: [],
    restriction: null,
    orgUnit: { id: '350100', name: '福州市', kind, path: '/100000/350000/350100/' } as SessionUser['orgUnit'],
  });

  it('lets only province and city configurators edit a draft overlay', () => {
    expect(placementOf(user('configurator', 'city'))).toEqual({ kind: 'city', path: '/100000/350000/350100/' });
    expect(editsOverlays(user('configurator', 'city'))).toBe(true);
    expect(editsOverlays(user('configurator', 'province'))).toBe(true);
    expect(editsOverlays(user('configurator', 'ministry'))).toBe(false);
    expect(editsOverlays(user('reviewer', 'city'))).toBe(false);
  });
});

describe('the flow graph', () => {
  it('has a node per state and an edge per event, with their locks, and marks what problems concern', () => {
    const graph = buildFlow(definition, locks, ['states.draft.task.post', 'forms.rejection.schema.required']);
    expect(graph.states.map((s) => s.id)).toEqual(['draft', 'submitted', 'registered', 'cancelled', 'rejected']);
    const byId = Object.fromEntries(graph.states.map((s) => [s.id, s]));
    expect(byId['draft']).toMatchObject({ initial: true, final: false, marked: true, task: { role: 'caseworker', post: 'unemployment-window', slaWorkingDays: 1 } });
    expect(byId['registered']!.locks.map((l) => l.lockedBy)).toEqual(['ministry', 'ministry']);
    expect(byId['submitted']!.locks).toEqual([provinceLock]);
    expect(byId['cancelled']).toMatchObject({ final: true, task: null, marked: false });

    // Since issue 14, 已登记失业 also takes a contact (by a caseworker or a referral) and the statutory no-contact cancellation;
    // since issue 17, 审核 may return an application for correction.
    expect(graph.transitions).toHaveLength(11);
    const approve = graph.transitions.find((t) => t.id === 'submitted.approve')!;
    expect(approve).toMatchObject({ source: 'submitted', target: 'registered', roles: ['reviewer'], form: { id: 'review' }, marked: false });
    expect(approve.locks).toHaveLength(2);
    // A problem on a form marks the events that ask for it.
    expect(graph.transitions.filter((t) => t.marked).map((t) => t.id)).toEqual(['submitted.reject']);
  });

  it('is laid out left to right along the flow, every event routed, labels clear of each other', async () => {
    const graph = buildFlow(definition, locks);
    const layout = await layoutFlow(graph, (t) => [t.title['zh-CN'], t.roles.join('、')]);
    const x = (id: string) => layout.states.get(id)!.x;
    expect(x('draft')).toBeLessThan(x('submitted'));
    expect(x('submitted')).toBeLessThan(x('registered'));
    expect(x('registered')).toBeLessThan(x('cancelled'));
    expect(layout.transitions.size).toBe(11);
    for (const route of layout.transitions.values()) expect(route.points.length).toBeGreaterThanOrEqual(2);
    const labels = [...layout.transitions.values()].map((route) => route.label);
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
    expect(layout.width).toBeGreaterThan(4 * STATE_SIZE.width);
  });

  it('wraps long labels by width, Chinese between characters and English between words, and makes room for a lock', () => {
    expect(wrapLines(['多次无正当理由拒绝推荐工作自动注销'])).toEqual(['多次无正当理由拒绝', '推荐工作自动注销']);
    expect(wrapLines(['Cancelled after repeated unjustified job refusals', 'System'])).toEqual(['Cancelled after', 'repeated', 'unjustified job', 'refusals', 'System']);
    expect(wrapLines(['Supercalifragilisticexpialidocious'])).toEqual(['Supercalifragil', 'isticexpialidoc', 'ious']);
    expect(labelSize(['审核通过'], true).width - labelSize(['审核通过']).width).toBeGreaterThan(0);
    expect(labelSize(['a', 'b']).height).toBeGreaterThan(labelSize(['a']).height);
  });
});

describe('draft operations', () => {
  const setSla = (state: string, workingDays: number): OverlayOperation => ({ op: 'setSla', state, workingDays });

  it('replaces an operation on the same element rather than stacking another', () => {
    const ops = withOperation(withOperation([], setSla('submitted', 5)), { op: 'setPost', state: 'submitted', post: 'supervisor' });
    expect(withOperation(ops, setSla('submitted', 4))).toEqual([setSla('submitted', 4), ops[1]]);
    expect(withOperation(ops, setSla('draft', 2))).toEqual([...ops, setSla('draft', 2)]);
  });

  it('finds the problems an operation caused by the elements it touches', () => {
    const problems = [
      { code: 'OVERLAY_LOCK_VIOLATION', element: 'states.submitted.task.slaWorkingDays', reason: provinceLock.reason, lockedBy: '350000' },
      { code: 'OVERLAY_LOOSENING', element: 'forms.registration.schema.required', reason: { 'zh-CN': '上级要求必填字段「手机号码」，不能删除', en: '“Mobile phone” is required by the level below' } },
    ] as const;
    expect(problemsOf(setSla('submitted', 5), problems)).toEqual([problems[0]]);
    expect(problemsOf(setSla('draft', 5), problems)).toEqual([]);
    expect(problemsOf({ op: 'removeField', form: 'registration', field: 'phone' }, problems)).toEqual([problems[1]]);
    expect(problemsOf({ op: 'removeState', state: 'submitted' }, problems)).toEqual([problems[0]]);
    // A role change touches the state's events too.
    const eventLock = { code: 'OVERLAY_LOCK_VIOLATION', element: 'states.submitted.on.approve.roles', reason: provinceLock.reason, lockedBy: '350000' } as const;
    expect(problemsOf({ op: 'setRole', state: 'submitted', role: 'caseworker' }, [...problems, eventLock])).toEqual([eventLock]);
    expect(withOperation([{ op: 'setRole', state: 'submitted', role: 'caseworker' }], { op: 'setRole', state: 'submitted', role: 'admin' })).toEqual([{ op: 'setRole', state: 'submitted', role: 'admin' }]);
  });

  it('builds operations the server accepts and applies: a review inserted after approval, a new choice field', () => {
    const review = reviewOperation('submitted', {
      event: 'approve',
      state: 'secondReview',
      titleZh: '复核',
      titleEn: 'Second review',
      role: 'reviewer',
      post: 'supervisor',
      sla: 2,
      form: 'secondReviewOpinion',
      formZh: '复核意见',
      formEn: 'Review opinion',
      approve: 'confirm',
      approveZh: '复核通过',
      approveEn: 'Confirm',
      withReject: true,
      reject: 'overrule',
      rejectZh: '复核不通过',
      rejectEn: 'Overrule',
      target: 'rejected',
    });
    const hukou = fieldSchema({ name: 'hukouType', kind: 'choice', title: title('户籍类型', 'Household type'), required: true, options: parseOptions('local=本地=Local\nnon-local=外地') });
    const overlay = overlaySchema.parse({ operations: [review, { op: 'addField', form: 'registration', field: 'hukouType', schema: hukou, required: true }] });
    const result = applyOverlay(definition, overlay);
    expect(result.states['submitted']!.on['approve']!.target).toBe('secondReview');
    expect(result.states['secondReview']).toMatchObject({ task: { role: 'reviewer', post: 'supervisor', slaWorkingDays: 2 }, on: { confirm: { target: 'registered' }, overrule: { target: 'rejected' } } });
    expect(result.forms['registration']!.schema['required']).toContain('hukouType');
    expect(hukou['oneOf']).toEqual([
      { const: 'local', title: '本地', 'x-i18n': { en: 'Local' } },
      { const: 'non-local', title: '外地', 'x-i18n': { en: '外地' } },
    ]);
  });
});

describe('form fields', () => {
  const registration = definition.forms['registration']!;

  it('lists fields in the order the form shows them, with kind, required and limits', () => {
    const rows = fieldRows(registration);
    expect(rows.map((r) => r.name).slice(0, 3)).toEqual(['category', 'unemployedSince', 'retirementCategory']);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['category']).toMatchObject({ kind: 'choice', required: true });
    expect(byName['category']!.options).toHaveLength(7);
    expect(byName['unemployedSince']!.kind).toBe('date');
    expect(byName['phone']).toMatchObject({ kind: 'mobile', required: true, title: title('手机号码', 'Mobile phone') });
    expect(byName['previousEmployerCreditCode']!.kind).toBe('creditCode');
    expect(byName['address']).toMatchObject({ kind: 'text', required: false, limits: [{ key: 'maxLength', value: 200 }] });
  });

  it('shows a field being typed in the preview, keeping the form order valid for rjsf', () => {
    const pending = { name: 'wechat', schema: fieldSchema({ name: 'wechat', kind: 'text', title: title('微信号', 'WeChat ID'), required: true, maxLength: 40 }), required: true };
    const preview = withPendingField(registration, pending);
    expect((preview.schema['properties'] as Record<string, unknown>)['wechat']).toEqual({ type: 'string', maxLength: 40, title: '微信号', 'x-i18n': { en: 'WeChat ID' } });
    expect(preview.schema['required']).toContain('wechat');
    expect((preview.ui!['ui:order'] as string[]).at(-1)).toBe('wechat');
    // The form itself is untouched, and a taken or empty name changes nothing.
    expect((registration.schema['properties'] as Record<string, unknown>)['wechat']).toBeUndefined();
    expect(withPendingField(registration, { ...pending, name: 'phone' })).toBe(registration);
    expect(withPendingField(registration, null)).toBe(registration);
  });
});

describe('parameter bounds', () => {
  const [minimumAge, refusalLimit] = unemploymentRegistration.parameters;

  it('keeps a value outside the ministry bounds as typed and reports it, rather than clamping it silently', () => {
    expect(numericBounds(refusalLimit!)).toEqual({ min: 1, max: 10 });
    expect(outOfBounds(refusalLimit!, 99)).toBe(true);
    expect(outOfBounds(refusalLimit!, 0)).toBe(true);
    expect(outOfBounds(refusalLimit!, 1)).toBe(false);
    expect(outOfBounds(refusalLimit!, 10)).toBe(false);
    // A bound fixed by the ministry refuses anything else.
    expect(outOfBounds(minimumAge!, 17)).toBe(true);
    // Nothing typed yet is not a refusal.
    expect(outOfBounds(refusalLimit!, null)).toBe(false);
  });

  it('has no numeric bounds for a code list', () => {
    const codes = { id: 'categories', title: title('类别', 'Categories'), unit: 'codes' as const, default: ['a'], options: [{ code: 'a', title: title('甲', 'A') }] };
    expect(numericBounds(codes)).toBeNull();
    expect(outOfBounds(codes, 99)).toBe(false);
  });
});
