import Ajv, { type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { isCitizenId } from '../identifiers/citizen-id.ts';
import { isCreditCode } from '../identifiers/credit-code.ts';
import { isSocialSecurityCardNo } from '../identifiers/social-security-card.ts';
import { fieldMessage, type FieldText } from './field-messages.ts';

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
const MOBILE = /^1[3-9]\d{9}$/;
/** Beijing time is UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Whether `code` is an entry of the code table `table` (an `x-code-table` field's value). */
export type CodeLookup = (table: string, code: string) => boolean;

/** What a caller may hand a validator (`validate.call(context, data)`): the day that counts as today, and the code tables. */
export interface FormContext {
  /** Today in China (`YYYY-MM-DD`): the server passes the step's day, so a test clock or a replayed step is judged by its own day. */
  today: string;
  /** The server's code tables: an `x-code-table` field's value must be in its table. Without it (the browser) only the field's pattern counts. */
  codeExists?: CodeLookup;
}

/** Today in China by this machine's clock: the browser's day, and the server's when no step day is given. */
export function chinaToday(now: number = Date.now()): string {
  return new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * `x-not-after-today: true` on a date field: the day may not be later than today in China (a date of
 * unemployment, a contact or a separation that has not happened yet). The day is the validation
 * context's (`validate.call({ today }, data)`), or the machine's when there is none (the browser).
 */
function notAfterToday(this: Partial<FormContext> | undefined, enabled: boolean, value: unknown): boolean {
  if (!enabled || typeof value !== 'string') return true;
  const today = typeof this?.today === 'string' ? this.today : chinaToday();
  // Only a well-formed day is compared; `format: date` reports a malformed one.
  return !/^\d{4}-\d{2}-\d{2}$/.test(value) || value <= today;
}

/**
 * `x-code-table: "<table id>"` on a string field (or on the items of an array): the value is a code
 * of that table (`occupation-2022`, `industry-gb4754-2017`, `division`, ...). The browser offers the
 * table as a picker; the server, which holds the tables, refuses a code not in it when the
 * validation context carries a {@link CodeLookup}. Without one the keyword checks nothing.
 */
function inCodeTable(this: Partial<FormContext> | undefined, table: string, value: unknown): boolean {
  if (typeof value !== 'string' || typeof this?.codeExists !== 'function') return true;
  return this.codeExists(table, value);
}

/**
 * The platform's Ajv configuration: formats for identifiers and mobile numbers, the bilingual
 * `x-i18n` annotation, the `x-personal` mark, the `x-not-after-today` bound and the `x-code-table` look-up. The server applies it through {@link createAjv}; the UI hands it to rjsf's
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
  ajv.addKeyword({ keyword: 'x-not-after-today', type: 'string', schemaType: 'boolean', validate: notAfterToday });
  ajv.addKeyword({ keyword: 'x-code-table', type: 'string', schemaType: 'string', metaSchema: { type: 'string', pattern: '^[a-z0-9-]+$' }, validate: inCodeTable });
  return ajv;
}

/**
 * The one Ajv factory of the platform: strict, every error reported, {@link configureAjv} applied,
 * the caller's {@link FormContext} passed to the keywords that need it.
 */
export function createAjv(options: Options = {}): Ajv {
  // strictRequired is off: `if/then` legitimately requires properties declared at the top.
  return configureAjv(new Ajv({ allErrors: true, strict: true, strictRequired: false, passContext: true, ...options }));
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
