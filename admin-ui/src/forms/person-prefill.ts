/**
 * The person-record field a form field starts from, as the form's UI schema names it:
 * `"phone": { "ui:options": { "fromPerson": "phone" } }`. The package that owns the form says
 * which of its fields the record already holds; the UI knows no process.
 */
function personFieldOf(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const options = (entry as Record<string, unknown>)['ui:options'];
  if (typeof options !== 'object' || options === null) return null;
  const field = (options as Record<string, unknown>)['fromPerson'];
  return typeof field === 'string' ? field : null;
}

/** Whether any top-level field of a form's UI schema starts from the person record. */
export function namesPersonFields(ui: Record<string, unknown>): boolean {
  return Object.values(ui).some((entry) => personFieldOf(entry) !== null);
}

/**
 * The starting values a form takes from its case's person: each top-level field whose UI schema
 * names a record field the record holds (a non-blank text). Nothing from a masked record (the
 * reader does not handle the person, and a masked phone is no phone).
 */
export function personPrefill(ui: Record<string, unknown>, person: Record<string, unknown> & { masked: boolean }): Record<string, string> {
  if (person.masked) return {};
  const values: Record<string, string> = {};
  for (const [formField, entry] of Object.entries(ui)) {
    const recordField = personFieldOf(entry);
    const value = recordField === null ? undefined : person[recordField];
    if (typeof value === 'string' && value.trim() !== '') values[formField] = value;
  }
  return values;
}
