import type { RuntimeContext } from '../runtime-context.ts';
import { postingPage, postingSitemap } from './posting-page.ts';
import { searchPostings } from './posting-search.ts';
import type { PublicPostings } from './types.ts';

/**
 * The public postings of this installation, read without a signed-in user: every city's open
 * postings, nothing a public page may not show. Reads the projection the case transaction keeps
 * (`postingProjection`), so a posting that leaves the published state is gone from the next read.
 */
export function publicPostings(rt: RuntimeContext): PublicPostings {
  return {
    search: (query) => searchPostings(rt.db, rt.clock(), query),
    page: (id) => postingPage(rt, rt.db, id),
    sitemap: () => postingSitemap(rt.db, rt.clock()),
  };
}
