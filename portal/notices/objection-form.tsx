/** @jsxImportSource hono/jsx */
import { CsrfField } from '../session/csrf-field.tsx';
import type { FC } from 'hono/jsx';
import type { ObjectionFieldError as FieldError } from '../../runtime/notices/index.ts';
import type { Site } from '../site.ts';
import { noticeMessages } from './messages.ts';

/** What the visitor typed, shown again when the server refused it. */
export interface ObjectionValues {
  name: string;
  phone: string;
  reason: string;
}

type Field = keyof ObjectionValues;

/**
 * The objection form (异议): a plain POST form, checked again on the server by the same schema
 * (`runtime/notices/objection-input.ts`); a refused field says what is wrong beside it and in a
 * summary at the top, in the page's language. The constraints the browser knows (required, length,
 * the mobile pattern) match the schema's, so nothing is refused that the page let through unseen.
 */
export const ObjectionForm: FC<{ site: Site; action: string; values: ObjectionValues; errors: readonly FieldError[] }> = ({ site, action, values, errors }) => {
  const t = noticeMessages(site.lang);
  const labels: Record<Field, string> = { name: t.yourName, phone: t.phone, reason: t.reason };
  const errorOf = (field: Field) => errors.find((error) => error.field === field)?.text[site.lang];
  const described = (field: Field, hint?: string) => [hint, errorOf(field) ? `objection-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const message = (field: Field) => {
    const text = errorOf(field);
    return text ? (
      <p class="field-error" id={`objection-${field}-error`}>
        {text}
      </p>
    ) : null;
  };
  return (
    <section class="panel" aria-labelledby="objection-heading">
      <h2 id="objection-heading">{t.objectionHeading}</h2>
      <p>{t.objectionIntro}</p>
      {errors.length > 0 ? (
        <div class="notice" role="alert" id="objection-errors">
          <p>{t.errorSummary}</p>
          <ul>
            {(Object.keys(labels) as Field[])
              .filter((field) => errorOf(field))
              .map((field) => (
                <li>
                  <a href={`#objection-${field}`}>{`${labels[field]}：${errorOf(field)}`}</a>
                </li>
              ))}
          </ul>
        </div>
      ) : null}
      <form class="objection-form" method="post" action={action}>
        <CsrfField site={site} />
        <div class="form-field">
          <label for="objection-name">{t.yourName}</label>
          <input id="objection-name" name="name" type="text" autocomplete="name" required maxlength={50} value={values.name} aria-invalid={errorOf('name') ? 'true' : undefined} aria-describedby={described('name')} />
          {message('name')}
        </div>
        <div class="form-field">
          <label for="objection-phone">{t.phone}</label>
          <input id="objection-phone" name="phone" type="tel" autocomplete="tel" inputmode="numeric" required pattern="1[3-9][0-9]{9}" maxlength={11} value={values.phone} aria-invalid={errorOf('phone') ? 'true' : undefined} aria-describedby={described('phone')} />
          {message('phone')}
        </div>
        <div class="form-field">
          <label for="objection-reason">{t.reason}</label>
          <p class="hint" id="objection-reason-hint">
            {t.reasonHint}
          </p>
          <textarea id="objection-reason" name="reason" rows={5} required minlength={5} maxlength={500} aria-invalid={errorOf('reason') ? 'true' : undefined} aria-describedby={described('reason', 'objection-reason-hint')}>
            {values.reason}
          </textarea>
          {message('reason')}
        </div>
        <button type="submit">{t.send}</button>
      </form>
    </section>
  );
};
