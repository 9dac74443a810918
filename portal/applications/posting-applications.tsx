/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { EmployerApplicationView } from '../../runtime/job-applications/index.ts';
import { CsrfField } from '../session/csrf-field.tsx';
import { chinaDay, fillText, formatDay } from '../locale.ts';
import { Data, fill, Layout } from '../pages/layout.tsx';
import { SentOutcome } from '../pages/form-parts.tsx';
import type { Site } from '../site.ts';
import { textsOf } from './texts.ts';

/**
 * The applications to one of the employer's postings: who applied, their note, their mobile if
 * they chose to show it, where each stands, and, for one not decided yet, a hire (which sends the
 * employment registration to the office) or a "not taken". The component the employer's posting
 * page places; `/employer/postings/{id}/applications` shows it on its own.
 */
export const PostingApplicationsList: FC<{ site: Site; items: EmployerApplicationView[]; today: string }> = ({ site, items, today }) => {
  const t = textsOf(site.lang);
  if (items.length === 0) return <p>{t.noApplicationsYet}</p>;
  // Too wide for a phone, the table scrolls sideways in its own box, which a keyboard can reach and scroll
  // (tabindex) and a screen reader names (region): once every application is decided it holds no control.
  return (
    <div class="table-wrap" role="region" aria-label={t.applicationsHeading} tabindex={0}>
      <table class="applications">
        <caption class="sr-only">{t.applicationsHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{t.applicantName}</th>
            <th scope="col">{t.applicantPhone}</th>
            <th scope="col">{t.applicantNote}</th>
            <th scope="col">{t.appliedAt}</th>
            <th scope="col">{t.stateLabel}</th>
            <th scope="col">{t.actionsLabel}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr data-application={item.id}>
              <th scope="row">
                <Data site={site} text={item.applicantName} />
              </th>
              <td>{item.phone ?? t.phoneNotShared}</td>
              <td class="prose">{item.note ? <Data site={site} text={item.note} /> : '—'}</td>
              <td>
                <time datetime={item.createdAt}>{formatDay(site.lang, chinaDay(item.createdAt))}</time>
              </td>
              <td>{t.applicationState[item.state]}</td>
              <td>
                {item.state === 'sent' || item.state === 'seen' ? (
                  <>
                    <form method="post" action={site.href(`/employer/applications/${item.id}/hire`)} class="stack">
                      <CsrfField site={site} />
                      <label for={`hire-${item.id}`}>{t.hireDateLabel}</label>
                      <input id={`hire-${item.id}`} type="date" name="hireDate" value={today} max={today} required />
                      <button type="submit">{t.recordHire}</button>
                    </form>
                    <form method="post" action={site.href(`/employer/applications/${item.id}/decline`)} class="inline">
                      <CsrfField site={site} />
                      <button type="submit" class="secondary">
                        {t.decline}
                      </button>
                    </form>
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** `/employer/postings/{id}/applications`: the list on a page of its own, with what the last action did. */
export const PostingApplicationsPage: FC<{
  site: Site;
  posting: { id: string; title: string };
  items: EmployerApplicationView[];
  now: Date;
  notice?: string | undefined;
  error?: string | undefined;
}> = ({ site, posting, items, now, notice, error }) => {
  const t = textsOf(site.lang);
  const title = fillText(t.applicationsTitle, { title: posting.title });
  return (
    <Layout site={site} head={{ title: `${title} - ${site.m.siteName}`, path: `/employer/postings/${posting.id}/applications`, noindex: true }}>
      <div class="panel">
        <h1>{fill(t.applicationsTitle, { title: <Data site={site} text={posting.title} /> })}</h1>
        <SentOutcome notice={notice} error={error} />
        <PostingApplicationsList site={site} items={items} today={chinaDay(now.toISOString())} />
        <p>
          <a href={site.href(`/jobs/${posting.id}`)}>{t.backToPosting}</a>
        </p>
      </div>
    </Layout>
  );
};
