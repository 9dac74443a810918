import { actionFault, builtInParams, type BuiltInActionName, type BuiltInParams } from './built-in-params.ts';
import type { ActionImplementation, CaseData, Effect, Payee, RuleInput } from './action-types.ts';

function pick(data: CaseData, fields: readonly string[] | undefined): CaseData {
  if (fields === undefined) return { ...data };
  return Object.fromEntries(fields.filter((f) => f in data).map((f) => [f, data[f]]));
}

/** The value of the case data field a payment param names: the definition's forms must have collected it. */
function dataString(data: CaseData, param: string, field: string): string {
  const value = data[field];
  if (typeof value !== 'string' && typeof value !== 'number') throw actionFault('payItem', param, 'the case data has no text or number in this field', { field });
  return String(value);
}

/** The actor who last sent the event a param names, or the current actor when none is named. */
function actorOfEvent(input: RuleInput, param: 'preparedBy' | 'approvedBy', event: string | undefined): string {
  if (event === undefined) return input.actor.id;
  const id = input.lastActors[event];
  if (!id) throw actionFault('payItem', param, 'no actor has sent this event on this case', { event });
  return id;
}

/** The payment's amount in fen: from the case data, or from a parameter in force on the step's date. */
function amountOf(input: RuleInput, params: BuiltInParams<'payItem'>): number {
  // A monthly standard is a parameter: a change from next month leaves this month's payment as it was.
  const [param, amountFen] =
    params.amountParameter === undefined
      ? (['amountField', Number(dataString(input.data, 'amountField', params.amountField!))] as const)
      : (['amountParameter', Number(input.parameters[params.amountParameter])] as const);
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw actionFault('payItem', param, 'a payment is a positive whole number of fen');
  return amountFen;
}

/** Who the payment goes to: the case's person unless the params name another payee's fields. */
function payeeOf(input: RuleInput, params: BuiltInParams<'payItem'>): Payee {
  const payee = params.payee ?? { kind: 'subject' as const };
  const field = (name: string) => dataString(input.data, 'payee', name);
  if (payee.kind === 'subject') {
    return { kind: 'person', code: null, name: null, account: payee.accountField === undefined ? null : field(payee.accountField), bank: payee.bankField === undefined ? null : field(payee.bankField) };
  }
  return { kind: payee.kind, code: field(payee.codeField), name: field(payee.nameField), account: field(payee.accountField), bank: field(payee.bankField) };
}

/**
 * `payItem`: an approved payment into the ledger. Params: subsidyType, fund, amountField (a
 * case data field) or amountParameter (a parameter in force on the step's date), periodField (a
 * case data field) or period (fixed: an item paid once ever), item (defaults to subsidyType) with itemFields appended to
 * it, payee (`{ kind: 'subject' }`, the default, or the kind and the case data fields of another
 * payee's code, name, account and bank), preparedBy and approvedBy (event names whose last sender prepared or approved; the
 * current actor when omitted).
 */
const payItem: ActionImplementation = (input, raw) => {
  const params = builtInParams('payItem', raw);
  const item = [params.item ?? params.subsidyType, ...(params.itemFields ?? []).map((f) => dataString(input.data, 'itemFields', f))].join(':');
  return [
    {
      kind: 'ledger.item',
      item: {
        subsidyType: params.subsidyType,
        item,
        period: params.period ?? dataString(input.data, 'periodField', params.periodField!),
        fund: params.fund,
        amountFen: amountOf(input, params),
        payee: payeeOf(input, params),
        preparedBy: actorOfEvent(input, 'preparedBy', params.preparedBy),
        approvedBy: actorOfEvent(input, 'approvedBy', params.approvedBy),
      },
    },
  ];
};

/**
 * Actions every definition may use without a plugin implementing them:
 * `emit` a domain event (params: event, fields), `setSubject` a status field of the
 * subject (params: field, value), `countOnSubject` (params: field), `issueCertificate`
 * (params: certificate) and `payItem` (see above). Malformed params are refused by `verify`
 * when a definition is loaded, and here again as `DEFINITION_INVALID`, never as a TypeError.
 */
export const builtInActions = {
  emit: ({ data }, raw): Effect[] => {
    const params = builtInParams('emit', raw);
    return [{ kind: 'emit', event: params.event, payload: pick(data, params.fields) }];
  },
  setSubject: (_input, raw) => {
    const { field, value } = builtInParams('setSubject', raw);
    return [{ kind: 'subject.set', field, value }];
  },
  countOnSubject: (_input, raw) => [{ kind: 'subject.increment', field: builtInParams('countOnSubject', raw).field }],
  issueCertificate: (_input, raw) => [{ kind: 'certificate.issue', certificate: builtInParams('issueCertificate', raw).certificate }],
  payItem,
} satisfies Record<BuiltInActionName, ActionImplementation>;

/** Names reserved by the engine; a plugin may not redefine them. */
export const builtInActionNames: ReadonlySet<string> = new Set(Object.keys(builtInActions));
