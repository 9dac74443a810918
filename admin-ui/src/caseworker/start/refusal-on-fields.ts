import type { FormInstance } from 'antd';
import { ApiError, errorText } from '../../api.ts';
import type { Locale } from '../../i18n.ts';

/** The form fields a refusal names in its details: `{ field }` (checks, duplicates) or `{ issues: [{ path }] }` (request validation). */
function fieldsNamed(details: unknown, known: readonly string[]): string[] {
  if (typeof details !== 'object' || details === null) return [];
  const named: string[] = [];
  if ('field' in details && typeof details.field === 'string') named.push(details.field);
  if ('issues' in details && Array.isArray(details.issues)) {
    for (const issue of details.issues as { path?: unknown }[]) if (typeof issue.path === 'string') named.push(issue.path.split('.')[0]!);
  }
  return [...new Set(named)].filter((name) => known.includes(name));
}

/**
 * Shows a server refusal where it belongs: on the form fields its details name, with the server's
 * message in the current language. Returns the message when no field could take it (show it as an
 * alert), else null.
 */
export function showRefusalOnFields(form: FormInstance, error: unknown, locale: Locale, known: readonly string[]): string | null {
  const message = errorText(error, locale);
  const fields = error instanceof ApiError ? fieldsNamed(error.body.details, known) : [];
  if (fields.length === 0) return message;
  form.setFields(fields.map((name) => ({ name, errors: [message] })));
  return null;
}

/**
 * Points a duplicate refusal (`DUPLICATE_RECORD`) at the existing record: the identifier field
 * says so and that the record is in the search results. Returns whether it was a duplicate, so
 * the caller lists that record.
 */
export function showDuplicateOnField(form: FormInstance, error: unknown, locale: Locale, field: string, hint: string): boolean {
  if (!(error instanceof ApiError && error.body.code === 'DUPLICATE_RECORD')) return false;
  form.setFields([{ name: field, errors: [errorText(error, locale), hint] }]);
  return true;
}
