/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { codeEntries } from '../../runtime/code-tables/index.ts';
import { divisionTree } from '../../runtime/divisions/index.ts';
import type { PublicFormDefinition as FormDefinition, Refusal } from '../../runtime/job-applications/index.ts';
import type { Lang } from '../locale.ts';
import type { Site } from '../site.ts';

/**
 * A process's form rendered on the server from its JSON Schema, and a posted form read back into
 * the data that schema validates: the public site's way to offer the form in force for the city
 * (overlays applied) with no script, validated on the server by the same schema when the step runs.
 * Minimal on purpose: the property kinds the public forms use (text, number, money in fen shown in
 * yuan, date, yes/no, one of a list, several codes of a code table).
 */

/** The renderer's own words. */
const words = {
  'zh-CN': { required: '（必填）', yuan: '元', choose: '请选择', chooseSeveral: '可多选', codesHint: '填写代码，多个用空格分隔' },
  en: { required: '(required)', yuan: 'yuan', choose: 'Choose', chooseSeveral: 'choose one or more', codesHint: 'codes, separated by spaces' },
} as const;

interface Choice {
  const: string;
  title?: string;
  'x-i18n'?: { en?: string };
}

interface Property {
  type?: string;
  title?: string;
  format?: string;
  maxLength?: number;
  minimum?: number;
  oneOf?: Choice[];
  'x-i18n'?: { en?: string };
  items?: { type?: string; 'x-code-table'?: string; oneOf?: Choice[] };
}

/** Values as the form shows them again after a refusal, by field. */
export type FormValues = Record<string, string | string[]>;

function properties(form: FormDefinition): [string, Property][] {
  const props = (form.schema['properties'] ?? {}) as Record<string, Property>;
  const order = ((form.ui?.['ui:order'] as string[] | undefined) ?? []).filter((name) => name in props);
  const names = [...order, ...Object.keys(props).filter((name) => !order.includes(name))];
  return names.map((name) => [name, props[name]!]);
}

const titleOf = (lang: Lang, item: { title?: string; 'x-i18n'?: { en?: string } }, fallback: string) =>
  (lang === 'en' ? item['x-i18n']?.en : undefined) ?? item.title ?? fallback;

/** Money is kept in fen; a person types yuan. */
const isFen = (name: string, property: Property) => property.type === 'integer' && name.endsWith('Fen');

/** The choices of a code-table field: a city's counties, or the occupation classification's minor groups under their middle groups. */
function codeChoices(table: string, cityCode: string): { group: string; options: { code: string; name: string }[] }[] {
  if (table === 'division') {
    const counties = divisionTree().filter((entry) => entry.parent === cityCode && entry.level === 3);
    return [{ group: '', options: counties.map(({ code, name }) => ({ code, name })) }];
  }
  if (table === 'occupation-2022') {
    const entries = codeEntries(table);
    return entries
      .filter((entry) => entry.level === 2)
      .map((middle) => ({ group: middle.name, options: entries.filter((e) => e.level === 3 && e.parent === middle.code).map(({ code, name }) => ({ code, name })) }))
      .filter((group) => group.options.length > 0);
  }
  return [];
}

const FieldError: FC<{ id: string; message: string | undefined }> = ({ id, message }) =>
  message ? (
    <p class="field-error" id={id}>
      {message}
    </p>
  ) : null;

