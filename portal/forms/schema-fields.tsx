/** @jsxImportSource hono/jsx */
import type { Child, FC } from 'hono/jsx';
import type { Lang } from '../locale.ts';
import type { Site } from '../site.ts';
import { codeChoices, type CodeGroup } from './code-choices.ts';
import { fieldId, type FormField } from './form-fields.ts';
import type { FormValues } from './form-reading.ts';
import { formTexts } from './form-texts.ts';

/** How one form draws its fields: their values, the messages beside them, the prefix of their ids, the city whose counties a division list offers. */
interface Drawing {
  site: Site;
  values: Readonly<FormValues>;
  errors: Readonly<Record<string, string>>;
  idPrefix: string;
  cityCode: string | undefined;
}

/** A unit the schema's title ends with ("（分）", "(fen)"): the staff forms take fen, the public ones yuan. */
const FEN_UNIT = /\s*(（分）|\(fen\))$/i;

/** The label of a field as the page shows it: a money field says it is typed in yuan, in place of the schema's fen. */
export function fieldLabel(lang: Lang, field: FormField): string {
  return field.kind === 'money' ? `${field.label.replace(FEN_UNIT, '')}${formTexts(lang).yuanUnit}` : field.label;
}

/** A required field's mark: a star to see, the word to hear. */
const RequiredMark: FC<{ lang: Lang; required: boolean }> = ({ lang, required }) =>
  required ? (
    <>
      <span class="required" aria-hidden="true">
        {' *'}
      </span>
      <span class="sr-only">{formTexts(lang).required}</span>
    </>
  ) : null;

/** The hint under a field: what a code of its table or a value of its format looks like. */
function hintOf(lang: Lang, field: FormField): string | undefined {
  const { hints } = formTexts(lang);
  const table = field.node['x-code-table'];
  return (table && hints[table]) || (field.node.format && hints[field.node.format]) || undefined;
}

const Note: FC<{ id: string; kind: 'hint' | 'field-error'; text: string | undefined }> = ({ id, kind, text }) =>
  text ? (
    <p class={kind} id={id}>
      {text}
    </p>
  ) : null;

/** Names from the code tables are Chinese: marked so on an English page, for a screen reader. */
const zhOn = (lang: Lang) => (lang === 'en' ? 'zh-CN' : undefined);

/** A field's id, its message, and what its control carries to be tied to its label, hint and message. */
function controlTies(d: Drawing, field: FormField, hint: string | undefined) {
  const id = fieldId(d.idPrefix, field.name);
  const error = d.errors[field.name];
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name: field.name, 'aria-required': field.required ? 'true' : undefined, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': described };
  return { id, error, common };
}

/** A field with one control: its label (and required mark), hint and message above the control. */
const LabelledField: FC<{ lang: Lang; field: FormField; id: string; hint: string | undefined; error: string | undefined; children: Child }> = ({ lang, field, id, hint, error, children }) => (
  <div class={error ? 'form-field invalid' : 'form-field'}>
    <label for={id}>
      {fieldLabel(lang, field)}
      <RequiredMark lang={lang} required={field.required} />
    </label>
    <Note id={`${id}-hint`} kind="hint" text={hint} />
    <Note id={`${id}-error`} kind="field-error" text={error} />
    {children}
  </div>
);

