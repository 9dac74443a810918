import type { ActionImplementation, CaseData } from './step-types.ts';

function stringParam(params: Readonly<Record<string, unknown>>, key: string): string {
  const value = params[key];
  if (typeof value !== 'string') throw new TypeError(`action parameter "${key}" must be a string`);
  return value;
}

function pick(data: CaseData, fields: unknown): CaseData {
  if (!Array.isArray(fields)) return { ...data };
  return Object.fromEntries(fields.filter((f): f is string => typeof f === 'string' && f in data).map((f) => [f, data[f]]));
}

/**
 * Actions every definition may use without a plugin implementing them:
 * `emit` a domain event (params: event, fields), `setSubject` a status field of the
 * subject (params: field, value), `issueCertificate` (params: certificate).
 */
export const builtInActions = {
  emit: ({ data }, params) => [{ kind: 'emit', event: stringParam(params, 'event'), payload: pick(data, params['fields']) }],
  setSubject: (_input, params) => {
    const value = params['value'];
    const allowed = value === null || ['string', 'number', 'boolean'].includes(typeof value);
    if (!allowed) throw new TypeError('setSubject value must be a string, number, boolean or null');
    return [{ kind: 'subject.set', field: stringParam(params, 'field'), value: value as string | number | boolean | null }];
  },
  issueCertificate: (_input, params) => [{ kind: 'certificate.issue', certificate: stringParam(params, 'certificate') }],
} satisfies Record<string, ActionImplementation>;

/** Names reserved by the engine; a plugin may not redefine them. */
export const builtInActionNames: ReadonlySet<string> = new Set(Object.keys(builtInActions));
