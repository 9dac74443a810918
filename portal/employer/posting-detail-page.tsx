/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { EmployerPostingView, FormDefinition } from '../../runtime/employer-accounts/index.ts';
import { CsrfField } from '../session/csrf-field.tsx';
import { formFields, schemaTitle, type FormErrors } from '../forms/form-values.ts';
import { FormProblems, SchemaFields } from '../forms/schema-form.tsx';
import { fillText } from '../locale.ts';
import { Data, Layout } from '../pages/layout.tsx';
import type { Site } from '../site.ts';
import { employerMessages } from './employer-messages.ts';
import { PostingApplications } from './posting-applications.tsx';
import { EMPLOYER_FIELD } from './postings-page.tsx';

/** One of the employer's postings as it sees it: state, remarks, the data it gave, and, where the flow offers them, editing and withdrawing. */
export interface PostingDetail extends EmployerPostingView {
  form: FormDefinition;
  withdrawForm: FormDefinition | undefined;
}

/** Which outcome the page announces after a step (`?done=`). */
export type Done = 'submitted' | 'edited' | 'withdrawn';

/** The posting's data as the form names it: each field given, its choice's title for a closed choice. */
const PostingData: FC<{ site: Site; form: FormDefinition; data: Readonly<Record<string, unknown>> }> = ({ site, form, data }) => {
  const { properties } = formFields(form);
  return (
    <dl class="facts">
      {Object.entries(properties).flatMap(([field, schema]) => {
        const value = data[field];
        if (value === undefined || value === null || value === '') return [];
        const option = schema.oneOf?.find((each) => each.const === value);
        return [
          <div>
            <dt>{schemaTitle(site.lang, schema)}</dt>
            <dd>{option ? schemaTitle(site.lang, option) : <Data site={site} text={String(value)} />}</dd>
          </div>,
        ];
      })}
    </dl>
  );
};

/**
 * An employer's posting: its case number and state, a link to its public page while live, the
 * review's remarks, the place for its applications, the posting's data, and the edit and withdraw
 * forms the state offers the applicant (the one refused shown again with its messages).
 */
export const PostingDetailPage: FC<{ site: Site; posting: PostingDetail; done?: Done | undefined; editValues?: Readonly<Record<string, unknown>>; editErrors?: FormErrors | undefined; withdrawValues?: Readonly<Record<string, unknown>>; withdrawErrors?: FormErrors | undefined }> = ({ site, posting, done, editValues, editErrors, withdrawValues, withdrawErrors }) => {
  const t = employerMessages(site.lang);
  const base = `/employer/postings/${posting.id}`;
  return (
    <Layout site={site} head={{ title: `${posting.title} - ${t.postingsTitle} - ${site.m.siteName}`, path: base, noindex: true }}>
      <div class="panel">
        <p>
          <a href={site.href('/employer/postings')}>{t.backToPostings}</a>
        </p>
        <h1>
          <Data site={site} text={posting.title} />
        </h1>
        {done ? (
          <p class="notice" role="status" id="posting-done" data-done={done}>
            {t.done[done]}
          </p>
        ) : null}
        <p id="posting-state" data-state={posting.state}>
          {fillText(t.detailIntro, { caseNo: posting.caseNo, state: posting.stateTitle[site.lang] })}
          {posting.live ? <span class="badge">{t.liveOnSite}</span> : null}
        </p>
        {posting.live ? (
          <p>
            <a href={site.href(`/jobs/${posting.id}`)}>{t.viewPublic}</a>
          </p>
        ) : null}
        <h2>{t.remarksHeading}</h2>
        {posting.remarks.length === 0 ? (
          <p>{t.noRemarks}</p>
        ) : (
          <dl class="facts" id="review-remarks">
            {posting.remarks.map((remark) => (
              <div>
                <dt>{remark.title[site.lang]}</dt>
                <dd>
                  <Data site={site} text={remark.text} />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <PostingApplications site={site} postingId={posting.id} />
      <div class="panel">
        <h2>{t.postingData}</h2>
        <PostingData site={site} form={posting.form} data={posting.data} />
      </div>
      {posting.edit ? (
        <div class="panel">
          <h2>{t.editHeading}</h2>
          {posting.live ? <p>{t.editLive}</p> : null}
          <FormProblems lang={site.lang} heading={t.formHasErrors} problems={editErrors?.general ?? []} fieldCount={Object.keys(editErrors?.fields ?? {}).length} />
          <form method="post" action={site.href(`${base}/edit`)} class="case-form" novalidate>
            <CsrfField site={site} />
            <input type="hidden" name="version" value={String(posting.version)} />
            <SchemaFields lang={site.lang} texts={t} form={posting.form} values={editValues ?? posting.data} errors={editErrors?.fields} omit={[EMPLOYER_FIELD]} idPrefix="edit" />
            <button type="submit">{t.editButton}</button>
          </form>
        </div>
      ) : null}
      {posting.withdraw && posting.withdrawForm ? (
        <div class="panel">
          <h2>{t.withdrawHeading}</h2>
          <p>{t.withdrawIntro}</p>
          <FormProblems lang={site.lang} heading={t.formHasErrors} problems={withdrawErrors?.general ?? []} fieldCount={Object.keys(withdrawErrors?.fields ?? {}).length} />
          <form method="post" action={site.href(`${base}/withdraw`)} class="case-form" novalidate>
            <CsrfField site={site} />
            <input type="hidden" name="version" value={String(posting.version)} />
            <SchemaFields lang={site.lang} texts={t} form={posting.withdrawForm} values={withdrawValues ?? {}} errors={withdrawErrors?.fields} idPrefix="withdraw" />
            <button type="submit" class="secondary">
              {t.withdrawButton}
            </button>
          </form>
        </div>
      ) : null}
    </Layout>
  );
};
