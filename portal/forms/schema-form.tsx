/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { FieldText, FormDefinition } from '../../runtime/employer-accounts/index.ts';
import type { Lang } from '../locale.ts';
import { formFields, schemaTitle, type FieldSchema } from './form-values.ts';

/** The texts a form needs from its page. */
export interface FormTexts {
  requiredMark: string;
  choose: string;
}

/** The order of a form's fields: its `ui:order`, then any the order leaves out. */
function fieldOrder(form: FormDefinition, names: readonly string[]): string[] {
  const order = ((form.ui as Record<string, unknown> | undefined)?.['ui:order'] as string[] | undefined) ?? [];
  return [...order.filter((name) => names.includes(name)), ...names.filter((name) => !order.includes(name))];
}

const widgetOf = (form: FormDefinition, field: string): string | undefined => ((form.ui as Record<string, { 'ui:widget'?: string } | undefined> | undefined)?.[field])?.['ui:widget'];

/** One field's control, by its schema: a list for a closed choice, a text area, a date, a whole number, a phone, else a line of text. */
const Control: FC<{ lang: Lang; texts: FormTexts; id: string; name: string; schema: FieldSchema; widget: string | undefined; value: string; required: boolean; describedBy: string | undefined }> = ({ lang, texts, id, name, schema, widget, value, required, describedBy }) => {
  const common = { id, name, 'aria-required': required ? 'true' : undefined, 'aria-invalid': describedBy ? 'true' : undefined, 'aria-describedby': describedBy };
  if (schema.oneOf) {
    return (
      <select {...common}>
        <option value="">{texts.choose}</option>
        {schema.oneOf.map((option) => (
          <option value={option.const} selected={option.const === value}>
            {schemaTitle(lang, option)}
          </option>
        ))}
      </select>
    );
  }
  if (widget === 'textarea') return <textarea {...common} rows={5} maxlength={schema.maxLength}>{value}</textarea>;
  if (schema.format === 'date') return <input {...common} type="date" value={value} />;
  if (schema.type === 'integer' || schema.type === 'number') return <input {...common} type="number" inputmode="numeric" step={schema.type === 'integer' ? '1' : 'any'} min={schema.minimum} max={schema.maximum} value={value} />;
  if (schema.format === 'cn-mobile') return <input {...common} type="tel" autocomplete="tel" value={value} />;
  return <input {...common} type="text" maxlength={schema.maxLength} value={value} />;
};

/**
 * The fields of a process's form, rendered on the server from its JSON Schema (the one the engine
 * validates the submission with): each with its label in the page's language, a mark when required,
 * the value sent last and, after a refusal, its bilingual message tied to it (`aria-describedby`).
 * Works without script; the browser's own validation is not asked for, the server's speaks.
 */
export const SchemaFields: FC<{ lang: Lang; texts: FormTexts; form: FormDefinition; values: Readonly<Record<string, unknown>>; errors?: Readonly<Record<string, FieldText>>; omit?: readonly string[]; idPrefix?: string }> = ({ lang, texts, form, values, errors = {}, omit = [], idPrefix = 'f' }) => {
  const { properties, required } = formFields(form);
  const names = fieldOrder(form, Object.keys(properties)).filter((name) => !omit.includes(name));
  return (
    <>
      {names.map((name) => {
        const schema = properties[name]!;
        const id = `${idPrefix}-${name}`;
        const error = errors[name];
        const value = values[name] === undefined || values[name] === null ? '' : String(values[name]);
        return (
          <div class={error ? 'form-field invalid' : 'form-field'}>
            <label for={id}>
              {schemaTitle(lang, schema)}
              {required.has(name) ? (
                <span class="required" title={texts.requiredMark}>
                  {' *'}
                  <span class="sr-only">{texts.requiredMark}</span>
                </span>
              ) : null}
            </label>
            <Control lang={lang} texts={texts} id={id} name={name} schema={schema} widget={widgetOf(form, name)} value={value} required={required.has(name)} describedBy={error ? `${id}-error` : undefined} />
            {error ? (
              <p class="field-error" id={`${id}-error`}>
                {error[lang]}
              </p>
            ) : null}
          </div>
        );
      })}
    </>
  );
};

/** What went wrong above a form: the rules' messages and any refusal not tied to a field. */
export const FormProblems: FC<{ lang: Lang; heading: string; problems: readonly FieldText[]; fieldCount: number }> = ({ lang, heading, problems, fieldCount }) =>
  problems.length === 0 && fieldCount === 0 ? null : (
    <div class="form-problems" role="alert">
      <p>
        <strong>{heading}</strong>
      </p>
      {problems.length > 0 ? (
        <ul>
          {problems.map((problem) => (
            <li>{problem[lang]}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
