/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { refusalReasonOf, type PublicAccount } from '../../runtime/public-accounts/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { Data, fill, Layout } from '../pages/layout.tsx';
import type { Site } from '../site.ts';
import { MyApplicationsSection } from '../online-applications/my-section.tsx';
import { MyJobsSection } from '../applications/my-jobs-section.tsx';
import { CsrfField } from '../session/csrf-field.tsx';
import { accountTexts } from './texts.ts';
import { EmployerAccountSection } from './employer-section.tsx';

/** What every section of the account's page is given. A section is a component of its feature's own file, usually async. */
export interface MySectionProps {
  site: Site;
  account: PublicAccount;
  rt: RuntimeContext;
}

/** Where the account stands: active, or an employer's check pending or refused (with the caseworker's reason). */
const AccountStatus: FC<MySectionProps> = async ({ site, account, rt }) => {
  const t = accountTexts(site.lang);
  if (account.status === 'pending') return <p class="notice" id="account-status" data-status="pending">{t.statusPending}</p>;
  if (account.status === 'refused') {
    const reason = await refusalReasonOf(rt, account.id);
    return (
      <p class="notice" id="account-status" data-status="refused">
        {t.statusRefused} {reason ? <>{t.refusalReason}<Data site={site} text={reason} /></> : null}
      </p>
    );
  }
  return <p id="account-status" data-status={account.status}>{t.statusActive}</p>;
};

/**
 * The signed-in citizen's or employer's own page: who they are, where their account stands, and one
 * section per feature (applications, postings, messages), each added here by one line.
 */
export const MyPage: FC<MySectionProps> = ({ site, account, rt }) => {
  const t = accountTexts(site.lang);
  return (
    <Layout site={site} head={{ title: `${t.myTitle} - ${site.m.siteName}`, path: '/my', noindex: true }}>
      <div class="panel">
        <h1>{fill(t.welcome, { name: <Data site={site} text={account.displayName} /> })}</h1>
        <AccountStatus site={site} account={account} rt={rt} />
        <form method="post" action={site.href('/logout')} class="inline-form">
          <CsrfField site={site} />
          <button type="submit" class="secondary">
            {t.signOut}
          </button>
        </form>
      </div>
      {/* Each feature's section, one line each: <Section site={site} account={account} rt={rt} /> */}
      <EmployerAccountSection site={site} account={account} rt={rt} />
      <MyApplicationsSection site={site} account={account} rt={rt} />
      <MyJobsSection site={site} account={account} rt={rt} />
    </Layout>
  );
};
