import type { CaseData, Definition } from '../../engine/index.ts';
import { FieldCipher } from '../crypto/index.ts';

/** The personal fields of each definition, found once: a step asks for them every time. */
const marked = new WeakMap<Definition, ReadonlySet<string>>();

/**
 * The form fields a definition marks as personal (`"x-personal": true` in a form's JSON Schema, a
 * bank account number for one): their values are kept encrypted in the case's data, its snapshot
 * and its performance records.
 */
export function personalFields(definition: Definition): ReadonlySet<string> {
  const known = marked.get(definition);
  if (known) return known;
  const fields = new Set<string>();
  for (const form of Object.values(definition.forms)) {
    const properties = (form.schema as { properties?: Record<string, { 'x-personal'?: unknown }> }).properties ?? {};
    for (const [name, property] of Object.entries(properties)) if (property['x-personal'] === true) fields.add(name);
  }
  marked.set(definition, fields);
  return fields;
}

/** `data` with the values of `fields` encrypted (those not encrypted already); the same object when there are none. */
export function sealCaseData<T extends CaseData | undefined>(cipher: FieldCipher, fields: ReadonlySet<string>, data: T): T {
  if (!data || fields.size === 0) return data;
  const sealable = [...fields].filter((field) => typeof data[field] === 'string' && !FieldCipher.isEncrypted(data[field] as string));
  if (sealable.length === 0) return data;
  return { ...data, ...Object.fromEntries(sealable.map((field) => [field, cipher.encrypt(data[field] as string)])) };
}

/** A personal value as someone who needs not see it sees it: its last four characters. */
function masked(value: string): string {
  return `${'*'.repeat(Math.max(value.length - 4, 0))}${value.slice(-4)}`;
}

/**
 * Case data with every encrypted value opened: in full for who handles the case (and for the
 * replay and migration checks, which compare it with the forms), masked for anyone else.
 */
export function openCaseData<T extends CaseData | null>(cipher: FieldCipher, data: T, full: boolean): T {
  if (!data) return data;
  const sealed = Object.entries(data).filter(([, value]) => typeof value === 'string' && FieldCipher.isEncrypted(value));
  if (sealed.length === 0) return data;
  return { ...data, ...Object.fromEntries(sealed.map(([field, value]) => [field, full ? cipher.decrypt(value as string) : masked(cipher.decrypt(value as string))])) };
}
