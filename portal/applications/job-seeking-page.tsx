/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { PublicFormDefinition as FormDefinition } from '../../runtime/job-applications/index.ts';
import { CsrfField } from '../session/csrf-field.tsx';
import { SchemaFields, type FormValues } from './schema-fields.tsx';
import { Layout } from '../pages/layout.tsx';
import type { Site } from '../site.ts';
import { textsOf } from './texts.ts';

/**
 * `/my/job-seeking`: the job-seeker registration form in force for the citizen's city, rendered
 * from its schema, sent back with the values and a message under each field the server refused.
 */
export const JobSeekingPage: FC<{
  site: Site;
  form: FormDefinition;
  cityCode: string;
  values: FormValues;
  errors: Record<string, string>;
  general: string[];
  next: string | undefined;
}> = ({ site, form, cityCode, values, errors, general, next }) => {
  const t = textsOf(site.lang);
  const title = site.lang === 'en' ? (form.title.en ?? t.jobSeekingTitle) : form.title['zh-CN'];
  return (
    <Layout site={site} head={{ title: `${t.jobSeekingTitle} - ${site.m.siteName}`, path: '/my/job-seeking', noindex: true }}>
      <div class="panel">
        <h1>{t.jobSeekingTitle}</h1>
        <p>{t.jobSeekingIntro}</p>
        {general.length > 0 || Object.keys(errors).length > 0 ? (
          <div class="field-error" role="alert">
            <p>{t.formErrors}</p>
            {general.length > 0 ? (
              <ul>
                {general.map((text) => (
                  <li>{text}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <form method="post" action={site.href('/my/job-seeking')} class="stack" novalidate>
          <CsrfField site={site} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <h2>{title}</h2>
          <SchemaFields site={site} form={form} values={values} errors={errors} cityCode={cityCode} />
          <div>
            <button type="submit">{t.jobSeekingSubmit}</button>
          </div>
        </form>
      </div>
    </Layout>
  );
};
