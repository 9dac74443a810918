/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { queryParams } from '../search-query.ts';
import type { Site } from '../site.ts';
import { Data, Layout } from './layout.tsx';

/** A posting no longer open (HTTP 410): what it was, why it closed, and a search for others like it. */
export const GonePage: FC<{ site: Site; id: string; status: 'withdrawn' | 'filled' | 'expired'; title: string; employerName: string }> = ({ site, id, status, title, employerName }) => {
  const { m } = site;
  return (
    <Layout site={site} head={{ title: `${m.goneTitle}: ${title} - ${m.siteName}`, path: `/jobs/${id}`, noindex: true }}>
      <div class="panel">
        <h1>
          <Data site={site} text={title} />
        </h1>
        <p>
          <Data site={site} text={employerName} />
        </p>
        <p class="notice" id="posting-closed" data-status={status}>
          <strong>{m.goneTitle}.</strong> {m.gone[status]}
        </p>
        <p>
          <a href={site.href('/jobs', queryParams({ q: title }))}>{m.searchSimilar}</a>
        </p>
      </div>
    </Layout>
  );
};

/** A page that only says something, kept out of search engines: a heading, a line, and maybe a way on. */
export const NoticePage: FC<{ site: Site; path: string; title: string; text: string; children?: unknown }> = ({ site, path, title, text, children }) => (
  <Layout site={site} head={{ title: `${title} - ${site.m.siteName}`, path, noindex: true }}>
    <div class="panel">
      <h1>{title}</h1>
      <p>{text}</p>
      {children}
    </div>
  </Layout>
);

/** A page that is not there (HTTP 404), a posting never published among them. */
export const NotFoundPage: FC<{ site: Site; path: string }> = ({ site, path }) => (
  <NoticePage site={site} path={path} title={site.m.notFoundTitle} text={site.m.notFoundText}>
    <p>
      <a href={site.href('/jobs')}>{site.m.backToSearch}</a>
    </p>
  </NoticePage>
);

/** What a visitor sees when the server failed (HTTP 500): no detail of the failure, which goes to the log. */
export const ErrorPage: FC<{ site: Site; path: string }> = ({ site, path }) => <NoticePage site={site} path={path} title={site.m.errorTitle} text={site.m.errorText} />;
