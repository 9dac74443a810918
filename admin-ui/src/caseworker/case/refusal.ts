import { ApiError } from '../../api.ts';
import type { Locale, Text } from '../../i18n.ts';
import { serverFieldErrors, type ServerFieldError } from '../../forms/field-errors.ts';

/** What a refused step means for the page. */
export interface Refusal {
  /** The business rules that were not met, in the reader's language (a `RULE_VIOLATION`). */
  reasons: string[];
  /** The form fields the server refused (a `FORM_INVALID`), or null. */
  fields: ServerFieldError[] | null;
  /** The case changed under the user (409): the page must reload before anyone acts again. */
  stale: boolean;
}

function violationMessages(details: unknown, locale: Locale): string[] {
  const violations = typeof details === 'object' && details !== null ? (details as { violations?: unknown }).violations : undefined;
  if (!Array.isArray(violations)) return [];
  return violations.flatMap((v: { message?: Partial<Text> }) => {
    const text = v?.message?.[locale] ?? v?.message?.['zh-CN'];
    return typeof text === 'string' ? [text] : [];
  });
}

/** Reads a refused `POST /cases/{id}/events`: rule reasons, field errors, and whether the case was stale. */
export function refusalOf(error: unknown, locale: Locale): Refusal {
  if (!(error instanceof ApiError)) return { reasons: [], fields: null, stale: false };
  const { code, details } = error.body;
  return {
    reasons: code === 'RULE_VIOLATION' ? violationMessages(details, locale) : [],
    fields: code === 'FORM_INVALID' ? serverFieldErrors(details) : null,
    stale: error.status === 409,
  };
}
