/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { activeJobSeeking, myApplications } from '../../runtime/job-applications/index.ts';
import { myMessages, mySavedSearches } from '../../runtime/saved-searches/index.ts';
import { CsrfField } from '../session/csrf-field.tsx';
import type { PublicAccount } from '../../runtime/public-accounts/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { chinaDay, fillText, formatDay } from '../locale.ts';
import type { Site } from '../site.ts';
import { Data, fill } from '../pages/layout.tsx';
import { savedSearchWords } from './saved-search-words.ts';
import { textsOf } from './texts.ts';

/**
 * The citizen's job side of `/my`: the job-seeker registration (or the way to make one), the
 * applications with where each stands, the saved searches with their personal feeds, and the
 * message box their alerts fill. Reads its own data, so `/my` only places it.
 */
export const MyJobsSection: FC<{ site: Site; account: PublicAccount; rt: RuntimeContext }> = async ({ site, account, rt }) => {
  if (account.kind !== 'citizen' || account.status !== 'active' || !account.personId) return null;
  const t = textsOf(site.lang);
  const [jobSeeking, applications, searches, messages] = await Promise.all([
    activeJobSeeking(rt, account),
    myApplications(rt, account),
    mySavedSearches(rt, account),
    myMessages(rt, account),
  ]);
  const day = (iso: string) => formatDay(site.lang, chinaDay(iso));
  return (
    <>
      <section class="panel" aria-labelledby="my-job-seeking">
        <h2 id="my-job-seeking">{t.jobSeekingTitle}</h2>
        {jobSeeking ? (
          <p>{fillText(t.jobSeekingActive, { caseNo: jobSeeking.caseNo, until: jobSeeking.validUntil ? formatDay(site.lang, jobSeeking.validUntil) : '' })}</p>
        ) : (
          <p>
            {t.jobSeekingNone} <a href={site.href('/my/job-seeking')}>{t.jobSeekingLink}</a>
          </p>
        )}
      </section>
      <section class="panel" aria-labelledby="my-applications">
        <h2 id="my-applications">{t.myApplicationsHeading}</h2>
        {applications.length === 0 ? (
          <p>{t.noApplications}</p>
        ) : (
          <ul class="list">
            {applications.map((application) => (
              <li data-application={application.id}>
                <a href={site.href(`/jobs/${application.postingId}`)}>
                  <Data site={site} text={application.title} />
                </a>{' '}
                · <Data site={site} text={application.employerName} /> · {fillText(t.appliedOn, { day: day(application.createdAt) })} ·{' '}
                <strong class={`state state-${application.state}`}>{t.applicationState[application.state]}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="panel" aria-labelledby="my-messages">
        <h2 id="my-messages">{t.messagesHeading}</h2>
        {messages.length === 0 ? (
          <p>{t.noMessages}</p>
        ) : (
          <ul class="list">
            {messages.map((message) => {
              const search = searches.find((s) => s.id === message.savedSearchId);
              return (
                <li>
                  <time datetime={message.createdAt.toISOString()}>{day(message.createdAt.toISOString())}</time>{' '}
                  {fill(t.alertMessage, { search: <Data site={site} text={search ? savedSearchWords(site.lang, search.queryString, t.allJobs) : t.allJobs} />, count: String(message.postings.length) })}
                  <ul>
                    {message.postings.map((posting) => (
                      <li>
                        <a href={site.href(`/jobs/${posting.id}`)}>
                          <Data site={site} text={posting.title} />
                        </a>{' '}
                        · <Data site={site} text={posting.employerName} />
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section class="panel" aria-labelledby="my-searches">
        <h2 id="my-searches">{t.mySearchesHeading}</h2>
        {searches.length === 0 ? (
          <p>{t.noSavedSearches}</p>
        ) : (
          <>
            <ul class="list">
              {searches.map((search) => {
                const words = savedSearchWords(site.lang, search.queryString, t.allJobs);
                return (
                  <li>
                    <a href={site.href('/jobs', new URLSearchParams(search.queryString))}>
                      <Data site={site} text={words} />
                    </a>{' '}
                    ·{' '}
                    <a href={site.href(`/feeds/saved/${search.feedToken}`)} type="application/atom+xml">
                      {t.feedLink}
                    </a>
                    <form method="post" action={site.href(`/my/searches/${search.id}/delete`)} class="inline">
                      <CsrfField site={site} />
                      <button type="submit" class="secondary" aria-label={`${t.deleteSearch}: ${words}`}>
                        {t.deleteSearch}
                      </button>
                    </form>
                  </li>
                );
              })}
            </ul>
            <p class="hint">{t.feedSecret}</p>
          </>
        )}
      </section>
    </>
  );
};
