/** @jsxImportSource hono/jsx */
import type { Child, FC } from 'hono/jsx';
import { yuan } from '../labels.ts';
import { Data } from '../pages/layout.tsx';
import type { Site } from '../site.ts';
import { fieldId, leafFields, type FormField } from './form-fields.ts';
import type { FormProblems } from './form-problems.ts';
import { dataValue } from './form-reading.ts';
import { formTexts } from './form-texts.ts';
import { fieldLabel } from './schema-fields.tsx';

/**
 * What is wrong with a sent form, above it (WCAG 3.3.1): the messages of the whole, then each field's,
 * linked to its input; `extra` items (a page's own, such as its files) after them. Announced when
 * shown; nothing at all for a form with no problem.
 */
export const ProblemSummary: FC<{
  site: Site;
  heading: string;
  fields: readonly FormField[];
  problems: FormProblems;
  /** The prefix of the form's ids, as given to its `SchemaFields`. */
  idPrefix?: string;
  extra?: Child[];
  /** A last line, such as "nothing was saved". */
  footer?: string | undefined;
}> = ({ site, heading, fields, problems, idPrefix = 'f', extra = [], footer }) => {
  const entries = Object.entries(problems.fields);
  if (problems.general.length === 0 && entries.length === 0 && extra.length === 0) return null;
  const leaves = new Map(leafFields(fields).map((field) => [field.name, field]));
  return (
    <div class="form-problems" role="alert" id={`${idPrefix}-problems`} tabindex={-1}>
      <p>
        <strong>{heading}</strong>
      </p>
      <ul>
        {problems.general.map((text) => (
          <li>{text}</li>
        ))}
        {entries.map(([name, text]) => {
          const field = leaves.get(name);
          return field ? (
            <li>
              <a href={`#${fieldId(idPrefix, name)}`}>{fieldLabel(site.lang, field)}</a>
              {formTexts(site.lang).colon}
              {text}
            </li>
          ) : (
            <li>{text}</li>
          );
        })}
        {extra}
      </ul>
      {footer ? <p>{footer}</p> : null}
    </div>
  );
};

/** A field's value as a reader sees it: a choice by its label, money in yuan, codes one after another. */
function shownText(site: Site, field: FormField, value: unknown): string {
  if (field.kind === 'money' && typeof value === 'number') return yuan(value);
  if (Array.isArray(value)) return value.map((each) => field.options.find((option) => option.data === each)?.label ?? String(each)).join(site.lang === 'en' ? ', ' : '、');
  return field.options.find((option) => option.data === value)?.label ?? String(value);
}

/** The data a form holds, field by field as the form names them (hidden constants and empty fields left out): what was sent, or an office's reasons. */
export const SchemaValues: FC<{ site: Site; fields: readonly FormField[]; data: Readonly<Record<string, unknown>> }> = ({ site, fields, data }) => (
  <dl class="facts">
    {leafFields(fields).flatMap((field) => {
      const value = dataValue(data, field.name);
      if (field.kind === 'hidden' || field.kind === 'password' || value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return [];
      return [
        <div>
          <dt>{fieldLabel(site.lang, field)}</dt>
          <dd class="prose">
            <Data site={site} text={shownText(site, field, value)} />
          </dd>
        </div>,
      ];
    })}
  </dl>
);
