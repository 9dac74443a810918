/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import {
  activeJobSeeking,
  applyToPosting,
  declineApplication,
  hasApplied,
  jobSeekingForm,
  postingApplications,
  postingOfApplication,
  recordHire,
  registerJobSeekerOnline,
} from '../../runtime/job-applications/index.ts';
import type { PostingQuery, PublicPostingDetail, PublicPostings } from '../../runtime/postings/types.ts';
import type { PublicAccount } from '../../runtime/public-accounts/types.ts';
import { noneIfNotFound, publicRefusalOf, type PublicRefusal } from '../../runtime/public-forms/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { deleteSavedSearch, saveSearch, searchOfFeedToken } from '../../runtime/saved-searches/index.ts';
import { requireAccount, signedIn } from '../session/require-account.tsx';
import { atomFeed } from '../feeds/atom.ts';
import { formFields, noProblems, problemsOf, readForm } from '../forms/index.ts';
import { chinaDay, fillText, langPrefix, langs, type Lang } from '../locale.ts';
import { GonePage } from '../pages/notice-pages.tsx';
import { PostingPage } from '../pages/posting-page.tsx';
import { parseQuery, queryParams } from '../search-query.ts';
import { page } from '../render.ts';
import type { PortalEnv, Site } from '../site.ts';
import { ApplySection, type ApplyStanding } from './apply-section.tsx';
import { JobSeekingPage } from './job-seeking-page.tsx';
import { PostingApplicationsPage } from './posting-applications.tsx';
import { SaveSearchForm } from './save-search-form.tsx';
import { textsOf } from './texts.ts';

/** Entries in a saved search's feed. */
const FEED_SIZE = 50;

/** A path of the site given back after signing in or registering: only one of this site's own. */
function localPath(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])[\w\-./?=&%#]*$/.test(value) ? value : undefined;
}

/** Where a visitor stands towards applying to a live posting. */
async function standingOf(rt: RuntimeContext, account: PublicAccount | undefined, postingId: string): Promise<ApplyStanding> {
  if (!account) return 'signed-out';
  if (account.kind !== 'citizen' || account.status !== 'active' || !account.personId) return 'employer';
  if (await hasApplied(rt, account, postingId)) return 'applied';
  return (await activeJobSeeking(rt, account)) ? 'open' : 'needs-job-seeking';
}

/** The posting page's way to apply, for the visitor it is shown to (`notice`, `error`: what a POST just did). */
export async function applySection(rt: RuntimeContext, site: Site, posting: PublicPostingDetail, said: { notice?: string | undefined; error?: string | undefined } = {}) {
  const standing = await standingOf(rt, site.account, posting.id);
  return <ApplySection site={site} postingId={posting.id} caseNo={posting.caseNo} standing={standing} notice={said.notice} error={said.error} />;
}

/** The search page's "save this search". */
export function saveSearchSlot(site: Site, query: PostingQuery) {
  return <SaveSearchForm site={site} query={query} />;
}

/** A refusal of a form that has no fields of its own to show it beside (applying, a hire): every message in one line. */
function oneLine(refusal: PublicRefusal, lang: Lang): string {
  const { fields, general } = problemsOf(refusal, lang);
  return [...Object.values(fields), ...general].join(' ');
}

/** A record out of the account's reach answers the site's 404 page, as one that does not exist. */
async function orNotFound(c: Context<PortalEnv>, answer: () => Promise<Response>): Promise<Response> {
  try {
    return await answer();
  } catch (error) {
    noneIfNotFound(error); // throws on anything but a record not there
    return c.notFound();
  }
}

/**
 * The citizen's and the employer's self-service on the postings, in both languages: applying to a
 * posting (`POST /jobs/{id}/apply`), the online job-seeker registration (`/my/job-seeking`), saving
 * and deleting searches (`/my/searches`), a saved search's personal feed (`/feeds/saved/{token}`),
 * and an employer's applications with hire and refusal (`/employer/…`). Every form is a POST the
 * portal checks for its CSRF token; every refusal is shown on the page it came from.
 */
