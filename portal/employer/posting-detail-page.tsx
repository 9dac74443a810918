/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { EmployerPostingView } from '../../runtime/employer-accounts/index.ts';
import type { FormDefinition } from '../../runtime/public-forms/index.ts';
import { CsrfField } from '../session/csrf-field.tsx';
import { formFields, formValues, ProblemSummary, SchemaFields, SchemaValues, type FormProblems, type FormValues } from '../forms/index.ts';
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

/**
 * An employer's posting: its case number and state, a link to its public page while live, the
 * review's remarks, the place for its applications, the posting's data, and the edit and withdraw
 * forms the state offers the applicant (the one refused shown again with its messages).
 */
export const PostingDetailPage: FC<{ site: Site; posting: PostingDetail; done?: Done | undefined; editValues?: FormValues; editProblems?: FormProblems | undefined; withdrawValues?: FormValues; withdrawProblems?: FormProblems | undefined }> = ({ site, posting, done, editValues, editProblems, withdrawValues, withdrawProblems }) => {
  const t = employerMessages(site.lang);
  const base = `/employer/postings/${posting.id}`;
  const editFields = formFields(posting.form, site.lang, [EMPLOYER_FIELD]);
  const withdrawFields = posting.withdrawForm ? formFields(posting.withdrawForm, site.lang) : [];
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
        <SchemaValues site={site} fields={formFields(posting.form, site.lang)} data={posting.data} />
      </div>
      {posting.edit ? (
        <div class="panel">
          <h2>{t.editHeading}</h2>
          {posting.live ? <p>{t.editLive}</p> : null}
          {editProblems ? <ProblemSummary site={site} heading={t.formHasErrors} fields={editFields} problems={editProblems} idPrefix="edit" /> : null}
          <form method="post" action={site.href(`${base}/edit`)} class="case-form" novalidate>
            <CsrfField site={site} />
            <input type="hidden" name="version" value={String(posting.version)} />
            <SchemaFields site={site} fields={editFields} values={editValues ?? formValues(editFields, posting.data)} errors={editProblems?.fields} idPrefix="edit" />
            <button type="submit">{t.editButton}</button>
          </form>
        </div>
      ) : null}
      {posting.withdraw && posting.withdrawForm ? (
        <div class="panel">
          <h2>{t.withdrawHeading}</h2>
          <p>{t.withdrawIntro}</p>
          {withdrawProblems ? <ProblemSummary site={site} heading={t.formHasErrors} fields={withdrawFields} problems={withdrawProblems} idPrefix="withdraw" /> : null}
          <form method="post" action={site.href(`${base}/withdraw`)} class="case-form" novalidate>
            <CsrfField site={site} />
            <input type="hidden" name="version" value={String(posting.version)} />
            <SchemaFields site={site} fields={withdrawFields} values={withdrawValues ?? {}} errors={withdrawProblems?.fields} idPrefix="withdraw" />
            <button type="submit" class="secondary">
              {t.withdrawButton}
            </button>
          </form>
        </div>
      ) : null}
    </Layout>
  );
};
