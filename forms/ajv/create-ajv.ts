import Ajv, { type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { isCitizenId } from '../identifiers/citizen-id.ts';
import { isCreditCode } from '../identifiers/credit-code.ts';
import { isSocialSecurityCardNo } from '../identifiers/social-security-card.ts';
import { fieldMessage, type FieldText } from './field-messages.ts';

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * The platform's Ajv configuration: formats for identifiers and mobile numbers, the bilingual
 * `x-i18n` annotation and the `x-personal` mark. The server applies it through {@link createAjv}; the UI hands it to rjsf's
 * validator as its extender, so a form is judged by the same rules on both sides.
 */
export function configureAjv(ajv: Ajv): Ajv {
  addFormats(ajv);
  ajv.addFormat('cn-id-number', { type: 'string', validate: isCitizenId });
  ajv.addFormat('cn-credit-code', { type: 'string', validate: isCreditCode });
  ajv.addFormat('cn-social-security-card', { type: 'string', validate: isSocialSecurityCardNo });
  ajv.addFormat('cn-mobile', { type: 'string', validate: (value: string) => MOBILE.test(value) });
  // Bilingual titles ride along in the schema; they do not validate anything.
  ajv.addKeyword({ keyword: 'x-i18n', schemaType: 'object' });
  // A personal field (a bank account number): the server keeps its value encrypted and shows it masked to whom it need not.
  ajv.addKeyword({ keyword: 'x-personal', schemaType: 'boolean' });
  return ajv;
}

/** The one Ajv factory of the platform: strict, every error reported, {@link configureAjv} applied. */
export function createAjv(options: Options = {}): Ajv {
  // strictRequired is off: `if/then` legitimately requires properties declared at the top.
  return configureAjv(new Ajv({ allErrors: true, strict: true, strictRequired: false, ...options }));
}

/** One failing field of a form, addressed by a dotted path such as `address.street`, with what is wrong in both languages. */
export interface FieldError {
  field: string;
  keyword: string;
  /** Ajv's own (English) message. */
  message: string;
  text: FieldText;
}

/**
 * Turns Ajv errors into per-field errors that a client can place beside its inputs, each once:
 * an `if` error only says that the then-branch failed (the branch's own errors name the fields),
 * and a value outside a `oneOf` of choices fails every choice's `const` besides the `oneOf` itself.
 */
export function toFieldErrors(errors: readonly ErrorObject[] | null | undefined): FieldError[] {
  const list = errors ?? [];
  const oneOfFailed = new Set(list.filter((error) => error.keyword === 'oneOf').map((error) => error.schemaPath));
  const underFailedOneOf = (error: ErrorObject) => [...oneOfFailed].some((path) => error.schemaPath.startsWith(`${path}/`));
  return list
    .filter((error) => error.keyword !== 'if' && !underFailedOneOf(error))
    .map((error) => {
      const path = error.instancePath.split('/').filter(Boolean);
      if (error.keyword === 'required') path.push(String(error.params['missingProperty']));
      if (error.keyword === 'additionalProperties') path.push(String(error.params['additionalProperty']));
      const message = error.message ?? error.keyword;
      return { field: path.join('.'), keyword: error.keyword, message, text: fieldMessage(error.keyword, error.params, message) };
    });
}
