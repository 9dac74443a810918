/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { accountVerification } from '../../runtime/employer-accounts/index.ts';
import type { MySectionProps } from '../accounts/my-page.tsx';
import { fillText } from '../locale.ts';
import { employerMessages } from './employer-messages.ts';

/**
 * The employer's part of its own page (`/my`): while its account waits for a caseworker, the case
 * number of that check; once verified, the way to its postings. (Where the account stands, and a
 * refusal's reason, the page says itself.) Nothing for a citizen.
 */
export const EmployerAccountSection: FC<MySectionProps> = async ({ site, account, rt }) => {
  if (account.kind !== 'employer') return null;
  const t = employerMessages(site.lang);
  if (account.status === 'active') {
    return (
      <section class="panel" id="employer-postings" aria-labelledby="employer-postings-heading">
        <h2 id="employer-postings-heading">{t.postingsTitle}</h2>
        <p>{t.accountActive}</p>
        <p>
          <a href={site.href('/employer/postings')}>{t.postingsTitle}</a> · <a href={site.href('/employer/postings/new')}>{t.newPosting}</a>
        </p>
      </section>
    );
  }
  if (account.status !== 'pending') return null;
  const verification = await accountVerification(rt, account);
  return verification ? (
    <section class="panel" id="employer-verification" aria-labelledby="employer-verification-heading">
      <h2 id="employer-verification-heading">{t.accountHeading}</h2>
      <p>{fillText(t.accountPending, { caseNo: verification.caseNo })}</p>
    </section>
  ) : null;
};
