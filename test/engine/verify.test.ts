import { describe, expect, it } from 'vitest';
import { compile, isPlatformError, parseDefinition, verify } from '../../engine/index.ts';
import { plugins } from '../support/packages.ts';
import { tinyDefinition } from './fixtures.ts';

const none = { guards: {}, actions: {} };

function codesOf(raw: unknown) {
  return verify(parseDefinition(raw), none).map((f) => `${f.code}@${f.path}`);
}

describe('verify', () => {
  it('finds nothing wrong with a sound definition or with any shipped plugin', () => {
    expect(codesOf(tinyDefinition())).toEqual([]);
    for (const plugin of plugins) {
      for (const raw of plugin.definitions) expect(verify(parseDefinition(raw), plugin.implementations)).toEqual([]);
    }
  });

  it('reports an unreachable state and a non-final state with no exit', () => {
    const d = tinyDefinition();
    Object.assign(d.states, { limbo: { title: { 'zh-CN': '悬置', en: 'Limbo' } } });
    expect(codesOf(d)).toEqual(['unreachable-state@states.limbo', 'no-exit@states.limbo.on']);
  });

  it('reports a human task without role, SLA or form', () => {
    const d = tinyDefinition();
    d.states.open.task = {} as never;
    delete (d.states.open.on.close as { form?: string }).form;
    expect(codesOf(d)).toEqual(['task-without-role@states.open.task.role', 'task-without-sla@states.open.task.slaWorkingDays', 'task-without-form@states.open.task']);
  });

  it('reports unknown targets, forms, roles, guards, actions and CEL that does not parse', () => {
    const d = tinyDefinition();
    const close = d.states.open.on.close as Record<string, unknown>;
    Object.assign(close, {
      target: 'nowhere',
      form: 'missing',
      roles: ['janitor'],
      rules: [
        { id: 'bad-cel', cel: 'form.amount >', message: { 'zh-CN': '坏', en: 'Bad' } },
        { id: 'named', guard: 'noSuchGuard', message: { 'zh-CN': '坏', en: 'Bad' } },
      ],
      actions: [{ type: 'noSuchAction' }],
    });
    expect(codesOf(d)).toEqual([
      'unknown-target@states.open.on.close.target',
      'unknown-form@states.open.on.close.form',
      'unknown-role@states.open.on.close.roles.0',
      'invalid-cel@states.open.on.close.rules.0.cel',
      'unknown-guard@states.open.on.close.rules.1.guard',
      'unknown-action@states.open.on.close.actions.0.type',
      'unreachable-state@states.closed',
    ]);
  });

  it('reports a CEL call of a function neither CEL nor the platform library has, and a library function called with the wrong types', () => {
    const d = tinyDefinition();
    (d.states.open.on.close as Record<string, unknown>).rules = [
      { id: 'typo', cel: 'ageOf(form.birthDate, chinaDay(now)) >= 16', message: { 'zh-CN': '坏', en: 'Bad' } },
      { id: 'method', cel: 'form.note.reverse() == form.note && chinaDay(now) != ""', message: { 'zh-CN': '坏', en: 'Bad' } },
      { id: 'wrong-types', cel: 'ageOn(1, 2) >= 16', message: { 'zh-CN': '坏', en: 'Bad' } },
      { id: 'sound', cel: "cel.bind(today, chinaDay(now), ageOn(form.birthDate, today) >= 16 && monthOf(today) < retirementMonth(form.birthDate, 'male-60'))", message: { 'zh-CN': '好', en: 'Good' } },
    ];
    expect(codesOf(d)).toEqual(['unknown-cel-function@states.open.on.close.rules.0.cel', 'unknown-cel-function@states.open.on.close.rules.1.cel', 'invalid-cel@states.open.on.close.rules.2.cel']);
    const [typo] = verify(parseDefinition(d), none);
    expect(typo?.message).toEqual({
      'zh-CN': '条件调用的函数 ageOf 不存在：既非 CEL 内置函数，也不在本平台的 CEL 函数库中',
      en: "The condition calls ageOf, which is neither a CEL function nor one of the platform's CEL library",
    });
  });

  it('gives every finding a bilingual message', () => {
    const d = tinyDefinition();
    d.initial = 'nowhere';
    const [first] = verify(parseDefinition(d));
    expect(first?.message['zh-CN']).toContain('nowhere');
    expect(first?.message.en).toContain('nowhere');
  });
});