/** A list of codes: ticked from a short list, chosen from a grouped one, or typed when the table is too long to offer. */
const CodesField: FC<{ d: Drawing; field: FormField; groups: CodeGroup[] }> = ({ d, field, groups }) => {
  const { lang } = d.site;
  const t = formTexts(lang);
  const id = fieldId(d.idPrefix, field.name);
  const error = d.errors[field.name];
  const chosen = new Set([d.values[field.name] ?? []].flat());
  const errorId = error ? `${id}-error` : undefined;
  if (groups.length === 1 && groups[0]!.label === '') {
    return (
      <fieldset class={error ? 'form-field form-checks invalid' : 'form-field form-checks'} id={id} aria-describedby={errorId}>
        <legend>
          {fieldLabel(lang, field)}
          <RequiredMark lang={lang} required={field.required} />
        </legend>
        <Note id={`${id}-error`} kind="field-error" text={error} />
        {groups[0]!.options.map((option) => (
          <label class="check">
            <input type="checkbox" name={field.name} value={option.code} checked={chosen.has(option.code)} aria-invalid={error ? 'true' : undefined} />
            <span lang={field.options.length > 0 ? undefined : zhOn(lang)}>{option.name}</span>
          </label>
        ))}
      </fieldset>
    );
  }
  const grouped = groups.length > 0;
  const hint = grouped ? t.chooseSeveral : (hintOf(lang, field) ?? t.codesHint);
  const { common } = controlTies(d, field, hint);
  return (
    <LabelledField lang={lang} field={field} id={id} hint={hint} error={error}>
      {grouped ? (
        <select {...common} multiple size={8}>
          {groups.map((group) => (
            <optgroup label={group.label} lang={zhOn(lang)}>
              {group.options.map((option) => (
                <option value={option.code} selected={chosen.has(option.code)}>
                  {option.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      ) : (
        <input {...common} type="text" value={[...chosen].join(' ')} autocomplete="off" />
      )}
    </LabelledField>
  );
};

/** One field's control, by its kind. */
function control(d: Drawing, field: FormField, common: Record<string, string | undefined>): Child {
  const t = formTexts(d.site.lang);
  const raw = d.values[field.name];
  const value = typeof raw === 'string' ? raw : '';
  const { maxLength } = field.node;
  switch (field.kind) {
    case 'select':
    case 'boolean':
      return (
        <select {...common}>
          <option value="">{t.choose}</option>
          {field.options.map((option) => (
            <option value={option.value} selected={option.value === value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case 'textarea':
      return (
        <textarea {...common} rows={4} maxlength={maxLength}>
          {value}
        </textarea>
      );
    // Text with a numeric keyboard rather than type="number": a browser sends an unparsable number
    // as empty, so the schema would call it missing instead of naming what is wrong with it.
    case 'integer':
      return <input {...common} type="text" inputmode="numeric" value={value} />;
    case 'number':
    case 'money':
      return <input {...common} type="text" inputmode="decimal" value={value} />;
    case 'date':
      return <input {...common} type="date" value={value} />;
    case 'tel':
      return <input {...common} type="tel" autocomplete="tel" value={value} />;
    case 'password':
      return <input {...common} type="password" autocomplete="off" maxlength={maxLength} />;
    default:
      return <input {...common} type="text" maxlength={maxLength} value={value} />;
  }
}

const Field: FC<{ d: Drawing; field: FormField }> = ({ d, field }) => {
  const { lang } = d.site;
  if (field.kind === 'hidden') return null;
  if (field.kind === 'object') {
    return (
      <fieldset class="form-group">
        <legend>
          {field.label}
          <RequiredMark lang={lang} required={field.required} />
        </legend>
        {field.children.map((child) => (
          <Field d={d} field={child} />
        ))}
      </fieldset>
    );
  }
  if (field.kind === 'codes') {
    // A list of the schema's own choices is ticked; a list of a code table's, as the table allows.
    const listed = field.options.map((option) => ({ code: option.value, name: option.label }));
    const groups = listed.length > 0 ? [{ label: '', options: listed }] : codeChoices(field.node.items?.['x-code-table'], d.cityCode);
    return <CodesField d={d} field={field} groups={groups} />;
  }
  const hint = hintOf(lang, field);
  const { id, error, common } = controlTies(d, field, hint);
  return (
    <LabelledField lang={lang} field={field} id={id} hint={hint} error={error}>
      {control(d, field, common)}
    </LabelledField>
  );
};

/**
 * The fields of a process's form, drawn on the server from its JSON Schema (the one the engine
 * validates the submission with), as plain HTML that works without script: each labelled in the
 * page's language, marked when required, with its hint, the value sent last (never a password) and,
 * after a refusal, its message tied to it (`aria-describedby`, `aria-invalid`); nested objects as
 * groups under their legend. The browser's own validation is not asked for: the server's speaks.
 */
export const SchemaFields: FC<{
  site: Site;
  fields: readonly FormField[];
  values: Readonly<FormValues>;
  errors?: Readonly<Record<string, string>> | undefined;
  /** The prefix of the controls' ids, unique on the page (`f`, `posting`, `edit`): a field's is `{prefix}-{dotted name with dashes}`. */
  idPrefix?: string;
  /** The city whose counties a list of division codes offers to tick. */
  cityCode?: string | undefined;
}> = ({ site, fields, values, errors = {}, idPrefix = 'f', cityCode }) => {
  const d: Drawing = { site, values, errors, idPrefix, cityCode };
  return (
    <>
      {fields.map((field) => (
        <Field d={d} field={field} />
      ))}
    </>
  );
};
