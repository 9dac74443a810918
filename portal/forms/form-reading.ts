import { leafFields, type FormField } from './form-fields.ts';

/** What a form's inputs show, by dotted name: the text typed (or held), or the codes chosen. */
export type FormValues = Record<string, string | string[]>;

/** A posted form as Hono's `parseBody` gives it (`{ all: true }` for repeated names); files are not read here. */
export type PostedBody = Readonly<Record<string, unknown>>;

const WHOLE = /^[-+]?\d{1,15}$/;
const DECIMAL = /^[-+]?\d{1,15}(\.\d+)?$/;
/** Yuan as typed: at most two places, the fen. */
const YUAN = /^[-+]?\d{1,13}(\.\d{1,2})?$/;
/** Codes typed into one box are separated by spaces or commas, Chinese ones too. */
const CODE_SEPARATORS = /[\s,，、;；]+/;

function postedTexts(body: PostedBody, name: string): string[] {
  const raw = body[name];
  return (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string');
}

/** Full-width digits, point and minus (typed with a Chinese input method) as ASCII, for the numbers. */
function halfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0e\uff0b\uff0d]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/**
 * A field's text as the schema's value: a number where one reads, yuan as fen, a choice as the
 * schema's constant; anything else as typed, so that the schema's check names the field (a number
 * the browser could not parse would otherwise arrive empty and read as missing).
 */
function dataOf(field: FormField, text: string): unknown {
  switch (field.kind) {
    case 'integer':
      return WHOLE.test(halfWidth(text)) ? Number(halfWidth(text)) : text;
    case 'number':
      return DECIMAL.test(halfWidth(text)) ? Number(halfWidth(text)) : text;
    case 'money':
      return YUAN.test(halfWidth(text)) ? Math.round(Number(halfWidth(text)) * 100) : text;
    case 'select':
    case 'boolean': {
      const option = field.options.find((each) => each.value === text);
      return option ? option.data : text;
    }
    default:
      return text;
  }
}

function setPath(data: Record<string, unknown>, name: string, value: unknown): void {
  const parts = name.split('.');
  let node = data;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

/**
 * A posted form as the data its schema validates, and the values to show again if it is refused.
 * Only the form's fields are read (a field left out of the form, or not in its schema, is not);
 * an empty field is left out, so that `required` speaks for it; a hidden field is its schema's
 * constant or default whatever was sent; nested groups come from dotted names and are left out when
 * empty. A password is read but never shown again.
 */
export function readForm(fields: readonly FormField[], body: PostedBody): { data: Record<string, unknown>; values: FormValues } {
  const data: Record<string, unknown> = {};
  const values: FormValues = {};
  for (const field of leafFields(fields)) {
    if (field.kind === 'hidden') {
      const fixed = field.node.const ?? field.node.default;
      if (fixed !== undefined) setPath(data, field.name, fixed);
      continue;
    }
    const texts = postedTexts(body, field.name);
    if (field.kind === 'codes') {
      const codes = texts.flatMap((text) => text.split(CODE_SEPARATORS)).filter(Boolean);
      values[field.name] = codes;
      if (codes.length > 0) setPath(data, field.name, codes.map((code) => field.options.find((each) => each.value === code)?.data ?? code));
      continue;
    }
    if (field.kind === 'password') {
      if (texts[0]) setPath(data, field.name, texts[0]);
      continue;
    }
    const text = (texts[0] ?? '').trim();
    values[field.name] = text;
    if (text !== '') setPath(data, field.name, dataOf(field, text));
  }
  return { data, values };
}

/** The value a form holds for a field, by dotted name: what an input or a read-only page shows. */
export function dataValue(data: Readonly<Record<string, unknown>>, name: string): unknown {
  let value: unknown = data;
  for (const part of name.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

/** A field's value as its input shows it: fen as yuan, a yes/no as its choice, a number as its digits. */
function shownValue(field: FormField, value: unknown): string | string[] {
  if (value === undefined || value === null) return field.kind === 'codes' ? [] : '';
  if (field.kind === 'codes') return (Array.isArray(value) ? value : [value]).map(String);
  if (field.kind === 'money' && typeof value === 'number') return String(value / 100);
  return String(value);
}

/** The values a form shows for data it already holds (a case to correct, a posting to edit): never a password. */
export function formValues(fields: readonly FormField[], data: Readonly<Record<string, unknown>>): FormValues {
  const values: FormValues = {};
  for (const field of leafFields(fields)) {
    if (field.kind === 'hidden' || field.kind === 'password') continue;
    values[field.name] = shownValue(field, dataValue(data, field.name));
  }
  return values;
}
