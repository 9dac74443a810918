/** @jsxImportSource hono/jsx */
import type { Child, FC } from 'hono/jsx';
import type { PublicPostingDetail } from '../../runtime/postings/types.ts';
import { divisionNames, facetValueLabel, payText } from '../labels.ts';
import { chinaDay, formatDay } from '../locale.ts';
import { queryParams } from '../search-query.ts';
import type { Site } from '../site.ts';
import { jobPostingJsonLd, scriptJson } from '../structured-data.ts';
import { Data, Layout, fill } from './layout.tsx';

/** One line of the facts list. */
const Fact: FC<{ label: string; children?: Child }> = ({ label, children }) => (
  <div>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);

/** Where the breadcrumb says the page is: home, the search, this posting. */
const Breadcrumb: FC<{ site: Site; title: string }> = ({ site, title }) => (
  <nav class="breadcrumb" aria-label={site.m.breadcrumb}>
    <ol>
      <li>
        <a href={site.href('/')}>{site.m.navHome}</a>
      </li>
      <li>
        <a href={site.href('/jobs')}>{site.m.searchHeading}</a>
      </li>
      <li aria-current="page">
        <Data site={site} text={title} />
      </li>
    </ol>
  </nav>
);

/**
 * `/jobs/{id}`: a live posting, with what a job seeker needs to decide (employer, pay, place,
 * requirements, validity), how to apply (`apply`: online, from the applications' routes; in person
 * without it), and the posting as schema.org `JobPosting` for search engines.
 */
export const PostingPage: FC<{ site: Site; posting: PublicPostingDetail; apply?: Child }> = ({ site, posting, apply }) => {
  const { m, lang } = site;
  const place = divisionNames(posting.workArea, posting.workAreaName).join('');
  const ld = jobPostingJsonLd(posting, site.absolute(`/jobs/${posting.id}`, undefined, 'zh-CN'), { duties: m.duties, requirements: m.requirements });
  const extra = <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(ld) }} />;
  const description = `${posting.employerName} · ${payText(lang, posting.payMinFen, posting.payMaxFen, posting.payBasis)} · ${place}`;
  return (
    <Layout site={site} head={{ title: `${posting.title} - ${posting.employerName} - ${m.siteName}`, description, path: `/jobs/${posting.id}`, extra }}>
      <Breadcrumb site={site} title={posting.title} />
      <article class="panel" aria-labelledby="posting-title">
        <h1 id="posting-title">
          <Data site={site} text={posting.title} />
        </h1>
        <p class="pay">{payText(lang, posting.payMinFen, posting.payMaxFen, posting.payBasis)}</p>
        <p>
          <Data site={site} text={posting.employerName} />
        </p>
        <h2>{m.postingFacts}</h2>
        <dl class="facts">
          <Fact label={m.employer}>
            <Data site={site} text={posting.employerName} />
          </Fact>
          <Fact label={m.salary}>{payText(lang, posting.payMinFen, posting.payMaxFen, posting.payBasis)}</Fact>
          <Fact label={m.place}>
            <Data site={site} text={place} />
          </Fact>
          <Fact label={m.occupation}>
            <Data site={site} text={posting.occupationName} />
          </Fact>
          {posting.industryName ? (
            <Fact label={m.industry}>
              <Data site={site} text={posting.industryName} />
            </Fact>
          ) : null}
          <Fact label={m.educationRequired}>{facetValueLabel(lang, 'education', posting.education)}</Fact>
          <Fact label={m.employmentFormLabel}>{facetValueLabel(lang, 'employmentForm', posting.employmentForm)}</Fact>
          <Fact label={m.headcountLabel}>{m.headcountValue(posting.headcount)}</Fact>
          {posting.skillLevel ? <Fact label={m.skillLevelLabel}>{m.skillLevel[posting.skillLevel] ?? posting.skillLevel}</Fact> : null}
          {posting.experienceYears !== null ? <Fact label={m.experienceLabel}>{m.experienceValue(posting.experienceYears)}</Fact> : null}
          <Fact label={m.validity}>{m.validityValue(formatDay(lang, posting.validFrom), formatDay(lang, posting.validUntil))}</Fact>
          <Fact label={m.postedLabel}>
            <time datetime={posting.publishedAt}>{formatDay(lang, chinaDay(posting.publishedAt))}</time>
          </Fact>
          <Fact label={m.postingNo}>{posting.caseNo}</Fact>
        </dl>
        <h2>{m.duties}</h2>
        <p class="prose">
          <Data site={site} text={posting.duties} />
        </p>
        {posting.requirements ? (
          <>
            <h2>{m.requirements}</h2>
            <p class="prose">
              <Data site={site} text={posting.requirements} />
            </p>
          </>
        ) : null}
      </article>
      <section class="panel" aria-labelledby="how-to-apply">
        <h2 id="how-to-apply">{m.howToApply}</h2>
        {apply ?? <p>{fill(m.applyInPerson, { place: <Data site={site} text={place} />, caseNo: posting.caseNo })}</p>}
        <p>{m.applyFree}</p>
        <p>
          <a href={site.href('/jobs', queryParams({ occupation: posting.occupation.slice(0, 4), district: posting.workArea.slice(0, 6) }))}>{m.searchSimilar}</a>
        </p>
      </section>
    </Layout>
  );
};
