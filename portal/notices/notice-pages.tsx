/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { ObjectionFieldError as FieldError, PublicNotice } from '../../runtime/notices/index.ts';
import { Data, Layout } from '../pages/layout.tsx';
import type { Site } from '../site.ts';
import { noticeMessages } from './messages.ts';
import { NoticeFacts, noticeTitle } from './notice-parts.tsx';
import { ObjectionForm, type ObjectionValues } from './objection-form.tsx';

/** `/notices`: every notice in its period, ending soonest first. */
export const NoticeListPage: FC<{ site: Site; notices: readonly PublicNotice[] }> = ({ site, notices }) => {
  const t = noticeMessages(site.lang);
  return (
    <Layout site={site} head={{ title: `${t.listTitle} - ${site.m.siteName}`, description: t.listIntro, path: '/notices' }}>
      <h1>{t.listTitle}</h1>
      <p>{t.listIntro}</p>
      {notices.length === 0 ? (
        <p class="panel">{t.empty}</p>
      ) : (
        <ul class="results">
          {notices.map((notice) => (
            <li class="job">
              <h2>
                <a href={site.href(`/notices/${notice.id}`)}>
                  <Data site={site} text={noticeTitle(site, notice)} />
                </a>
              </h2>
              <NoticeFacts site={site} notice={notice} />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
};

/** `/notices/{id}`: one notice and the objection form, again with what was typed and what is wrong when a sending was refused. */
export const NoticePage: FC<{ site: Site; notice: PublicNotice; values?: ObjectionValues; errors?: readonly FieldError[] }> = ({ site, notice, values, errors }) => {
  const t = noticeMessages(site.lang);
  const title = noticeTitle(site, notice);
  return (
    <Layout site={site} head={{ title: `${title} - ${t.listTitle} - ${site.m.siteName}`, path: `/notices/${notice.id}`, noindex: true }}>
      <nav class="breadcrumb" aria-label={t.listTitle}>
        <ol>
          <li>
            <a href={site.href('/notices')}>{t.listTitle}</a>
          </li>
          <li aria-current="page">
            <Data site={site} text={title} />
          </li>
        </ol>
      </nav>
      <article class="panel">
        <h1>
          <Data site={site} text={title} />
        </h1>
        <NoticeFacts site={site} notice={notice} />
      </article>
      <ObjectionForm site={site} action={site.href(`/notices/${notice.id}/objections`)} values={values ?? { name: '', phone: '', reason: '' }} errors={errors ?? []} />
    </Layout>
  );
};

/** A page that only says what happened to an objection (received, refused) or that a notice is not there, with the way back to the list. */
export const NoticeMessagePage: FC<{ site: Site; path: string; title: string; text: string }> = ({ site, path, title, text }) => {
  const t = noticeMessages(site.lang);
  return (
    <Layout site={site} head={{ title: `${title} - ${site.m.siteName}`, path, noindex: true }}>
      <div class="panel" role="status">
        <h1>{title}</h1>
        <p>{text}</p>
        <p>
          <a href={site.href('/notices')}>{t.backToList}</a>
        </p>
      </div>
    </Layout>
  );
};
