/** @jsxImportSource hono/jsx */
import type { Child, FC } from 'hono/jsx';
import type { MaterialDefinition } from '../../runtime/online-applications/index.ts';
import type { Site } from '../site.ts';
import { applyMessages } from './messages.ts';
import { formFields, type FormField, type SchemaNode } from './schema-fields.ts';

/** What went wrong with a sent form: a message per field (dotted name) or per material, and refusals of the whole. */
export interface FormProblems {
  fields: Map<string, string>;
  files: Map<string, string>;
  general: string[];
}

/** No problems: a form shown for the first time. */
export const noProblems = (): FormProblems => ({ fields: new Map(), files: new Map(), general: [] });

const idOf = (name: string) => `f-${name.replace(/\./g, '-')}`;

/** The hint under a field: what a code or a format looks like. */
function hintOf(site: Site, node: SchemaNode): string | undefined {
  const { hints } = applyMessages(site.lang);
  return (node['x-code-table'] && hints[node['x-code-table']]) || (node.format && hints[node.format]) || undefined;
}

const Field: FC<{ site: Site; field: FormField; value: (name: string) => string; problems: FormProblems }> = ({ site, field, value, problems }) => {
  const t = applyMessages(site.lang);
  if (field.kind === 'hidden') return null;
  if (field.kind === 'object') {
    return (
      <fieldset class="form-group">
        <legend>{field.label}</legend>
        {field.children.map((child) => (
          <Field site={site} field={child} value={value} problems={problems} />
        ))}
      </fieldset>
    );
  }
  const id = idOf(field.name);
  const error = problems.fields.get(field.name);
  const hint = hintOf(site, field.node);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name: field.name, 'aria-describedby': described, 'aria-invalid': error ? 'true' : undefined, required: field.required || undefined };
  const current = value(field.name);
  let input: Child;
  if (field.kind === 'select' || field.kind === 'boolean') {
    const options = field.kind === 'boolean' ? [{ value: 'true', label: t.yes }, { value: 'false', label: t.no }] : field.options;
    input = (
      <select {...common}>
        <option value="">{t.choose}</option>
        {options.map((option) => (
          <option value={option.value} selected={option.value === current}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'textarea') {
    input = (
      <textarea {...common} rows={3} maxlength={field.node.maxLength}>
        {current}
      </textarea>
    );
  } else {
    const type = field.kind === 'integer' || field.kind === 'number' ? 'text' : field.kind;
    const inputmode = field.kind === 'integer' ? 'numeric' : field.kind === 'number' ? 'decimal' : undefined;
    input = <input {...common} type={type} inputmode={inputmode} value={current} maxlength={field.node.maxLength} autocomplete={field.kind === 'tel' ? 'tel' : 'off'} />;
  }
  return (
    <div class={error ? 'form-field has-error' : 'form-field'}>
      <label for={id}>
        {field.label}
        {field.required ? <abbr title={t.requiredMark}>*</abbr> : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {input}
    </div>
  );
};

/** The messages of a refused form, above it, each field's linked to the field. */
export const ProblemSummary: FC<{ site: Site; fields: readonly FormField[]; problems: FormProblems }> = ({ site, fields, problems }) => {
  const t = applyMessages(site.lang);
  if (problems.fields.size === 0 && problems.files.size === 0 && problems.general.length === 0) return null;
  const labels = new Map<string, string>();
  const walk = (list: readonly FormField[]) => list.forEach((f) => (f.kind === 'object' ? walk(f.children) : labels.set(f.name, f.label)));
  walk(fields);
  return (
    <div class="form-problems" id="form-problems" tabindex={-1}>
      <h2>{problems.general.length > 0 && problems.fields.size === 0 ? t.refusedSummary : t.errorSummary}</h2>
      <ul>
        {problems.general.map((text) => (
          <li>{text}</li>
        ))}
        {[...problems.fields].map(([name, text]) =>
          labels.has(name) ? (
            <li>
              <a href={`#${idOf(name)}`}>{labels.get(name)}</a>：{text}
            </li>
          ) : (
            <li>{text}</li>
          ),
        )}
        {[...problems.files].map(([material, text]) => (
          <li>
            <a href={`#file-${material}`}>{text}</a>
          </li>
        ))}
      </ul>
      <p>{t.nothingSaved}</p>
    </div>
  );
};

/**
 * An application form from a process form's JSON Schema, as plain HTML inputs posted as
 * multipart (the supporting documents with it): text, dates, numbers, choices, yes/no, code fields
 * as text with a hint, nested objects as groups. Works without script; the server judges it.
 */
export const ApplicationForm: FC<{
  site: Site;
  action: string;
  schema: SchemaNode;
  ui: Record<string, unknown> | undefined;
  materials: readonly MaterialDefinition[];
  maxBytes: number;
  value: (name: string) => string;
  problems: FormProblems;
  submitLabel: string;
  hidden?: Record<string, string>;
  children?: Child;
}> = ({ site, action, schema, ui, materials, maxBytes, value, problems, submitLabel, hidden, children }) => {
  const t = applyMessages(site.lang);
  const fields = formFields(schema, ui, site.lang);
  return (
    <form class="application-form" method="post" action={action} enctype="multipart/form-data" novalidate>
      {children}
      {Object.entries(hidden ?? {}).map(([name, v]) => (
        <input type="hidden" name={name} value={v} />
      ))}
      {fields.map((field) => (
        <Field site={site} field={field} value={value} problems={problems} />
      ))}
      {materials.length > 0 ? (
        <fieldset class="form-group">
          <legend>{t.documentsHeading}</legend>
          <p class="hint">{t.documentsHint.replace('{limit}', t.sizeUnit(maxBytes))}</p>
          {materials.map((material) => {
            const error = problems.files.get(material.code);
            const id = `file-${material.code}`;
            return (
              <div class={error ? 'form-field has-error' : 'form-field'}>
                <label for={id}>
                  {material.title[site.lang]}
                  {material.required ? t.documentsRequired : null}
                </label>
                {error ? (
                  <p class="field-error" id={`${id}-error`}>
                    {error}
                  </p>
                ) : null}
                <input type="file" id={id} name={`file:${material.code}`} accept="application/pdf,image/jpeg,image/png" multiple aria-describedby={error ? `${id}-error` : undefined} />
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <button type="submit">{submitLabel}</button>
    </form>
  );
};
