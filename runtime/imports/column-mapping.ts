import { PlatformError } from '../../engine/index.ts';
import type { ImportKindSpec } from './import-kind.ts';

/** Header text compared as people type it: trimmed, spaces inside removed, latin letters in lower case. */
function normal(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/**
 * The column of each field in a file's header: by the mapping saved in a template (field id ->
 * header text), else by the field's id or its zh-CN or English title. Refused as a whole
 * (`IMPORT_HEADER_INVALID`, nothing read further) when a required field has no column, two
 * columns claim one field, or a column maps to no field (a misnamed column would otherwise be
 * dropped without a word); the details name each.
 */
export function mapColumns(spec: ImportKindSpec, header: readonly string[], mapping: Readonly<Record<string, string>> = {}): Map<string, number> {
  const byHeader = new Map<string, string>();
  for (const field of spec.fields) {
    const names = mapping[field.id] ? [mapping[field.id]!] : [field.id, field.title['zh-CN'], field.title.en];
    for (const name of names) byHeader.set(normal(name), field.id);
  }
  const columns = new Map<string, number>();
  const unknown: { column: number; header: string }[] = [];
  const repeated: { column: number; header: string; field: string }[] = [];
  header.forEach((text, column) => {
    if (text.trim() === '') return;
    const field = byHeader.get(normal(text));
    if (!field) unknown.push({ column: column + 1, header: text });
    else if (columns.has(field)) repeated.push({ column: column + 1, header: text, field });
    else columns.set(field, column);
  });
  const missing = spec.fields.filter((field) => field.required && !columns.has(field.id)).map((field) => ({ field: field.id, title: field.title, header: mapping[field.id] ?? field.title['zh-CN'] }));
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0) {
    throw new PlatformError('IMPORT_HEADER_INVALID', { details: { missing, unknown, repeated, expected: spec.fields.map((field) => ({ field: field.id, header: mapping[field.id] ?? field.title['zh-CN'], required: field.required })) } });
  }
  return columns;
}
