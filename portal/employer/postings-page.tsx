/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { EmployerPostingView } from '../../runtime/employer-accounts/index.ts';
import type { FormDefinition } from '../../runtime/public-forms/index.ts';
import { CsrfField } from '../session/csrf-field.tsx';
import { formFields, noProblems, ProblemSummary, SchemaFields, type FormProblems, type FormValues } from '../forms/index.ts';
import { chinaDay, formatDay } from '../locale.ts';
import { Data, fill, Layout } from '../pages/layout.tsx';
import type { Site } from '../site.ts';
import { employerMessages } from './employer-messages.ts';

/** The field of the posting form the site fills itself: the signed-in employer's credit code. */
export const EMPLOYER_FIELD = 'employerCreditCode';

/** The employer's postings: each with its state, whether it is live, and the last review's remarks; a way to post a new one. */
export const PostingsPage: FC<{ site: Site; postings: readonly EmployerPostingView[] }> = ({ site, postings }) => {
  const t = employerMessages(site.lang);
  return (
    <Layout site={site} head={{ title: `${t.postingsTitle} - ${site.m.siteName}`, path: '/employer/postings', noindex: true }}>
      <div class="panel">
        <h1>{t.postingsTitle}</h1>
        <p>{t.postingsIntro}</p>
        <p>
          <a class="button" href={site.href('/employer/postings/new')}>
            {t.newPosting}
          </a>
        </p>
      </div>
      <div class="panel">
        {postings.length === 0 ? (
          <p>{t.noPostings}</p>
        ) : (
          <div class="table-wrap">
            <table class="postings">
              <caption class="sr-only">{t.postingsTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colTitle}</th>
                  <th scope="col">{t.colCaseNo}</th>
                  <th scope="col">{t.colState}</th>
                  <th scope="col">{t.colUpdated}</th>
                  <th scope="col">{t.colRemarks}</th>
                </tr>
              </thead>
              <tbody>
                {postings.map((posting) => (
                  <tr>
                    <td>
                      <a href={site.href(`/employer/postings/${posting.id}`)}>
                        <Data site={site} text={posting.title} />
                      </a>
                    </td>
                    <td>{posting.caseNo}</td>
                    <td>
                      {posting.stateTitle[site.lang]}
                      {posting.live ? <span class="badge">{t.liveOnSite}</span> : null}
                    </td>
                    <td>{formatDay(site.lang, chinaDay(posting.updatedAt))}</td>
                    <td>
                      {posting.remarks.map((remark) => (
                        <Data site={site} text={remark.text} />
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Layout>
  );
};

/** A new posting on the posting form in force for the city, shown again with the messages after a refusal. */
export const NewPostingPage: FC<{ site: Site; form: FormDefinition; values: FormValues; problems?: FormProblems | undefined }> = ({ site, form, values, problems = noProblems() }) => {
  const t = employerMessages(site.lang);
  const account = site.account!;
  const fields = formFields(form, site.lang, [EMPLOYER_FIELD]);
  return (
    <Layout site={site} head={{ title: `${t.newPostingTitle} - ${site.m.siteName}`, path: '/employer/postings/new', noindex: true }}>
      <div class="panel">
        <p>
          <a href={site.href('/employer/postings')}>{t.backToPostings}</a>
        </p>
        <h1>{t.newPostingTitle}</h1>
        <p>{t.newPostingIntro}</p>
        <p>{fill(t.employerLine, { name: <Data site={site} text={account.displayName} /> })}</p>
        <ProblemSummary site={site} heading={t.formHasErrors} fields={fields} problems={problems} idPrefix="posting" />
        <form method="post" action={site.href('/employer/postings/new')} class="case-form" novalidate>
          <CsrfField site={site} />
          <SchemaFields site={site} fields={fields} values={values} errors={problems.fields} idPrefix="posting" />
          <button type="submit">{t.submit}</button>
        </form>
      </div>
    </Layout>
  );
};