export function addApplicationRoutes(app: Hono<PortalEnv>, rt: RuntimeContext, postings: PublicPostings, siteOf: (c: Context<PortalEnv>) => Site): void {
  for (const lang of langs) {
    const prefix = langPrefix(lang);
    const t = textsOf(lang);

    app.post(`${prefix}/jobs/:id/apply`, requireAccount(rt, 'citizen'), async (c) => {
      const id = c.req.param('id');
      const site = siteOf(c);
      const body = await c.req.parseBody();
      if (!(await postings.page(id))) return c.notFound();
      try {
        await applyToPosting(rt, signedIn(c), id, { note: typeof body['note'] === 'string' ? body['note'] : undefined, sharePhone: body['sharePhone'] === 'yes' });
        return c.redirect(`${prefix}/jobs/${id}?applied=1#apply`, 303);
      } catch (error) {
        const refusal = publicRefusalOf(error);
        if (!refusal) throw error;
        const found = await postings.page(id);
        if (!found) return c.notFound();
        if (found.status !== 'live') {
          return page(c, <GonePage site={site} id={id} status={found.status} title={found.title} employerName={found.employerName} />, 410);
        }
        return page(c, <PostingPage site={site} posting={found.posting} apply={await applySection(rt, site, found.posting, { error: oneLine(refusal, lang) })} />, refusal.status);
      }
    });

    app.get(`${prefix}/my/job-seeking`, requireAccount(rt, 'citizen'), async (c) => {
      const site = siteOf(c);
      const account = signedIn(c);
      if (await activeJobSeeking(rt, account)) return c.redirect(`${prefix}/my`, 303);
      const { form } = await jobSeekingForm(rt, account);
      return page(c, <JobSeekingPage site={site} form={form} cityCode={account.cityCode} values={{}} problems={noProblems()} next={localPath(c.req.query('next'))} />);
    });

    app.post(`${prefix}/my/job-seeking`, requireAccount(rt, 'citizen'), async (c) => {
      const site = siteOf(c);
      const account = signedIn(c);
      const body = await c.req.parseBody({ all: true });
      const next = localPath(body['next']);
      const { form } = await jobSeekingForm(rt, account);
      const fields = formFields(form, lang);
      const { data, values } = readForm(fields, body);
      try {
        await registerJobSeekerOnline(rt, account, data);
        return c.redirect(next ?? `${prefix}/my`, 303);
      } catch (error) {
        const refusal = publicRefusalOf(error);
        if (!refusal) throw error;
        return page(c, <JobSeekingPage site={site} form={form} cityCode={account.cityCode} values={values} problems={problemsOf(refusal, lang, fields)} next={next} />, refusal.status);
      }
    });

    app.post(`${prefix}/my/searches`, requireAccount(rt, 'citizen'), async (c) => {
      const body = await c.req.parseBody();
      const query = parseQuery(new URLSearchParams(typeof body['search'] === 'string' ? body['search'] : ''));
      const queryString = queryParams({ ...query, page: undefined, sort: undefined }).toString();
      await saveSearch(rt, signedIn(c), { queryString, query });
      return c.redirect(`${prefix}/my#my-searches`, 303);
    });

    app.post(`${prefix}/my/searches/:id/delete`, requireAccount(rt, 'citizen'), (c) =>
      orNotFound(c, async () => {
        await deleteSavedSearch(rt, signedIn(c), c.req.param('id'));
        return c.redirect(`${prefix}/my#my-searches`, 303);
      }),
    );

    app.get(`${prefix}/feeds/saved/:token`, async (c) => {
      const token = c.req.param('token');
      const query = await searchOfFeedToken(rt, token);
      if (!query) return c.notFound();
      const result = await postings.search({ ...query, sort: 'date', page: 1, pageSize: FEED_SIZE });
      c.header('Content-Type', 'application/atom+xml; charset=utf-8');
      // The address is a secret: kept out of shared caches and of search engines.
      c.header('Cache-Control', 'private, no-cache');
      c.header('X-Robots-Tag', 'noindex');
      return c.body(atomFeed(siteOf(c), query, result, rt.clock(), `/feeds/saved/${token}`));
    });

    app.get(`${prefix}/employer/postings/:id/applications`, requireAccount(rt, 'employer'), (c) => orNotFound(c, async () => {
      const site = siteOf(c);
      const { posting, items } = await postingApplications(rt, signedIn(c), c.req.param('id'));
      const hired = c.req.query('hired');
      const notice = hired && /^[A-Z]{2}\d{8,24}$/.test(hired) ? fillText(t.hireDone, { caseNo: hired }) : c.req.query('declined') ? t.declineDone : undefined;
      return page(c, <PostingApplicationsPage site={site} posting={posting} items={items} now={rt.clock()} notice={notice} />);
    }));

    const decide = (action: 'hire' | 'decline') =>
      app.post(`${prefix}/employer/applications/:id/${action}`, requireAccount(rt, 'employer'), (c) => orNotFound(c, async () => {
        const site = siteOf(c);
        const account = signedIn(c);
        const id = c.req.param('id');
        const body = await c.req.parseBody();
        try {
          if (action === 'hire') {
            const hired = await recordHire(rt, account, id, { hireDate: typeof body['hireDate'] === 'string' ? body['hireDate'] : chinaDay(rt.clock().toISOString()) });
            return c.redirect(`${prefix}/employer/postings/${hired.postingId}/applications?hired=${hired.employmentCaseNo}`, 303);
          }
          const declined = await declineApplication(rt, account, id);
          return c.redirect(`${prefix}/employer/postings/${declined.postingId}/applications?declined=1`, 303);
        } catch (error) {
          const refusal = publicRefusalOf(error);
          if (!refusal || refusal.code === 'NOT_FOUND') throw error;
          const postingId = await postingOfApplication(rt, account, id);
          const { posting, items } = await postingApplications(rt, account, postingId);
          return page(c, <PostingApplicationsPage site={site} posting={posting} items={items} now={rt.clock()} error={oneLine(refusal, lang)} />, refusal.status);
        }
      }));
    decide('hire');
    decide('decline');
  }
}
