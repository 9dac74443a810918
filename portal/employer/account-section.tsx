/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { accountVerification } from '../../runtime/employer-accounts/index.ts';
import { fillText } from '../locale.ts';
import { Data, fill } from '../pages/layout.tsx';
import type { Site } from '../site.ts';
import { employerMessages } from './employer-messages.ts';

/**
 * The employer's part of its own page (`/my`): where the account's verification stands (pending,
 * with its case number; refused, with the caseworker's reason) and, once verified, the way to its
 * postings. Nothing for a citizen.
 */
export const EmployerAccountSection: FC<{ site: Site; verification: Awaited<ReturnType<typeof accountVerification>> }> = ({ site, verification }) => {
  const account = site.account;
  if (account?.kind !== 'employer') return null;
  const t = employerMessages(site.lang);
  return (
    <section class="panel" id="employer-account" data-status={account.status} aria-labelledby="employer-account-heading">
      <h2 id="employer-account-heading">{t.accountHeading}</h2>
      {account.status === 'active' ? (
        <>
          <p>{t.accountActive}</p>
          <p>
            <a href={site.href('/employer/postings')}>{t.postingsTitle}</a> · <a href={site.href('/employer/postings/new')}>{t.newPosting}</a>
          </p>
        </>
      ) : account.status === 'refused' ? (
        <>
          <p>{t.accountRefused}</p>
          {verification?.reason ? (
            <p id="refusal-reason">
              {fill(t.refusalReason, { reason: <Data site={site} text={verification.reason} /> })}
            </p>
          ) : null}
        </>
      ) : account.status === 'pending' ? (
        <p>{fillText(t.accountPending, { caseNo: verification?.caseNo ?? '' })}</p>
      ) : null}
    </section>
  );
};
