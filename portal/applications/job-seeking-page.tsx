/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { FormDefinition } from '../../runtime/public-forms/index.ts';
import { formFields, ProblemSummary, SchemaFields, type FormProblems, type FormValues } from '../forms/index.ts';
import { CsrfField } from '../session/csrf-field.tsx';
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
  problems: FormProblems;
  next: string | undefined;
}> = ({ site, form, cityCode, values, problems, next }) => {
  const t = textsOf(site.lang);
  const fields = formFields(form, site.lang);
  const title = site.lang === 'en' ? (form.title.en ?? t.jobSeekingTitle) : form.title['zh-CN'];
  return (
    <Layout site={site} head={{ title: `${t.jobSeekingTitle} - ${site.m.siteName}`, path: '/my/job-seeking', noindex: true }}>
      <div class="panel">
        <h1>{t.jobSeekingTitle}</h1>
        <p>{t.jobSeekingIntro}</p>
        <ProblemSummary site={site} heading={t.formErrors} fields={fields} problems={problems} />
        <form method="post" action={site.href('/my/job-seeking')} class="stack" novalidate>
          <CsrfField site={site} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <h2>{title}</h2>
          <SchemaFields site={site} fields={fields} values={values} errors={problems.fields} cityCode={cityCode} />
          <div>
            <button type="submit">{t.jobSeekingSubmit}</button>
          </div>
        </form>
      </div>
    </Layout>
  );
};
