/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { actOnPosting, employerPosting, employerPostings, isPlatformError, postingForm, submitPosting, type ApplicantAction } from '../../runtime/employer-accounts/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { requireAccount, signedIn } from '../session/require-account.tsx';
import { formData, formErrors } from '../forms/form-values.ts';
import { langPrefix, langs } from '../locale.ts';
import { NotFoundPage } from '../pages/notice-pages.tsx';
import { page } from '../render.ts';
import type { PortalEnv, Site } from '../site.ts';
import { PostingDetailPage, type Done } from './posting-detail-page.tsx';
import { NewPostingPage, PostingsPage } from './postings-page.tsx';

const DONE: readonly Done[] = ['submitted', 'edited', 'withdrawn'];

/** The text fields of a posted form, files and repeated names left out. */
async function bodyOf(c: Context<PortalEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
}

/**
 * The employer's self-service on the public site, under `/employer` (`/en/employer` in English),
 * for a verified employer account only (`requireAccount('employer')`): its postings with their
 * states and review remarks, a new posting on the form in force for its city (a vacancy case in the
 * reviewers' inbox, opened online), and editing or withdrawing one of its own. Another employer's
 * posting is not found. A refused form is shown again with a message per field (422); a step
 * done answers 303 to the posting's page, which says what happened.
 */
export function addEmployerRoutes(app: Hono<PortalEnv>, rt: RuntimeContext, siteOf: (c: Context<PortalEnv>) => Site): void {
  for (const lang of langs) {
    const base = `${langPrefix(lang)}/employer`;
    app.use(base, requireAccount(rt, 'employer'));
    app.use(`${base}/*`, requireAccount(rt, 'employer'));
    const account = signedIn;
    const detailPath = (id: string, done: Done) => `${base}/postings/${id}?done=${done}`;

    app.get(base, (c) => c.redirect(`${base}/postings`, 303));
    app.get(`${base}/postings`, async (c) => page(c, <PostingsPage site={siteOf(c)} postings={await employerPostings(rt, account(c))} />));
    app.get(`${base}/postings/new`, async (c) => page(c, <NewPostingPage site={siteOf(c)} form={await postingForm(rt, account(c))} values={{}} />));
    app.post(`${base}/postings/new`, async (c) => {
      const form = await postingForm(rt, account(c));
      const values = await bodyOf(c);
      try {
        const { id } = await submitPosting(rt, account(c), formData(form, values));
        return c.redirect(detailPath(id, 'submitted'), 303);
      } catch (error) {
        const errors = formErrors(error);
        if (!errors) throw error;
        return page(c, <NewPostingPage site={siteOf(c)} form={form} values={values} errors={errors} />, 422);
      }
    });

    /** One of the account's postings, or the site's 404 page for anything else. */
    const detail = async (c: Context<PortalEnv>, extra: Partial<Parameters<typeof PostingDetailPage>[0]> = {}, status: 200 | 422 = 200) => {
      const site = siteOf(c);
      try {
        const posting = await employerPosting(rt, account(c), c.req.param('id')!);
        return page(c, <PostingDetailPage site={site} posting={posting} {...extra} />, status);
      } catch (error) {
        if (isPlatformError(error, 'NOT_FOUND')) return page(c, <NotFoundPage site={site} path={c.req.path.slice(langPrefix(lang).length)} />, 404);
        throw error;
      }
    };
    app.get(`${base}/postings/:id`, (c) => {
      const done = c.req.query('done');
      return detail(c, { done: DONE.find((each) => each === done) });
    });

    const act = (action: ApplicantAction) => async (c: Context<PortalEnv>) => {
      const id = c.req.param('id')!;
      const values = await bodyOf(c);
      try {
        const posting = await employerPosting(rt, account(c), id);
        const form = action === 'edit' ? posting.form : posting.withdrawForm;
        await actOnPosting(rt, account(c), id, { action, version: Number(values['version']), data: form ? formData(form, values) : {} });
        return c.redirect(detailPath(id, action === 'edit' ? 'edited' : 'withdrawn'), 303);
      } catch (error) {
        // Not the account's posting: the 404 page, as for reading it.
        if (isPlatformError(error, 'NOT_FOUND')) return detail(c);
        const errors = formErrors(error);
        if (!errors) throw error;
        return detail(c, action === 'edit' ? { editValues: values, editErrors: errors } : { withdrawValues: values, withdrawErrors: errors }, 422);
      }
    };
    app.post(`${base}/postings/:id/edit`, act('edit'));
    app.post(`${base}/postings/:id/withdraw`, act('withdraw'));
  }
}
