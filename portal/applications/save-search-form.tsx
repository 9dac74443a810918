/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { PostingQuery } from '../../runtime/postings/types.ts';
import { CsrfField } from '../session/csrf-field.tsx';
import { queryParams } from '../search-query.ts';
import type { Site } from '../site.ts';
import { textsOf } from './texts.ts';

/** The search page's "save this search": a button for a signed-in citizen, a sign-in link for a visitor, nothing for an employer. */
export const SaveSearchForm: FC<{ site: Site; query: PostingQuery }> = ({ site, query }) => {
  const t = textsOf(site.lang);
  const search = queryParams({ ...query, page: undefined, sort: undefined }).toString();
  if (!site.account) {
    const here = site.href('/jobs', queryParams({ ...query, page: undefined }));
    return (
      <p>
        <a href={site.href('/login', new URLSearchParams({ next: here }))}>{t.saveSearchSignIn}</a>
      </p>
    );
  }
  if (site.account.kind !== 'citizen') return null;
  return (
    <form method="post" action={site.href('/my/searches')} class="inline">
      <CsrfField site={site} />
      <input type="hidden" name="search" value={search} />
      <button type="submit" class="secondary">
        {t.saveSearch}
      </button>
    </form>
  );
};
