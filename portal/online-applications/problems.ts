import { applicationRefusalOf } from '../../runtime/online-applications/index.ts';
import type { Lang } from '../locale.ts';
import { noProblems, type FormProblems } from './application-form.tsx';
import { applyMessages } from './messages.ts';

interface FieldDetail {
  field: string;
  text: { 'zh-CN': string; en: string };
}

/**
 * What a refused application means for the form, in the applicant's language: FORM_INVALID as a
 * message beside each field, a refused or missing document beside its input, a rule of the process
 * or any other refusal above the form; a conflict asks to look again. A fault is not the
 * applicant's to read: it is thrown on, to the error page.
 */
export function problemsOf(error: unknown, lang: Lang): { problems: FormProblems; status: 409 | 413 | 422 } {
  const refusal = applicationRefusalOf(error);
  if (!refusal) throw error;
  const t = applyMessages(lang);
  const problems = noProblems();
  const { details } = refusal;
  if (refusal.conflict) {
    problems.general.push(t.conflictText);
    return { problems, status: 409 };
  }
  switch (refusal.code) {
    case 'FORM_INVALID':
      for (const field of (details['fields'] ?? []) as FieldDetail[]) {
        if (problems.fields.has(field.field)) continue;
        if (field.field) problems.fields.set(field.field, field.text[lang]);
        else problems.general.push(field.text[lang]);
      }
      break;
    case 'RULE_VIOLATION':
      for (const violation of (details['violations'] ?? []) as { message: { 'zh-CN': string; en: string } }[]) problems.general.push(violation.message[lang]);
      break;
    case 'ATTACHMENT_TOO_LARGE':
    case 'ATTACHMENT_TYPE_REFUSED': {
      const file = String(details['fileName'] ?? '');
      const text = refusal.code === 'ATTACHMENT_TOO_LARGE' ? t.fileTooLarge.replace('{limit}', t.sizeUnit(Number(details['maxBytes']))) : t.fileWrongType;
      problems.files.set(String(details['material'] ?? ''), text.replace('{file}', file));
      return { problems, status: refusal.code === 'ATTACHMENT_TOO_LARGE' ? 413 : 422 };
    }
    case 'MATERIAL_NOT_DECLARED':
      problems.files.set(String(details['material'] ?? ''), t.fileNotAsked);
      break;
    case 'MATERIALS_MISSING':
      for (const missing of (details['missing'] ?? []) as { code: string; title: { 'zh-CN': string; en: string } }[]) {
        problems.files.set(missing.code, `${missing.title[lang]}${t.documentsRequired}`);
      }
      break;
    default:
      problems.general.push(refusal.message[lang]);
  }
  return { problems, status: 422 };
}
