import { describe, expect, it } from 'vitest';
import { builtInActions, compile, errorKind, isPlatformError, parseDefinition, start, step, verify, type RuleInput } from '../../engine/index.ts';
import { calendar } from '../support/calendar.ts';
import { refusal } from '../support/engine-assertions.ts';
import { caseworker, tinyDefinition } from './fixtures.ts';

const none = { guards: {}, actions: {} };

/** What an action sees in a step: case data, the form and who sent what. */
function scope(data: Record<string, unknown>, lastActors: Record<string, string> = {}): RuleInput {
  return { data, form: data, facts: {}, parameters: {}, now: '2026-10-12T02:00:00.000Z', calendar, actor: caseworker, lastActors };
}

/** A payment of `amount` fen for `period`, its maker `submit`. */
const payment = { subsidyType: 'start-up-subsidy', fund: 'employment-subsidy', amountField: 'amount', periodField: 'period' };

/** The tiny definition with the close transition's actions replaced. */
function tinyWithActions(actions: unknown[]) {
  const d = tinyDefinition();
  (d.states.open.on.close as Record<string, unknown>).actions = actions;
  return d;
}

function codesOf(raw: unknown) {
  return verify(parseDefinition(raw), none).map((f) => `${f.code}@${f.path}`);
}

describe('built-in actions at run time', () => {
  it('refuse malformed params with DEFINITION_INVALID naming the action and the param, a fault, not a TypeError', () => {
    const cases: [() => unknown, string, string][] = [
      [() => builtInActions.emit(scope({ name: '许明' }), { event: 'person.seen', fields: 'name' }), 'emit', 'fields'],
      [() => builtInActions.emit(scope({}), { fields: [] }), 'emit', 'event'],
      [() => builtInActions.setSubject(scope({}), { value: 'employed' }), 'setSubject', 'field'],
      [() => builtInActions.setSubject(scope({}), { field: 'employmentStatus', value: { employed: true } }), 'setSubject', 'value'],
      [() => builtInActions.countOnSubject(scope({}), { field: 3 }), 'countOnSubject', 'field'],
      [() => builtInActions.issueCertificate(scope({}), {}), 'issueCertificate', 'certificate'],
      [() => builtInActions.payItem(scope({ amount: 'abc', period: 'once' }), payment), 'payItem', 'amountField'],
      [() => builtInActions.payItem(scope({ amount: 100, period: 'once' }), { ...payment, fund: 'lottery' }), 'payItem', 'fund'],
      [() => builtInActions.payItem(scope({ amount: 100 }), payment), 'payItem', 'periodField'],
      [() => builtInActions.payItem(scope({ amount: 100, period: 'once' }), { ...payment, preparedBy: 'submit' }), 'payItem', 'preparedBy'],
      [() => builtInActions.payItem(scope({ period: 'once' }, {}), { ...payment, amountField: undefined, amountParameter: 'monthlyAmountFen' }), 'payItem', 'amountParameter'],
      [() => builtInActions.payItem(scope({ amount: 100, period: '2026-10' }), { ...payment, payee: { kind: 'employer', codeField: 'unitCode' } }), 'payItem', 'payee'],
      [() => builtInActions.payItem(scope({ amount: 100, period: '2026-10' }), { ...payment, payee: { kind: 'employer', codeField: 'unitCode', nameField: 'unitName', accountField: 'unitAccount', bankField: 'unitBank' } }), 'payItem', 'payee'],
    ];
    for (const [run, action, param] of cases) {
      const error = refusal(run);
      expect([action, param, error.code, error.kind]).toEqual([action, param, 'DEFINITION_INVALID', 'fault']);
      expect(error.details).toMatchObject({ action, param });
    }
  });

  it('emit sends only the named fields, or the whole case data when none are named', () => {
    const data = { category: 'school-leaver', phone: '13800138000' };
    expect(builtInActions.emit(scope(data), { event: 'x.happened', fields: ['category', 'missing'] })).toEqual([{ kind: 'emit', event: 'x.happened', payload: { category: 'school-leaver' } }]);
    expect(builtInActions.emit(scope(data), { event: 'x.happened' })).toEqual([{ kind: 'emit', event: 'x.happened', payload: data }]);
  });

  it("payItem pays the case's person unless it names another payee, whose code, name, account and bank come from the case data", () => {
    const data = { amount: 100, period: '2026-10', unitCode: '91350200MA2XXXXX0A', unitName: '厦门市思明区环卫所', unitAccount: '35101234567890', unitBank: '建设银行厦门分行' };
    const [toPerson] = builtInActions.payItem(scope(data), payment);
    expect(toPerson).toMatchObject({ item: { payee: { kind: 'person', code: null, name: null, account: null, bank: null } } });
    const payee = { kind: 'employer', codeField: 'unitCode', nameField: 'unitName', accountField: 'unitAccount', bankField: 'unitBank' };
    const [toOwnAccount] = builtInActions.payItem(scope(data), { ...payment, payee: { kind: 'subject', accountField: 'unitAccount', bankField: 'unitBank' } });
    expect(toOwnAccount).toMatchObject({ item: { payee: { kind: 'person', code: null, name: null, account: data.unitAccount, bank: data.unitBank } } });
    const [toUnit] = builtInActions.payItem(scope(data), { ...payment, payee });
    expect(toUnit).toMatchObject({ item: { payee: { kind: 'employer', code: data.unitCode, name: data.unitName, account: data.unitAccount, bank: data.unitBank } } });
  });

  it('payItem keys an item paid once ever by a fixed period, read from no field', () => {
    const { periodField: _field, ...onceEver } = payment;
    const [effect] = builtInActions.payItem(scope({ amount: 100, occupation: '4-03-02-01', level: 4 }), { ...onceEver, period: 'once', item: 'certificate', itemFields: ['occupation', 'level'] });
    expect(effect).toMatchObject({ kind: 'ledger.item', item: { item: 'certificate:4-03-02-01:4', period: 'once', amountFen: 100 } });
  });

  it('a step whose payment finds no period in the case data fails as DEFINITION_INVALID, the definition being at fault', () => {
    const compiled = compile(tinyWithActions([{ type: 'payItem', params: payment }]), none);
    const created = start(compiled, { actor: caseworker, calendar, now: '2026-10-09T02:00:00.000Z' });
    const error = refusal(() => step(compiled, { snapshot: created.snapshot, event: { type: 'close', data: { amount: 100 } }, actor: caseworker, calendar, now: '2026-10-12T02:00:00.000Z' }));
    expect([error.code, errorKind(error.code), error.details]).toEqual(['DEFINITION_INVALID', 'fault', expect.objectContaining({ action: 'payItem', param: 'periodField', field: 'period' })]);
  });
});

