/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { accountVerification } from '../../runtime/employer-accounts/index.ts';
import type { PublicAccount } from '../../runtime/public-accounts/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import type { Site } from '../site.ts';
import { fillText } from '../locale.ts';

/** The section's texts (kept here: the account page imports this file, and nothing under `employer/`). */
const texts = {
  'zh-CN': {
    postingsTitle: '我的招聘岗位',
    newPosting: '发布新岗位',
    accountActive: '账号已核验，可以发布招聘岗位。',
    verificationHeading: '账号核验',
    accountPending: '核验业务编号：{caseNo}。核验结果会在这里显示。',
  },
  en: {
    postingsTitle: 'My job postings',
    newPosting: 'Post a new job',
    accountActive: 'Your account is verified: you can post jobs.',
    verificationHeading: 'Account check',
    accountPending: 'Case number of the check: {caseNo}. Its outcome will show here.',
  },
} as const;

/**
 * The employer's part of its own page (`/my`): while its account waits for a caseworker, the case
 * number of that check; once verified, the way to its postings. (Where the account stands, and a
 * refusal's reason, the page says itself.) Nothing for a citizen. Its props are the account page's
 * sections' (declared here by shape: the page imports this file).
 */
export const EmployerAccountSection: FC<{ site: Site; account: PublicAccount; rt: RuntimeContext }> = async ({ site, account, rt }) => {
  if (account.kind !== 'employer') return null;
  const t = texts[site.lang];
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
      <h2 id="employer-verification-heading">{t.verificationHeading}</h2>
      <p>{fillText(t.accountPending, { caseNo: verification.caseNo })}</p>
    </section>
  ) : null;
};
