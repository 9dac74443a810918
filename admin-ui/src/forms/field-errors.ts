import type { ErrorSchema, RJSFValidationError } from '@rjsf/utils';
import type { Locale, Text } from '../i18n.ts';
import { fieldMessage } from '../../../forms/ajv/field-messages.ts';

type Params = Record<string, unknown>;

/**
 * What a failed JSON Schema keyword means, in the reader's language, as the server says it
 * (`fieldMessage` of `forms/`): `required` reads 必填, a bad mobile number reads
 * 请输入有效的11位手机号码; a keyword not known there reads 填写有误, or Ajv's own English message.
 */
export function keywordMessage(keyword: string, params: Params | undefined, locale: Locale, ajvMessage: string): string {
  return fieldMessage(keyword, params, ajvMessage)[locale];
}

/**
 * The rjsf `transformErrors` for a locale: every browser-side error in the reader's language,
 * one per field and message (a value outside a `oneOf` of choices fails every choice's
 * `const` as well as the `oneOf`), and without Ajv's `if` errors, which only say that a
 * `then` branch failed; the branch's own errors name the fields.
 */
export function localiseErrors(locale: Locale) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] => {
    const seen = new Set<string>();
    return errors.flatMap((error) => {
      if (error.name === 'if') return [];
      const message = keywordMessage(error.name ?? '', error.params as Params | undefined, locale, error.message ?? '');
      const key = `${error.property ?? ''}\u0000${message}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ ...error, message, stack: `${error.property ?? ''} ${message}`.trim() }];
    });
  };
}

/** A field error as the server's `FORM_INVALID` details carry it (see `toFieldErrors`), its words in both languages where the server sent them. */
export interface ServerFieldError {
  field: string;
  keyword: string;
  message: string;
  text?: Text;
}

/** The `fields` of a `FORM_INVALID` refusal's details, or null when the details carry none. */
export function serverFieldErrors(details: unknown): ServerFieldError[] | null {
  const fields = typeof details === 'object' && details !== null ? (details as { fields?: unknown }).fields : undefined;
  if (!Array.isArray(fields)) return null;
  return fields.filter(
    (f): f is ServerFieldError => typeof f === 'object' && f !== null && typeof (f as ServerFieldError).field === 'string' && typeof (f as ServerFieldError).keyword === 'string',
  );
}

/**
 * The server's field errors as an rjsf error schema, for `extraErrors`: each message under its
 * dotted path (`address.street` → `{ address: { street: { __errors } } }`), in the reader's
 * language; an error without a field goes on the form itself.
 */
export function toErrorSchema(fields: readonly ServerFieldError[], locale: Locale): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const error of fields) {
    if (error.keyword === 'if') continue;
    let node = root;
    for (const part of error.field.split('.').filter(Boolean)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    const list = ((node['__errors'] as string[] | undefined) ??= []);
    // The server's own words; without them, Ajv's message names the format (`must match format "cn-mobile"`).
    const format = /format "([^"]+)"/.exec(error.message)?.[1];
    const message = error.text?.[locale] ?? keywordMessage(error.keyword, format ? { format } : undefined, locale, error.message);
    if (!list.includes(message)) list.push(message);
  }
  return root as ErrorSchema;
}
