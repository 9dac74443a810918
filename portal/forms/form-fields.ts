import type { FormDefinition } from '../../runtime/public-forms/index.ts';
import type { Lang } from '../locale.ts';
import { formTexts } from './form-texts.ts';

/** A JSON Schema node as the process forms write it (only what the public forms read). */
export interface SchemaNode {
  type?: string;
  title?: string;
  format?: string;
  const?: unknown;
  default?: unknown;
  enum?: unknown[];
  oneOf?: { const?: unknown; title?: string; 'x-i18n'?: { en?: string } }[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  'x-i18n'?: { en?: string };
  'x-code-table'?: string;
}

/** A form as the public pages get it from the runtime: its JSON Schema and its UI schema. */
export type PublicForm = Pick<FormDefinition, 'schema' | 'ui'>;

/**
 * How a field is asked for: `money` is an integer amount in fen (a name ending in `Fen`, the
 * platform's rule for money) typed in yuan; `codes` is a list of codes (checkboxes, a multiple
 * choice or typed codes); `hidden` is a constant the schema fixes; `object` a group of fields.
 */
export type FieldKind = 'text' | 'textarea' | 'password' | 'date' | 'tel' | 'integer' | 'number' | 'money' | 'select' | 'boolean' | 'codes' | 'hidden' | 'object';

/** One choice of a field: the text it is sent as, its label, and the value the schema takes. */
export interface FieldOption {
  value: string;
  label: string;
  data: unknown;
}

/** One field of a form, laid out: its dotted name, what it is, its label and choices, whether the form requires it, its fields if a group. */
export interface FormField {
  name: string;
  kind: FieldKind;
  node: SchemaNode;
  label: string;
  required: boolean;
  options: FieldOption[];
  children: FormField[];
}

/** A text a long one: beyond it, a field is a text area whatever its UI schema says. */
const LONG_TEXT = 100;

/** A schema node's title in a language: zh-CN as written, English from `x-i18n`, else the fallback. */
export function titleOf(node: { title?: string; 'x-i18n'?: { en?: string } }, lang: Lang, fallback: string): string {
  return (lang === 'en' ? node['x-i18n']?.en : undefined) ?? node.title ?? fallback;
}

function kindOf(key: string, node: SchemaNode, ui: Readonly<Record<string, unknown>>): FieldKind {
  const widget = ui['ui:widget'];
  if (widget === 'hidden' || node.const !== undefined) return 'hidden';
  if (node.type === 'object') return 'object';
  if (node.type === 'array' && (node.items?.type ?? 'string') === 'string') return 'codes';
  if (node.oneOf || node.enum) return 'select';
  if (node.type === 'boolean') return 'boolean';
  if (node.type === 'integer') return key.endsWith('Fen') ? 'money' : 'integer';
  if (node.type === 'number') return 'number';
  if (node.format === 'date') return 'date';
  if (node.format === 'cn-mobile') return 'tel';
  if (widget === 'password' || node.format === 'password') return 'password';
  return widget === 'textarea' || (node.maxLength ?? 0) > LONG_TEXT ? 'textarea' : 'text';
}

/** The closed choices of a node (its `oneOf` or `enum`, a yes/no), each sent as text and read back as the schema's value. */
function optionsOf(kind: FieldKind, node: SchemaNode, lang: Lang): FieldOption[] {
  if (kind === 'boolean') {
    const t = formTexts(lang);
    return [{ value: 'true', label: t.yes, data: true }, { value: 'false', label: t.no, data: false }];
  }
  const choices = kind === 'codes' ? node.items : node;
  if (choices?.oneOf) return choices.oneOf.map((choice) => ({ value: String(choice.const), label: titleOf(choice, lang, String(choice.const)), data: choice.const }));
  return (choices?.enum ?? []).map((value) => ({ value: String(value), label: String(value), data: value }));
}

/**
 * A form's fields in the order its UI schema gives (`ui:order`, the rest after), nested objects as
 * groups with dotted names; `omit` leaves out fields the site fills itself (by dotted name).
 */
export function formFields(form: PublicForm, lang: Lang, omit: readonly string[] = []): FormField[] {
  return fieldsOf(form.schema as SchemaNode, form.ui, lang, '', omit);
}

function fieldsOf(schema: SchemaNode, ui: Readonly<Record<string, unknown>> | undefined, lang: Lang, prefix: string, omit: readonly string[]): FormField[] {
  const properties = schema.properties ?? {};
  const order = Array.isArray(ui?.['ui:order']) ? (ui['ui:order'] as unknown[]).filter((name): name is string => typeof name === 'string' && name in properties) : [];
  const keys = [...order, ...Object.keys(properties).filter((key) => !order.includes(key))];
  return keys
    .filter((key) => !omit.includes(`${prefix}${key}`))
    .map((key) => {
      const node = properties[key]!;
      const fieldUi = (ui?.[key] ?? {}) as Record<string, unknown>;
      const kind = kindOf(key, node, fieldUi);
      return {
        name: `${prefix}${key}`,
        kind,
        node,
        label: titleOf(node, lang, key),
        required: schema.required?.includes(key) ?? false,
        options: optionsOf(kind, node, lang),
        children: kind === 'object' ? fieldsOf(node, fieldUi, lang, `${prefix}${key}.`, omit) : [],
      };
    });
}

/** Every field at any depth, groups left out: what a posted form is read by and a refusal is placed on. */
export function leafFields(fields: readonly FormField[]): FormField[] {
  return fields.flatMap((field) => (field.kind === 'object' ? leafFields(field.children) : [field]));
}

/** The id of a field's control on the page: its dotted name with dashes, after the form's prefix (`f-contact-phone`). */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/\./g, '-')}`;
}
