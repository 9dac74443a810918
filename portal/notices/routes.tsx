/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { currentNotice, currentNotices, sendObjection } from '../../runtime/notices/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { langPrefix, langs } from '../locale.ts';
import { clientAddress } from '../../runtime/audit/index.ts';
import { page } from '../render.ts';
import type { PortalEnv, Site } from '../site.ts';
import { noticeMessages } from './messages.ts';
import { NoticeListPage, NoticeMessagePage, NoticePage } from './notice-pages.tsx';

/** The paths of the notices, for `portalPaths`. */
export const noticePaths = ['/notices', '/notices/*', '/en/notices', '/en/notices/*'] as const;

const field = (body: Record<string, unknown>, key: string): string => (typeof body[key] === 'string' ? (body[key] as string) : '');

/**
 * The public notices (公示) on the site, in both languages: the list of notices in their period,
 * a notice's page with the objection form, and the form's POST. A notice whose period is over (or
 * whose case has moved on) is not found, and an objection to it is refused (409) with nothing written.
 */
export function addNoticeRoutes(app: Hono<PortalEnv>, rt: RuntimeContext, siteOf: (c: Context<PortalEnv>) => Site): void {
  for (const lang of langs) {
    const prefix = langPrefix(lang);
    const closed = (c: Context<PortalEnv>, id: string) => {
      const t = noticeMessages(lang);
      return page(c, <NoticeMessagePage site={siteOf(c)} path={`/notices/${id}`} title={t.closedTitle} text={t.closedText} />, 409);
    };
    app.get(`${prefix}/notices`, async (c) => page(c, <NoticeListPage site={siteOf(c)} notices={await currentNotices(rt.db, rt.clock())} />));
    app.get(`${prefix}/notices/objection-received`, (c) => {
      const t = noticeMessages(lang);
      return page(c, <NoticeMessagePage site={siteOf(c)} path="/notices/objection-received" title={t.sentTitle} text={t.sentText} />);
    });
    app.get(`${prefix}/notices/:id`, async (c) => {
      const id = c.req.param('id');
      const notice = await currentNotice(rt.db, id, rt.clock());
      if (!notice) return page(c, <NoticeMessagePage site={siteOf(c)} path={`/notices/${id}`} title={siteOf(c).m.notFoundTitle} text={noticeMessages(lang).notFoundText} />, 404);
      return page(c, <NoticePage site={siteOf(c)} notice={notice} />);
    });
    app.post(`${prefix}/notices/:id/objections`, async (c) => {
      const id = c.req.param('id');
      const notice = await currentNotice(rt.db, id, rt.clock());
      if (!notice) return closed(c, id);
      const body = await c.req.parseBody();
      const outcome = await sendObjection(rt, id, body, clientAddress(c, rt.config.trustProxy));
      if ('refused' in outcome && outcome.refused === 'closed') return closed(c, id);
      if ('refused' in outcome) {
        const t = noticeMessages(lang);
        c.header('Retry-After', '3600');
        return page(c, <NoticeMessagePage site={siteOf(c)} path={`/notices/${id}`} title={t.throttledTitle} text={t.throttledText} />, 429);
      }
      if ('invalid' in outcome) {
        const values = { name: field(body, 'name'), phone: field(body, 'phone'), reason: field(body, 'reason') };
        return page(c, <NoticePage site={siteOf(c)} notice={notice} values={values} errors={outcome.invalid} />, 422);
      }
      return c.redirect(`${prefix}/notices/objection-received`, 303);
    });
  }
}
