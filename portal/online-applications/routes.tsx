/** @jsxImportSource hono/jsx */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { UploadedFile } from '../../runtime/attachments/index.ts';
import { myApplication, myApplications, onlineForm, resubmitApplication, submitApplication, type SupportingFile } from '../../runtime/online-applications/index.ts';
import type { PublicAccount } from '../../runtime/public-accounts/index.ts';
import { noneIfNotFound, publicRefusalOf } from '../../runtime/public-forms/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { formFields, noProblems, problemsOf, readForm, type FormField, type FormProblems } from '../forms/index.ts';
import { langPrefix, langs, type Lang } from '../locale.ts';
import { NotFoundPage } from '../pages/notice-pages.tsx';
import type { PortalEnv, Site } from '../site.ts';
import { fileProblemsOf, type FileProblems } from './application-form.tsx';
import { applyMessages } from './messages.ts';
import { ApplyIndexPage, ApplyPage, MyApplicationPage, MyApplicationsPage } from './pages.tsx';

/**
 * The processes a citizen applies for here (网上经办), each offering an event of its first state to
 * the `applicant` role in its flow: 失业登记 (its `submit`, straight to the review) and 一次性创业补贴
 * (its `apply`, to the window's check of an online application, which puts it under public notice
 * or returns it to the applicant). Job-seeking registration, offered online too, has its own pages
 * with the job applications.
 */
export const ONLINE_PROCESSES = ['unemployment-registration', 'start-up-subsidy'] as const;

/** The paths these pages answer beyond `/my/*` (the accounts' own), for `portalPaths`. */
export const onlineApplicationPaths = ['/apply', '/apply/*'] as const;

/** Files sent with one application at most: the materials of a step, a few scans each. */
const MAX_FILES = 10;

type Page = (c: Context<PortalEnv>, node: JSX.Element, status?: 200 | 404 | 409 | 413 | 415 | 422) => Promise<Response>;

/** The posted form: its text fields by name, and the files by material (`file:<material>`), empty file inputs left out. */
async function readPosted(c: Context): Promise<{ text: Record<string, string[]>; files: SupportingFile[] }> {
  const body = await c.req.parseBody({ all: true });
  const text: Record<string, string[]> = {};
  const files: SupportingFile[] = [];
  for (const [name, raw] of Object.entries(body)) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (typeof value === 'string') {
        if (!name.startsWith('file:')) (text[name] ??= []).push(value);
      } else if (name.startsWith('file:') && value.size > 0 && files.length < MAX_FILES) {
        const file: UploadedFile = { fileName: value.name, declaredType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
        files.push({ material: name.slice('file:'.length), file });
      }
    }
  }
  return { text, files };
}

/**
 * What a refused application means for its page, in the applicant's language: a conflict asks to
 * look again (409); a refused or missing document is said beside its input (413 for one too large,
 * 415 for one not a PDF, JPEG or PNG by its content: the statuses the API gives them); any other
 * refusal is the form's, by the public forms' one mapping. A fault is not the applicant's to read:
 * it is thrown on, to the error page.
 */
function refused(error: unknown, lang: Lang, fields: readonly FormField[]): { problems: FormProblems; files: FileProblems; status: 409 | 413 | 415 | 422 } {
  const refusal = publicRefusalOf(error);
  if (!refusal) throw error;
  if (refusal.conflict) return { problems: { fields: {}, general: [applyMessages(lang).conflictText] }, files: {}, status: 409 };
  const files = fileProblemsOf(refusal, lang);
  const fileStatus = refusal.code === 'ATTACHMENT_TOO_LARGE' ? 413 : refusal.code === 'ATTACHMENT_TYPE_REFUSED' ? 415 : 422;
  if (Object.keys(files).length > 0) return { problems: noProblems(), files, status: fileStatus };
  return { problems: problemsOf(refusal, lang, fields), files, status: 422 };
}

/**
 * Adds the online applications to the public site: the services (`/apply`), a process's form
 * (`/apply/{process}`: GET and a multipart POST), the account's applications (`/my/applications`)
 * and one of them (`/my/applications/{case}`, where a returned one is corrected and sent again).
 * Every page but the list of services needs a signed-in citizen.
 */
