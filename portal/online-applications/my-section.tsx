/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { myApplications } from '../../runtime/online-applications/index.ts';
import type { PublicAccount } from '../../runtime/public-accounts/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { fillText } from '../locale.ts';
import type { Site } from '../site.ts';
import { applyMessages } from './messages.ts';

/** Shown on `/my`: the citizen's newest online applications with their state, and the ways to all of them and to apply. */
export const MyApplicationsSection: FC<{ site: Site; account: PublicAccount; rt: RuntimeContext }> = async ({ site, account, rt }) => {
  if (account.kind !== 'citizen' || account.status !== 'active') return null;
  const t = applyMessages(site.lang);
  const items = (await myApplications(rt, account)).slice(0, 3);
  return (
    <section class="panel" aria-labelledby="my-applications-heading">
      <h2 id="my-applications-heading">{t.myTitle}</h2>
      {items.length === 0 ? <p>{t.myEmpty}</p> : null}
      <ul>
        {items.map((item) => (
          <li>
            <a href={site.href(`/my/applications/${item.caseId}`)}>
              {item.title[site.lang]} {item.caseNo}
            </a>
            {fillText(t.itemPhase, { phase: t.phase[item.phase] })}
          </li>
        ))}
      </ul>
      <p>
        <a href={site.href('/my/applications')}>{t.myTitle}</a> · <a href={site.href('/apply')}>{t.applyLink}</a>
      </p>
    </section>
  );
};
