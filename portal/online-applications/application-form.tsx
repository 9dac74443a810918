/** @jsxImportSource hono/jsx */
import type { Child, FC } from 'hono/jsx';
import type { MaterialDefinition, PublicRefusal } from '../../runtime/public-forms/index.ts';
import { ProblemSummary, SchemaFields, type FormField, type FormProblems, type FormValues } from '../forms/index.ts';
import type { Lang } from '../locale.ts';
import type { Site } from '../site.ts';
import { applyMessages } from './messages.ts';

/** A message per supporting document (by material code) that was refused or is missing. */
export type FileProblems = Record<string, string>;

/**
 * What a refusal says of the documents, beside each document's input: one too large or not a PDF,
 * JPEG or PNG by its content, one the step does not ask for, those required and missing. Empty for
 * a refusal of the form itself.
 */
export function fileProblemsOf(refusal: PublicRefusal, lang: Lang): FileProblems {
  const t = applyMessages(lang);
  const { details } = refusal;
  switch (refusal.code) {
    case 'ATTACHMENT_TOO_LARGE':
    case 'ATTACHMENT_TYPE_REFUSED': {
      const text = refusal.code === 'ATTACHMENT_TOO_LARGE' ? t.fileTooLarge.replace('{limit}', t.sizeUnit(Number(details['maxBytes']))) : t.fileWrongType;
      return { [String(details['material'] ?? '')]: text.replace('{file}', String(details['fileName'] ?? '')) };
    }
    case 'MATERIAL_NOT_DECLARED':
      return { [String(details['material'] ?? '')]: t.fileNotAsked };
    case 'MATERIALS_MISSING':
      return Object.fromEntries(((details['missing'] ?? []) as { code: string; title: Record<Lang, string> }[]).map((missing) => [missing.code, `${missing.title[lang]}${t.documentsRequired}`]));
    default:
      return {};
  }
}

/** The messages of a refused application above its form: the form's (each field's linked to it) and the documents'. */
export const ApplicationProblems: FC<{ site: Site; fields: readonly FormField[]; problems: FormProblems; files: FileProblems }> = ({ site, fields, problems, files }) => {
  const t = applyMessages(site.lang);
  const onlyRefused = problems.general.length > 0 && Object.keys(problems.fields).length === 0;
  const extra = Object.entries(files).map(([material, text]) => (
    <li>
      <a href={`#file-${material}`}>{text}</a>
    </li>
  ));
  return <ProblemSummary site={site} heading={onlyRefused ? t.refusedSummary : t.errorSummary} fields={fields} problems={problems} extra={extra} footer={t.nothingSaved} />;
};

/**
 * An application form: the process form's fields drawn by the public forms' one renderer, then the
 * supporting documents, posted as multipart. Works without script; the server judges it.
 */
export const ApplicationForm: FC<{
  site: Site;
  action: string;
  fields: readonly FormField[];
  materials: readonly MaterialDefinition[];
  maxBytes: number;
  values: FormValues;
  problems: FormProblems;
  files: FileProblems;
  submitLabel: string;
  hidden?: Record<string, string>;
  children?: Child;
}> = ({ site, action, fields, materials, maxBytes, values, problems, files, submitLabel, hidden, children }) => {
  const t = applyMessages(site.lang);
  return (
    <form class="application-form" method="post" action={action} enctype="multipart/form-data" novalidate>
      {children}
      {Object.entries(hidden ?? {}).map(([name, v]) => (
        <input type="hidden" name={name} value={v} />
      ))}
      <SchemaFields site={site} fields={fields} values={values} errors={problems.fields} />
      {materials.length > 0 ? (
        <fieldset class="form-group">
          <legend>{t.documentsHeading}</legend>
          <p class="hint">{t.documentsHint.replace('{limit}', t.sizeUnit(maxBytes))}</p>
          {materials.map((material) => {
            const error = files[material.code];
            const id = `file-${material.code}`;
            return (
              <div class={error ? 'form-field invalid' : 'form-field'}>
                <label for={id}>
                  {material.title[site.lang]}
                  {material.required ? t.documentsRequired : null}
                </label>
                {error ? (
                  <p class="field-error" id={`${id}-error`}>
                    {error}
                  </p>
                ) : null}
                <input type="file" id={id} name={`file:${material.code}`} accept="application/pdf,image/jpeg,image/png" multiple aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined} />
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <button type="submit">{submitLabel}</button>
    </form>
  );
};
