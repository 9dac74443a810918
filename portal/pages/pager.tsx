/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { PostingQuery } from '../../runtime/postings/types.ts';
import { queryParams } from '../search-query.ts';
import type { Site } from '../site.ts';

/** The pages a pager names: the first, the last, and two either side of the current one; `0` for a gap. */
export function pageNumbers(page: number, pages: number): number[] {
  const numbers: number[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) numbers.push(n);
    else if (numbers[numbers.length - 1] !== 0) numbers.push(0);
  }
  return numbers;
}

/**
 * Links to the other pages of a search, the current one marked for screen readers (`aria-current="page"`);
 * `linkTo` writes a page's address for lists other than the job search.
 */
export const Pager: FC<{ site: Site; query: PostingQuery; page: number; pages: number; linkTo?: (page: number) => string }> = ({ site, query, page, pages, linkTo }) => {
  const { m } = site;
  if (pages <= 1) return null;
  const link = linkTo ?? ((n: number) => site.href('/jobs', queryParams({ ...query, page: n })));
  return (
    <nav class="pager" aria-label={m.pagination}>
      {page > 1 ? (
        <a href={link(page - 1)} rel="prev">
          {m.previousPage}
        </a>
      ) : null}
      {pageNumbers(page, pages).map((n) =>
        n === 0 ? (
          <span aria-hidden="true">…</span>
        ) : n === page ? (
          <span aria-current="page">
            <span class="sr-only">{m.pageOf(n, pages)}</span>
            <span aria-hidden="true">{n}</span>
          </span>
        ) : (
          <a href={link(n)} aria-label={m.pageLink(n)}>
            {n}
          </a>
        ),
      )}
      {page < pages ? (
        <a href={link(page + 1)} rel="next">
          {m.nextPage}
        </a>
      ) : null}
    </nav>
  );
};