describe('built-in action params at load', () => {
  it('verify reports each malformed param, with its path, so the definition never runs', () => {
    const d = tinyWithActions([
      { type: 'emit', params: { event: 'tiny.closed', fields: 'amount' } },
      { type: 'setSubject', params: { value: 'employed' } },
      { type: 'payItem', params: { ...payment, fund: 'lottery' } },
      { type: 'payItem', params: { ...payment, amountParameter: 'monthlyAmountFen' } },
      { type: 'payItem', params: { ...payment, preparedBy: 'submitt' } },
      { type: 'emit', params: { event: 'tiny.closed', feilds: ['amount'] } },
      { type: 'payItem', params: { ...payment, period: 'once' } },
    ]);
    expect(codesOf(d)).toEqual([
      'invalid-action-params@states.open.on.close.actions.0.params.fields',
      'invalid-action-params@states.open.on.close.actions.1.params.field',
      'invalid-action-params@states.open.on.close.actions.2.params.fund',
      'invalid-action-params@states.open.on.close.actions.3.params.amountField',
      'invalid-action-params@states.open.on.close.actions.4.params.preparedBy',
      'invalid-action-params@states.open.on.close.actions.5.params.feilds',
      'invalid-action-params@states.open.on.close.actions.6.params.periodField',
    ]);
    const [first] = verify(parseDefinition(d));
    expect(first?.message['zh-CN']).toContain('emit');
    expect(first?.message.en).toContain('emit');
  });

  it('compile refuses such a definition with DEFINITION_INVALID listing the findings', () => {
    try {
      compile(tinyWithActions([{ type: 'setSubject', params: { field: 'employmentStatus' } }]), none);
      expect.unreachable();
    } catch (error) {
      expect(isPlatformError(error, 'DEFINITION_INVALID')).toBe(true);
      expect((error as { details: { code: string; path: string }[] }).details).toMatchObject([{ code: 'invalid-action-params', path: 'states.open.on.close.actions.0.params.value' }]);
    }
  });

  it('accepts a payment made and approved by events of the definition', () => {
    expect(codesOf(tinyWithActions([{ type: 'payItem', params: { ...payment, preparedBy: 'close', approvedBy: 'close', item: 'once', itemFields: ['amount'] } }]))).toEqual([]);
  });
});
