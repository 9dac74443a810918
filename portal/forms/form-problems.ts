import type { FieldError, PublicRefusal } from '../../runtime/public-forms/index.ts';
import type { Lang } from '../locale.ts';
import { leafFields, type FormField } from './form-fields.ts';
import { formTexts } from './form-texts.ts';

/** What a refused form says, in the page's language: a message per field (by dotted name) and the rest above the form. */
export interface FormProblems {
  fields: Record<string, string>;
  general: string[];
}

/** No problems: a form shown for the first time. */
export const noProblems = (): FormProblems => ({ fields: {}, general: [] });

/**
 * Where a failing path goes on the form: the field it names or lies inside (`desiredOccupations.0`
 * is the list's), or nowhere when the form does not show it (the site fills it, or the path is the
 * whole form). Without the form's fields, the path as it is.
 */
function placeOf(path: string, shown: readonly FormField[] | undefined): string | undefined {
  if (!shown) return path || undefined;
  const field = shown.filter((each) => path === each.name || path.startsWith(`${each.name}.`)).sort((a, b) => b.name.length - a.name.length)[0];
  return field?.name;
}

/**
 * The schema's failing fields, each message beside its field (the first one per field); a field the
 * form does not show has its message above the form, named by its label where the schema has one.
 */
export function fieldProblems(errors: readonly FieldError[], lang: Lang, fields?: readonly FormField[]): FormProblems {
  const problems = noProblems();
  const shown = fields && leafFields(fields).filter((field) => field.kind !== 'hidden');
  for (const error of errors) {
    const text = error.text[lang];
    const place = placeOf(error.field, shown);
    if (place) problems.fields[place] ??= text;
    else {
      const label = fields && leafFields(fields).find((field) => field.name === error.field)?.label;
      problems.general.push(label ? `${label}${formTexts(lang).colon}${text}` : text);
    }
  }
  return problems;
}

/**
 * A refusal as its form shows it: `FORM_INVALID` field by field (the schema's bilingual messages),
 * `RULE_VIOLATION` by each broken rule's own message, a refusal about one field (a code wrong, a
 * number taken) beside that field, any other by its code's message above the form.
 */
export function problemsOf(refusal: PublicRefusal, lang: Lang, fields?: readonly FormField[]): FormProblems {
  if (refusal.fields.length > 0) return fieldProblems(refusal.fields, lang, fields);
  const violations = refusal.details['violations'];
  if (refusal.code === 'RULE_VIOLATION' && Array.isArray(violations) && violations.length > 0) {
    return { fields: {}, general: (violations as { message: Record<Lang, string> }[]).map((violation) => violation.message[lang]) };
  }
  if (refusal.field) return fieldProblems([{ field: refusal.field, keyword: refusal.code, message: refusal.message.en, text: refusal.message }], lang, fields);
  return { fields: {}, general: [refusal.message[lang]] };
}
