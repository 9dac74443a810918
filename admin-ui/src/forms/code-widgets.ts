import { codeTableOf } from './code-tables.ts';
import type { JsonSchema } from './localise-schema.ts';

/** The register name of {@link CodeTableWidget}. */
export const CODE_TABLE_WIDGET = 'codeTable';

/**
 * A form's UI schema with the code table picker named for every field that has `x-code-table`
 * (on itself, or on the items of a list of codes), nested objects too, unless the UI schema
 * already names a widget for it: a definition annotates its field once, in the schema.
 */
export function withCodeWidgets(schema: JsonSchema, ui: Record<string, unknown>): Record<string, unknown> {
  const properties = schema['properties'];
  if (typeof properties !== 'object' || properties === null) return ui;
  const result: Record<string, unknown> = { ...ui };
  for (const [field, sub] of Object.entries(properties as Record<string, JsonSchema>)) {
    const own = typeof ui[field] === 'object' && ui[field] !== null ? (ui[field] as Record<string, unknown>) : {};
    if (codeTableOf(sub) !== undefined && own['ui:widget'] === undefined) result[field] = { ...own, 'ui:widget': CODE_TABLE_WIDGET };
    else if (sub['type'] === 'object') result[field] = withCodeWidgets(sub, own);
  }
  return result;
}