describe('compile', () => {
  it('refuses an unknown guard or action name with UNKNOWN_IMPLEMENTATION', () => {
    const d = tinyDefinition();
    (d.states.open.on.close as Record<string, unknown>).actions = [{ type: 'sendFax' }];
    expect(() => compile(d, none)).toThrowError(expect.objectContaining({ code: 'UNKNOWN_IMPLEMENTATION' }));
  });

  it('refuses a CEL call of an unknown function with UNKNOWN_IMPLEMENTATION, as it would fail only when a case reached it', () => {
    const d = tinyDefinition();
    (d.states.open.on.close as Record<string, unknown>).rules = [{ id: 'typo', cel: 'workingDaysSince(calendar, form.date) < 5', message: { 'zh-CN': '坏', en: 'Bad' } }];
    try {
      compile(d, none);
      expect.unreachable();
    } catch (error) {
      expect(isPlatformError(error, 'UNKNOWN_IMPLEMENTATION')).toBe(true);
      expect((error as { details: { code: string; path: string }[] }).details).toMatchObject([{ code: 'unknown-cel-function', path: 'states.open.on.close.rules.0.cel' }]);
    }
  });

  it('reports a material declared twice on a step, and materials on a step only the system sends', () => {
    const d = tinyDefinition();
    const title = { 'zh-CN': '身份证明', en: 'Proof of identity' };
    Object.assign(d.states.open.on.close as Record<string, unknown>, { materials: [{ code: 'identity-proof', title, required: true }, { code: 'identity-proof', title }] });
    expect(codesOf(d)).toEqual(['duplicate-material@states.open.on.close.materials.1.code']);
    Object.assign(d.states.open.on.close as Record<string, unknown>, { roles: ['system'], materials: [{ code: 'identity-proof', title }] });
    expect(codesOf(d)).toContain('material-on-system-event@states.open.on.close.materials');
    expect(() => parseDefinition({ ...tinyDefinition(), states: { ...d.states, open: { ...d.states.open, on: { close: { ...d.states.open.on.close, materials: [{ code: 'Not Kebab', title }] } } } } })).toThrow();
  });

  it('reports a public notice not ended by a working-day timer of its state, or whose objection the system may not send with its reason', () => {
    const d = tinyDefinition();
    const notice = { title: { 'zh-CN': '公示', en: 'Notice' }, endsWith: 'close', objection: 'close' };
    Object.assign(d.states.open, { publicNotice: notice });
    expect(codesOf(d)).toEqual(['notice-end-not-timer@states.open.publicNotice.endsWith', 'notice-objection-not-system@states.open.publicNotice.objection']);
    Object.assign(d.states.open.on.close as Record<string, unknown>, { roles: ['caseworker', 'system'] });
    Object.assign(d.states.open, { timers: [{ event: 'close', at: { workingDays: 5 } }] });
    // The close form has no `objection` field to carry the reason.
    expect(codesOf(d)).toEqual(['notice-objection-not-system@states.open.publicNotice.objection']);
    Object.assign(d.states.open, { timers: [{ event: 'close', at: { months: 1 } }] });
    expect(codesOf(d)).toContain('notice-end-not-timer@states.open.publicNotice.endsWith');
  });

  it('refuses a definition that fails its schema, naming the path', () => {
    const d = { ...tinyDefinition(), subject: 'cat' };
    try {
      compile(d, none);
      expect.unreachable();
    } catch (error) {
      expect(isPlatformError(error, 'DEFINITION_INVALID')).toBe(true);
      expect((error as { details: { path: string }[] }).details[0]?.path).toBe('subject');
    }
  });

  it('caches by content hash: an equal definition compiles once', () => {
    const a = compile(tinyDefinition(), none);
    const b = compile(JSON.parse(JSON.stringify(tinyDefinition())), none);
    expect(b).toBe(a);
    const changed = tinyDefinition();
    changed.states.open.task.slaWorkingDays = 3;
    expect(compile(changed, none)).not.toBe(a);
  });
});
