/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { PublicPostingSummary } from '../../runtime/postings/types.ts';
import { facetValueLabel, payText } from '../labels.ts';
import { chinaDay, formatDay } from '../locale.ts';
import type { Site } from '../site.ts';
import { Data } from './layout.tsx';

/** One posting in a list (the newest on the home page, a search's results): title, pay, employer, place, when. */
export const PostingCard: FC<{ site: Site; posting: PublicPostingSummary }> = ({ site, posting }) => {
  const { m, lang } = site;
  const day = chinaDay(posting.publishedAt);
  return (
    <li class="job">
      <h3>
        <a href={site.href(`/jobs/${posting.id}`)}>
          <Data site={site} text={posting.title} />
        </a>
      </h3>
      <p class="pay">{payText(lang, posting.payMinFen, posting.payMaxFen, posting.payBasis)}</p>
      <p class="meta">
        <span>
          <Data site={site} text={posting.employerName} />
        </span>
        <span>
          <Data site={site} text={posting.workAreaName} />
        </span>
        <span>{facetValueLabel(lang, 'education', posting.education)}</span>
        <span>{facetValueLabel(lang, 'employmentForm', posting.employmentForm)}</span>
        <span>{m.headcount(posting.headcount)}</span>
        <span>
          <time datetime={posting.publishedAt}>{m.postedOn(formatDay(lang, day))}</time>
        </span>
      </p>
    </li>
  );
};
