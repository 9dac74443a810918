/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { actOnPosting, employerPosting, employerPostings, postingForm, submitPosting, type ApplicantAction } from '../../runtime/employer-accounts/index.ts';
import { publicRefusalOf } from '../../runtime/public-forms/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { requireAccount, signedIn } from '../session/require-account.tsx';
import { formFields, problemsOf, readForm, type FormField, type FormValues } from '../forms/index.ts';
import { langPrefix, langs } from '../locale.ts';
import { NotFoundPage } from '../pages/notice-pages.tsx';
import { page } from '../render.ts';
import type { PortalEnv, Site } from '../site.ts';
import { PostingDetailPage, type Done } from './posting-detail-page.tsx';
import { EMPLOYER_FIELD, NewPostingPage, PostingsPage } from './postings-page.tsx';

const DONE: readonly Done[] = ['submitted', 'edited', 'withdrawn'];

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
      const fields = formFields(form, lang, [EMPLOYER_FIELD]);
      const { data, values } = readForm(fields, await c.req.parseBody({ all: true }));
      try {
        const { id } = await submitPosting(rt, account(c), data);
        return c.redirect(detailPath(id, 'submitted'), 303);
      } catch (error) {
        const refusal = publicRefusalOf(error);
        if (!refusal) throw error;
        return page(c, <NewPostingPage site={siteOf(c)} form={form} values={values} problems={problemsOf(refusal, lang, fields)} />, refusal.status);
      }
    });

    /** One of the account's postings, or the site's 404 page for anything else. */
    const detail = async (c: Context<PortalEnv>, extra: Partial<Parameters<typeof PostingDetailPage>[0]> = {}, status: 200 | 409 | 422 = 200) => {
      const site = siteOf(c);
      try {
        const posting = await employerPosting(rt, account(c), c.req.param('id')!);
        return page(c, <PostingDetailPage site={site} posting={posting} {...extra} />, status);
      } catch (error) {
        if (publicRefusalOf(error)?.code === 'NOT_FOUND') return page(c, <NotFoundPage site={site} path={c.req.path.slice(langPrefix(lang).length)} />, 404);
        throw error;
      }
    };
    app.get(`${base}/postings/:id`, (c) => {
      const done = c.req.query('done');
      return detail(c, { done: DONE.find((each) => each === done) });
    });

    const act = (action: ApplicantAction) => async (c: Context<PortalEnv>) => {
      const id = c.req.param('id')!;
      const body = await c.req.parseBody({ all: true });
      let fields: FormField[] = [];
      let values: FormValues = {};
      try {
        const posting = await employerPosting(rt, account(c), id);
        const form = action === 'edit' ? posting.form : posting.withdrawForm;
        fields = form ? formFields(form, lang, action === 'edit' ? [EMPLOYER_FIELD] : []) : [];
        const read = readForm(fields, body);
        values = read.values;
        await actOnPosting(rt, account(c), id, { action, version: Number([body['version']].flat()[0]), data: read.data });
        return c.redirect(detailPath(id, action === 'edit' ? 'edited' : 'withdrawn'), 303);
      } catch (error) {
        const refusal = publicRefusalOf(error);
        if (!refusal) throw error;
        // Not the account's posting: the 404 page, as for reading it.
        if (refusal.code === 'NOT_FOUND') return detail(c);
        const problems = problemsOf(refusal, lang, fields);
        const status = refusal.status === 409 ? 409 : 422;
        return detail(c, action === 'edit' ? { editValues: values, editProblems: problems } : { withdrawValues: values, withdrawProblems: problems }, status);
      }
    };
    app.post(`${base}/postings/:id/edit`, act('edit'));
    app.post(`${base}/postings/:id/withdraw`, act('withdraw'));
  }
}
