import type { ActionImplementation, CaseData, Effect, Fund, RuleInput } from './action-types.ts';

const funds: readonly Fund[] = ['employment-subsidy', 'unemployment-insurance'];

function stringParam(params: Readonly<Record<string, unknown>>, key: string): string {
  const value = params[key];
  if (typeof value !== 'string') throw new TypeError(`action parameter "${key}" must be a string`);
  return value;
}

function pick(data: CaseData, fields: unknown): CaseData {
  if (!Array.isArray(fields)) return { ...data };
  return Object.fromEntries(fields.filter((f): f is string => typeof f === 'string' && f in data).map((f) => [f, data[f]]));
}

function dataString(data: CaseData, field: string): string {
  const value = data[field];
  if (typeof value !== 'string' && typeof value !== 'number') throw new TypeError(`case data field "${field}" is needed for the payment`);
  return String(value);
}

/** The actor who last sent `event`, or the current actor when no event is named. */
function actorOfEvent(input: RuleInput, event: unknown): string {
  if (event === undefined) return input.actor.id;
  const id = typeof event === 'string' ? input.lastActors[event] : undefined;
  if (!id) throw new TypeError(`no actor has sent "${String(event)}" on this case`);
  return id;
}

/**
 * `payItem`: an approved payment into the ledger. Params: subsidyType, fund, amountField (a
 * case data field) or amountParameter (a parameter in force on the step's date), periodField, item (defaults to subsidyType) with itemFields appended to
 * it, preparedBy and approvedBy (event names whose last sender prepared or approved; the
 * current actor when omitted).
 */
function payItem(input: RuleInput, params: Readonly<Record<string, unknown>>): Effect[] {
  const subsidyType = stringParam(params, 'subsidyType');
  const fund = stringParam(params, 'fund') as Fund;
  if (!funds.includes(fund)) throw new TypeError(`unknown fund "${fund}"`);
  // The amount comes from the case data, or from a parameter in force on the step's date (a
  // monthly standard: a change from next month leaves this month's payment as it was).
  const amountFen = typeof params['amountParameter'] === 'string' ? Number(input.parameters[params['amountParameter']]) : Number(dataString(input.data, stringParam(params, 'amountField')));
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new TypeError('a payment is a positive whole number of fen');
  const extraFields = Array.isArray(params['itemFields']) ? params['itemFields'] : [];
  const item = [typeof params['item'] === 'string' ? params['item'] : subsidyType, ...extraFields.map((f) => dataString(input.data, String(f)))].join(':');
  return [
    {
      kind: 'ledger.item',
      item: {
        subsidyType,
        item,
        period: dataString(input.data, stringParam(params, 'periodField')),
        fund,
        amountFen,
        preparedBy: actorOfEvent(input, params['preparedBy']),
        approvedBy: actorOfEvent(input, params['approvedBy']),
      },
    },
  ];
}

/**
 * Actions every definition may use without a plugin implementing them:
 * `emit` a domain event (params: event, fields), `setSubject` a status field of the
 * subject (params: field, value), `countOnSubject` (params: field), `issueCertificate`
 * (params: certificate) and `payItem` (see above).
 */
export const builtInActions = {
  emit: ({ data }, params) => [{ kind: 'emit', event: stringParam(params, 'event'), payload: pick(data, params['fields']) }],
  setSubject: (_input, params) => {
    const value = params['value'];
    const allowed = value === null || ['string', 'number', 'boolean'].includes(typeof value);
    if (!allowed) throw new TypeError('setSubject value must be a string, number, boolean or null');
    return [{ kind: 'subject.set', field: stringParam(params, 'field'), value: value as string | number | boolean | null }];
  },
  countOnSubject: (_input, params) => [{ kind: 'subject.increment', field: stringParam(params, 'field') }],
  issueCertificate: (_input, params) => [{ kind: 'certificate.issue', certificate: stringParam(params, 'certificate') }],
  payItem,
} satisfies Record<string, ActionImplementation>;

/** Names reserved by the engine; a plugin may not redefine them. */
export const builtInActionNames: ReadonlySet<string> = new Set(Object.keys(builtInActions));
