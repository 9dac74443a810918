import type { ErrorSchema, RJSFValidationError } from '@rjsf/utils';
import type { Locale, Text } from '../i18n.ts';

type Params = Record<string, unknown>;

const FORMATS: Record<string, Text> = {
  'cn-mobile': { 'zh-CN': '请输入有效的11位手机号码', en: 'Enter a valid 11-digit mobile number' },
  'cn-id-number': { 'zh-CN': '公民身份号码无效（请核对校验位）', en: 'Not a valid citizen ID number (check the last character)' },
  'cn-credit-code': { 'zh-CN': '统一社会信用代码无效（请核对校验位）', en: 'Not a valid unified social credit code (check the last character)' },
  date: { 'zh-CN': '请输入有效日期（年-月-日）', en: 'Enter a valid date (YYYY-MM-DD)' },
};

/** Messages by Ajv keyword; `{limit}` is filled from the error's params when they are known. */
const KEYWORDS: Record<string, Text> = {
  required: { 'zh-CN': '必填', en: 'Required' },
  format: { 'zh-CN': '格式不正确', en: 'Wrong format' },
  pattern: { 'zh-CN': '格式不正确', en: 'Wrong format' },
  minLength: { 'zh-CN': '至少 {limit} 个字符', en: 'At least {limit} characters' },
  maxLength: { 'zh-CN': '最多 {limit} 个字符', en: 'At most {limit} characters' },
  minimum: { 'zh-CN': '不能小于 {limit}', en: 'Must be at least {limit}' },
  maximum: { 'zh-CN': '不能大于 {limit}', en: 'Must be at most {limit}' },
  exclusiveMinimum: { 'zh-CN': '必须大于 {limit}', en: 'Must be more than {limit}' },
  exclusiveMaximum: { 'zh-CN': '必须小于 {limit}', en: 'Must be less than {limit}' },
  minItems: { 'zh-CN': '至少 {limit} 项', en: 'At least {limit} items' },
  maxItems: { 'zh-CN': '最多 {limit} 项', en: 'At most {limit} items' },
  uniqueItems: { 'zh-CN': '不能有重复项', en: 'Items must not repeat' },
  type: { 'zh-CN': '类型不正确', en: 'Wrong type of value' },
  const: { 'zh-CN': '请从列表中选择', en: 'Choose one of the listed values' },
  enum: { 'zh-CN': '请从列表中选择', en: 'Choose one of the listed values' },
  oneOf: { 'zh-CN': '请从列表中选择', en: 'Choose one of the listed values' },
  additionalProperties: { 'zh-CN': '表单中没有此项', en: 'The form has no such field' },
};

const INTEGER: Text = { 'zh-CN': '请输入整数', en: 'Enter a whole number' };
const NUMBER: Text = { 'zh-CN': '请输入数字', en: 'Enter a number' };
const TOO_SHORT: Text = { 'zh-CN': '内容过短', en: 'Too short' };
const INVALID: Text = { 'zh-CN': '填写有误', en: 'Invalid value' };

/** Ajv's own English message, for an English reader, when no better one is known. */
function otherwise(locale: Locale, ajvMessage: string): string {
  return locale === 'en' && ajvMessage ? ajvMessage : INVALID[locale];
}

/**
 * What a failed JSON Schema keyword means, in the reader's language: `required` reads 必填, a
 * bad mobile number reads 请输入有效的11位手机号码. The server sends keywords without their
 * params, so limits are named only when known; otherwise an English reader gets Ajv's own
 * message and a Chinese one a plain 填写有误.
 */
export function keywordMessage(keyword: string, params: Params | undefined, locale: Locale, ajvMessage: string): string {
  if (keyword === 'format' && typeof params?.['format'] === 'string' && FORMATS[params['format']]) return FORMATS[params['format']]![locale];
  if (keyword === 'type' && params?.['type'] === 'integer') return INTEGER[locale];
  if (keyword === 'type' && params?.['type'] === 'number') return NUMBER[locale];
  // A string that must not be empty: the person left it empty.
  if (keyword === 'minLength' && params?.['limit'] === 1) return KEYWORDS['required']![locale];
  const text = KEYWORDS[keyword];
  if (!text) return otherwise(locale, ajvMessage);
  if (text[locale].includes('{limit}')) {
    if (params?.['limit'] === undefined) return keyword === 'minLength' ? TOO_SHORT[locale] : otherwise(locale, ajvMessage);
    return text[locale].replace('{limit}', String(params['limit']));
  }
  return text[locale];
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

/** A field error as the server's `FORM_INVALID` details carry it (see `toFieldErrors`). */
export interface ServerFieldError {
  field: string;
  keyword: string;
  message: string;
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
    // Ajv's message names the format (`must match format "cn-mobile"`); the other params are lost on the way.
    const format = /format "([^"]+)"/.exec(error.message)?.[1];
    const message = keywordMessage(error.keyword, format ? { format } : undefined, locale, error.message);
    if (!list.includes(message)) list.push(message);
  }
  return root as ErrorSchema;
}
