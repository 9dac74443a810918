import type { Lang } from '../locale.ts';

/** A JSON Schema node as the process forms write it (only what the public form reads). */
export interface SchemaNode {
  type?: string;
  title?: string;
  description?: string;
  format?: string;
  const?: unknown;
  default?: unknown;
  enum?: unknown[];
  oneOf?: { const?: unknown; title?: string; 'x-i18n'?: { en?: string } }[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  'x-i18n'?: { en?: string };
  'x-code-table'?: string;
  'x-not-after-today'?: boolean;
}

/** How a field is asked for on the public form. */
export type FieldKind = 'text' | 'textarea' | 'date' | 'tel' | 'integer' | 'number' | 'select' | 'boolean' | 'hidden' | 'object';

/** One field of a form, laid out: its dotted name, what it is, its label and choices, and whether the form requires it. */
export interface FormField {
  name: string;
  kind: FieldKind;
  node: SchemaNode;
  label: string;
  required: boolean;
  options: { value: string; label: string }[];
  children: FormField[];
}

/** A schema node's title in a language: zh-CN as written, English from `x-i18n`. */
export function titleOf(node: SchemaNode | { title?: string; 'x-i18n'?: { en?: string } }, lang: Lang, fallback: string): string {
  return (lang === 'en' ? node['x-i18n']?.en : undefined) ?? node.title ?? fallback;
}

function kindOf(node: SchemaNode, ui: Record<string, unknown>): FieldKind {
  if (ui['ui:widget'] === 'hidden' || node.const !== undefined) return 'hidden';
  if (node.type === 'object') return 'object';
  if (node.oneOf || node.enum) return 'select';
  if (node.type === 'boolean') return 'boolean';
  if (node.type === 'integer') return 'integer';
  if (node.type === 'number') return 'number';
  if (node.format === 'date') return 'date';
  if (node.format === 'cn-mobile') return 'tel';
  return ui['ui:widget'] === 'textarea' ? 'textarea' : 'text';
}

function optionsOf(node: SchemaNode, lang: Lang): { value: string; label: string }[] {
  if (node.oneOf) return node.oneOf.map((choice) => ({ value: String(choice.const), label: titleOf(choice, lang, String(choice.const)) }));
  return (node.enum ?? []).map((value) => ({ value: String(value), label: String(value) }));
}

/** A form's fields in the order its UI schema gives (`ui:order`, the rest after), nested objects as groups. */
export function formFields(schema: SchemaNode, ui: Record<string, unknown> | undefined, lang: Lang, prefix = ''): FormField[] {
  const properties = schema.properties ?? {};
  const order = Array.isArray(ui?.['ui:order']) ? (ui['ui:order'] as string[]).filter((name) => name in properties) : [];
  const names = [...order, ...Object.keys(properties).filter((name) => !order.includes(name))];
  return names.map((name) => {
    const node = properties[name]!;
    const fieldUi = (ui?.[name] ?? {}) as Record<string, unknown>;
    const kind = kindOf(node, fieldUi);
    return {
      name: `${prefix}${name}`,
      kind,
      node,
      label: titleOf(node, lang, name),
      required: schema.required?.includes(name) ?? false,
      options: kind === 'select' ? optionsOf(node, lang) : [],
      children: kind === 'object' ? formFields(node, fieldUi, lang, `${prefix}${name}.`) : [],
    };
  });
}

/** Every field at any depth, groups left out: what a posted form is read by. */
export function leafFields(fields: readonly FormField[]): FormField[] {
  return fields.flatMap((field) => (field.kind === 'object' ? leafFields(field.children) : [field]));
}

/**
 * The posted text of a form (`name` → value, dotted names for nested objects) as the data its schema
 * judges: empty fields left out, so `required` speaks for them; a number or a yes/no turned into one
 * when it reads as one, else kept as typed so the schema's type check names the field; a hidden
 * field is its schema's constant or default, whatever was sent.
 */
export function formData(fields: readonly FormField[], posted: (name: string) => string | undefined): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.kind === 'object') {
      const nested = formData(field.children, posted);
      if (Object.keys(nested).length > 0) data[field.name.split('.').pop()!] = nested;
      continue;
    }
    const key = field.name.split('.').pop()!;
    if (field.kind === 'hidden') {
      const fixed = field.node.const ?? field.node.default;
      if (fixed !== undefined) data[key] = fixed;
      continue;
    }
    const text = posted(field.name)?.trim();
    if (!text) continue;
    if (field.kind === 'integer' || field.kind === 'number') data[key] = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    else if (field.kind === 'boolean') data[key] = text === 'true' ? true : text === 'false' ? false : text;
    else data[key] = text;
  }
  return data;
}

/** The text a value shows in an input: what was typed again after a refusal, or what the case holds. */
export function inputValue(data: Record<string, unknown>, name: string): string {
  let value: unknown = data;
  for (const part of name.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value === undefined || value === null ? '' : String(value);
}