export function addOnlineApplicationRoutes(
  app: Hono<PortalEnv>,
  rt: RuntimeContext,
  { siteOf, page, citizen, signedIn, csrf }: {
    siteOf: (c: Context<PortalEnv>) => Site;
    page: Page;
    /** The accounts' `citizen`, handed in so that the accounts' page may show this feature's section without a cycle. */
    citizen: MiddlewareHandler<PortalEnv>;
    signedIn: (c: Context<PortalEnv>) => PublicAccount;
    csrf: (site: Site) => Child;
  },
) {
  const maxBytes = rt.config.attachmentLimitBytes;
  const offered = (id: string): id is (typeof ONLINE_PROCESSES)[number] => (ONLINE_PROCESSES as readonly string[]).includes(id);

  for (const lang of langs) {
    const prefix = langPrefix(lang);
    app.get(`${prefix}/apply`, (c) => {
      const services = ONLINE_PROCESSES.flatMap((processId) => {
        const standard = rt.registry.processes.get(processId);
        return standard ? [{ processId, title: standard.compiled.definition.title }] : [];
      });
      return page(c, <ApplyIndexPage site={siteOf(c)} services={services} />);
    });

    app.get(`${prefix}/apply/:process`, citizen, async (c) => {
      const site = siteOf(c);
      const processId = c.req.param('process');
      if (!offered(processId)) return page(c, <NotFoundPage site={site} path={`/apply/${processId}`} />, 404);
      const form = await onlineForm(rt, signedIn(c), processId);
      return page(c, <ApplyPage site={site} form={form} maxBytes={maxBytes} values={{}} problems={noProblems()} files={{}} csrf={csrf(site)} />);
    });

    app.post(`${prefix}/apply/:process`, citizen, async (c) => {
      const site = siteOf(c);
      const account = signedIn(c);
      const processId = c.req.param('process');
      if (!offered(processId)) return page(c, <NotFoundPage site={site} path={`/apply/${processId}`} />, 404);
      const posted = await readPosted(c);
      const first = await onlineForm(rt, account, processId, posted.text['residenceArea']?.[0]);
      const fields = formFields(first.form, lang);
      const { data, values } = readForm(fields, posted.text);
      try {
        const { caseId } = await submitApplication(rt, account, processId, { data, files: posted.files });
        return c.redirect(site.href(`/my/applications/${caseId}`, new URLSearchParams({ submitted: '1' })), 303);
      } catch (error) {
        const { problems, files, status } = refused(error, lang, fields);
        return page(c, <ApplyPage site={site} form={first} maxBytes={maxBytes} values={values} problems={problems} files={files} csrf={csrf(site)} />, status);
      }
    });

    app.get(`${prefix}/my/applications`, citizen, async (c) => page(c, <MyApplicationsPage site={siteOf(c)} items={await myApplications(rt, signedIn(c))} />));

    app.get(`${prefix}/my/applications/:id`, citizen, async (c) => {
      const site = siteOf(c);
      const detail = await myApplication(rt, signedIn(c), c.req.param('id')).catch(noneIfNotFound);
      if (!detail) return page(c, <NotFoundPage site={site} path={`/my/applications/${c.req.param('id')}`} />, 404);
      return page(c, <MyApplicationPage site={site} detail={detail} submitted={c.req.query('submitted') === '1'} maxBytes={maxBytes} problems={noProblems()} files={{}} csrf={csrf(site)} />);
    });

    app.post(`${prefix}/my/applications/:id`, citizen, async (c) => {
      const site = siteOf(c);
      const account = signedIn(c);
      const caseId = c.req.param('id');
      const detail = await myApplication(rt, account, caseId).catch(noneIfNotFound);
      if (!detail) return page(c, <NotFoundPage site={site} path={`/my/applications/${caseId}`} />, 404);
      const posted = await readPosted(c);
      const fields = detail.resubmit ? formFields(detail.resubmit.form, lang) : [];
      const { data, values } = readForm(fields, posted.text);
      try {
        await resubmitApplication(rt, account, caseId, { data, files: posted.files, version: Number(posted.text['version']?.[0]) });
        return c.redirect(site.href(`/my/applications/${caseId}`), 303);
      } catch (error) {
        const { problems, files, status } = refused(error, lang, fields);
        const now = await myApplication(rt, account, caseId);
        // After a conflict the form shows the application as it now is, not what was typed over it.
        return page(c, <MyApplicationPage site={site} detail={now} submitted={false} maxBytes={maxBytes} values={status === 409 ? undefined : values} problems={problems} files={files} csrf={csrf(site)} />, status);
      }
    });
  }
}
