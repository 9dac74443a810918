/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';

/** A form's problems by field name, each in the page's language. */
export type FieldProblems = Record<string, string>;

/** The problems of a form at its top, each linking to its field (WCAG 3.3.1), read out first. */
export const ErrorSummary: FC<{ title: string; problems: FieldProblems; labels: Record<string, string> }> = ({ title, problems, labels }) => {
  const entries = Object.entries(problems);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{title}</h2>
      <ul>
        {entries.map(([field, text]) => (
          <li>
            <a href={`#field-${field}`}>{labels[field] ? `${labels[field]}：${text}` : text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
};

/** One labelled input with its hint and its problem, tied together for screen readers. */
export const TextField: FC<{
  name: string;
  label: string;
  value?: string | undefined;
  problem?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'password' | 'tel';
  autocomplete?: string;
  inputmode?: 'numeric' | 'text' | 'tel';
  maxlength?: number;
}> = ({ name, label, value, problem, hint, type = 'text', autocomplete, inputmode, maxlength }) => {
  const described = [hint ? `hint-${name}` : '', problem ? `problem-${name}` : ''].filter(Boolean).join(' ');
  return (
    <div class={problem ? 'field field-problem' : 'field'}>
      <label for={`field-${name}`}>{label}</label>
      {hint ? (
        <p class="hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p class="problem" id={`problem-${name}`}>
          {problem}
        </p>
      ) : null}
      <input
        id={`field-${name}`}
        name={name}
        type={type}
        value={type === 'password' ? undefined : value}
        autocomplete={autocomplete}
        inputmode={inputmode}
        maxlength={maxlength}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
};

/** A labelled choice from a short list. */
export const SelectField: FC<{ name: string; label: string; value?: string | undefined; options: { value: string; label: string }[]; problem?: string | undefined }> = ({ name, label, value, options, problem }) => (
  <div class={problem ? 'field field-problem' : 'field'}>
    <label for={`field-${name}`}>{label}</label>
    {problem ? (
      <p class="problem" id={`problem-${name}`}>
        {problem}
      </p>
    ) : null}
    <select id={`field-${name}`} name={name} aria-invalid={problem ? 'true' : undefined} aria-describedby={problem ? `problem-${name}` : undefined}>
      {options.map((option) => (
        <option value={option.value} selected={option.value === value}>
          {option.label}
        </option>
      ))}
    </select>
  </div>
);

/** What the last thing sent came to, above the page's form or list: a success said politely, a refusal announced. */
export const SentOutcome: FC<{ notice?: string | undefined; error?: string | undefined }> = ({ notice, error }) => (
  <>
    {notice ? (
      <p class="success" role="status">
        {notice}
      </p>
    ) : null}
    {error ? (
      <p class="field-error" role="alert">
        {error}
      </p>
    ) : null}
  </>
);