/** The fields of a form, each with its label, its value as sent before and its error, if any. */
export const SchemaFields: FC<{ site: Site; form: FormDefinition; values: FormValues; errors: Record<string, string>; cityCode: string }> = ({ site, form, values, errors, cityCode }) => {
  const t = words[site.lang];
  const required = new Set((form.schema['required'] as string[] | undefined) ?? []);
  return (
    <>
      {properties(form).map(([name, property]) => {
        const id = `f-${name}`;
        const errorId = `${id}-error`;
        const label = `${titleOf(site.lang, property, name)}${isFen(name, property) ? `（${t.yuan}）` : ''}`;
        const mark = required.has(name) ? <span class="required"> {t.required}</span> : null;
        const described = errors[name] ? { 'aria-describedby': errorId, 'aria-invalid': 'true' } : {};
        const value = values[name];
        const table = property.items?.['x-code-table'];
        if (property.type === 'array' && table) {
          const chosen = new Set(Array.isArray(value) ? value : value ? [value] : []);
          const groups = codeChoices(table, cityCode);
          if (groups.length === 0) {
            return (
              <div class="field">
                <label for={id}>{label}{mark}</label>
                <input id={id} name={name} value={[...chosen].join(' ')} {...described} />
                <p class="hint">{t.codesHint}</p>
                <FieldError id={errorId} message={errors[name]} />
              </div>
            );
          }
          if (groups.length === 1 && groups[0]!.group === '') {
            return (
              <fieldset class="field" {...described}>
                <legend>{label}{mark}</legend>
                {groups[0]!.options.map((option) => (
                  <label class="check">
                    <input type="checkbox" name={name} value={option.code} checked={chosen.has(option.code)} /> {option.name}
                  </label>
                ))}
                <FieldError id={errorId} message={errors[name]} />
              </fieldset>
            );
          }
          return (
            <div class="field">
              <label for={id}>{label}{mark} <span class="hint">（{t.chooseSeveral}）</span></label>
              <select id={id} name={name} multiple size={8} {...described}>
                {groups.map((group) => (
                  <optgroup label={group.group}>
                    {group.options.map((option) => (
                      <option value={option.code} selected={chosen.has(option.code)}>
                        {option.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              <FieldError id={errorId} message={errors[name]} />
            </div>
          );
        }
        const text = typeof value === 'string' ? value : '';
        let input;
        if (property.oneOf) {
          input = (
            <select id={id} name={name} {...described}>
              <option value="">{t.choose}</option>
              {property.oneOf.map((choice) => (
                <option value={choice.const} selected={text === choice.const}>
                  {titleOf(site.lang, choice, choice.const)}
                </option>
              ))}
            </select>
          );
        } else if (property.type === 'boolean') {
          return (
            <div class="field">
              <label class="check">
                <input type="checkbox" id={id} name={name} value="true" checked={text === 'true'} {...described} /> {label}
              </label>
              <FieldError id={errorId} message={errors[name]} />
            </div>
          );
        } else if (property.type === 'integer' || property.type === 'number') {
          input = <input id={id} name={name} type="number" inputmode="numeric" min={isFen(name, property) ? 0 : property.minimum} step="any" value={text} {...described} />;
        } else if (property.format === 'date') {
          input = <input id={id} name={name} type="date" value={text} {...described} />;
        } else if ((property.maxLength ?? 0) > 100) {
          input = <textarea id={id} name={name} maxlength={property.maxLength} rows={4} {...described}>{text}</textarea>;
        } else {
          input = <input id={id} name={name} maxlength={property.maxLength} value={text} {...described} />;
        }
        return (
          <div class="field">
            <label for={id}>{label}{mark}</label>
            {input}
            <FieldError id={errorId} message={errors[name]} />
          </div>
        );
      })}
    </>
  );
};

/** A posted form as the values to show again: each field's text, or texts for several. */
export function postedValues(form: FormDefinition, body: Record<string, string | File | (string | File)[]>): FormValues {
  const values: FormValues = {};
  for (const [name, property] of properties(form)) {
    const raw = body[name];
    const texts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string').map((v) => v.trim());
    if (property.type === 'array') values[name] = texts.flatMap((v) => (property.items?.['x-code-table'] && !['division', 'occupation-2022'].includes(property.items['x-code-table']) ? v.split(/[\s,，]+/) : [v])).filter(Boolean);
    else values[name] = texts[0] ?? '';
  }
  return values;
}

/** The data the schema validates from the values: numbers as numbers, yuan back to fen, empty fields left out (so `required` speaks). */
export function formData(form: FormDefinition, values: FormValues): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, property] of properties(form)) {
    const value = values[name];
    if (property.type === 'array') {
      if (Array.isArray(value) && value.length > 0) data[name] = value;
      continue;
    }
    if (typeof value !== 'string' || value === '') continue;
    if (property.type === 'boolean') data[name] = value === 'true';
    else if (property.type === 'integer' || property.type === 'number') {
      const number = Number(value);
      data[name] = Number.isFinite(number) ? (isFen(name, property) ? Math.round(number * 100) : number) : value;
    } else data[name] = value;
  }
  return data;
}

/** A refusal as the form shows it: a message under each field it names, and the others (rules) above the form. */
export function refusalMessages(lang: Lang, error: Refusal): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  const details = (error.details ?? {}) as { fields?: { field: string; text?: { 'zh-CN': string; en: string } }[]; violations?: { message: { 'zh-CN': string; en: string } }[] };
  for (const failing of details.fields ?? []) {
    const field = failing.field.replace(/^\//, '').split(/[/.[]/)[0] ?? failing.field;
    const text = failing.text?.[lang];
    if (text && !fields[field]) fields[field] = text;
  }
  for (const violation of details.violations ?? []) general.push(violation.message[lang]);
  if (Object.keys(fields).length === 0 && general.length === 0) general.push(error.localized[lang]);
  return { fields, general };
}
