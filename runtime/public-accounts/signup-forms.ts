import type { FieldError } from '../../forms/index.ts';
import { createAjv, toFieldErrors } from '../../forms/index.ts';
import { PlatformError } from '../../engine/index.ts';

/** A citizen's sign-up, as the form sends it: real name, ID number, mobile with its code, password. */
export interface CitizenSignUp {
  cityCode: string;
  name: string;
  idNumber: string;
  mobile: string;
  code: string;
  password: string;
}

/** An employer's sign-up: the credit code and name, the agent (经办人) and their mobile with its code, password. */
export interface EmployerSignUp {
  cityCode: string;
  creditCode: string;
  employerName: string;
  agentName: string;
  mobile: string;
  code: string;
  password: string;
}

const name = { type: 'string', minLength: 2, maxLength: 30, pattern: '^[\\u3400-\\u9fff·•A-Za-z ]+$' };
const common = {
  cityCode: { type: 'string', pattern: '^\\d{4}00$' },
  mobile: { type: 'string', format: 'cn-mobile' },
  code: { type: 'string', pattern: '^\\d{6}$' },
  password: { type: 'string', minLength: 1, maxLength: 128 },
};

/** The sign-up forms' schemas: the one Ajv factory checks them, field by field, with bilingual messages. */
export const citizenSignUpSchema = {
  type: 'object',
  required: ['cityCode', 'name', 'idNumber', 'mobile', 'code', 'password'],
  properties: { ...common, name, idNumber: { type: 'string', format: 'cn-id-number' } },
} as const;

export const employerSignUpSchema = {
  type: 'object',
  required: ['cityCode', 'creditCode', 'employerName', 'agentName', 'mobile', 'code', 'password'],
  properties: { ...common, creditCode: { type: 'string', format: 'cn-credit-code' }, employerName: { type: 'string', minLength: 2, maxLength: 100 }, agentName: name },
} as const;

const ajv = createAjv();
const checks = { citizen: ajv.compile(citizenSignUpSchema), employer: ajv.compile(employerSignUpSchema) };

/** The problems of a sign-up form, field by field (empty when it is well-formed); `code` left out when asked (sending a code needs no code). */
export function signUpFieldErrors(kind: 'citizen' | 'employer', input: Record<string, string>, options: { withoutCode?: boolean } = {}): FieldError[] {
  const check = checks[kind];
  const values = options.withoutCode ? { ...input, code: '000000' } : input;
  return check(values) ? [] : toFieldErrors(check.errors);
}

/** Refuses a malformed sign-up form (`FORM_INVALID`, with every field's problem). */
export function requireWellFormed(kind: 'citizen' | 'employer', input: Record<string, string>, options: { withoutCode?: boolean } = {}): void {
  const errors = signUpFieldErrors(kind, input, options);
  if (errors.length > 0) throw new PlatformError('FORM_INVALID', { details: { errors } });
}
