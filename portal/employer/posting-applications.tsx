/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { Site } from '../site.ts';
import { employerMessages } from './employer-messages.ts';

/**
 * The way from an employer's posting page to the applications to it (who applied, and the hire or
 * refusal recorded there): a link rather than the list itself, since reading the list marks the
 * applications seen, which only opening it should do. The page passes the posting it shows,
 * already checked to be the signed-in employer's own.
 */
export const PostingApplications: FC<{ site: Site; postingId: string }> = ({ site, postingId }) => {
  const t = employerMessages(site.lang);
  return (
    <section class="panel" aria-labelledby="posting-applications">
      <h2 id="posting-applications">{t.applicationsHeading}</h2>
      <p>{t.applicationsIntro}</p>
      <p>
        <a href={site.href(`/employer/postings/${postingId}/applications`)}>{t.viewApplications}</a>
      </p>
    </section>
  );
};
