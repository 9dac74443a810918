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

/** A page that is not there (HTTP 404), a posting never published among them. */
export const NotFoundPage: FC<{ site: Site; path: string }> = ({ site, path }) => {
  const { m } = site;
  return (
    <Layout site={site} head={{ title: `${m.notFoundTitle} - ${m.siteName}`, path, noindex: true }}>
      <div class="panel">
        <h1>{m.notFoundTitle}</h1>
        <p>{m.notFoundText}</p>
        <p>
          <a href={site.href('/jobs')}>{m.backToSearch}</a>
        </p>
      </div>
    </Layout>
  );
};

/** What a visitor sees when the server failed (HTTP 500): no detail of the failure, which goes to the log. */
export const ErrorPage: FC<{ site: Site; path: string }> = ({ site, path }) => {
  const { m } = site;
  return (
    <Layout site={site} head={{ title: `${m.errorTitle} - ${m.siteName}`, path, noindex: true }}>
      <div class="panel">
        <h1>{m.errorTitle}</h1>
        <p>{m.errorText}</p>
      </div>
    </Layout>
  );
};
