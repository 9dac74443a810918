/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { Layout } from '../pages/layout.tsx';
import { SelectField, TextField } from '../pages/form-parts.tsx';
import type { Site } from '../site.ts';
import { CsrfField } from '../session/csrf-field.tsx';
import { accountTexts } from './texts.ts';

/** A demo account, listed on the sign-in page in demo mode only. */
export interface DemoAccount {
  kind: 'citizen' | 'employer';
  label: string;
  login: string;
  password: string;
}

/** The sign-in form of one kind of account, with the way to the other kind's and to signing up. */
export const LoginPage: FC<{ site: Site; kind: 'citizen' | 'employer'; cities: { cityCode: string; name: string }[]; values: Record<string, string>; problem?: string | undefined; next: string; demoAccounts: DemoAccount[] }> = ({
  site,
  kind,
  cities,
  values,
  problem,
  next,
  demoAccounts,
}) => {
  const t = accountTexts(site.lang);
  const other = kind === 'citizen' ? 'employer' : 'citizen';
  const otherQuery = new URLSearchParams(other === 'employer' ? { kind: other } : {});
  if (next !== '/my') otherQuery.set('next', next);
  const shown = demoAccounts.filter((account) => account.kind === kind);
  return (
    <Layout site={site} head={{ title: `${t.signInTitle} - ${site.m.siteName}`, path: '/login', noindex: true }}>
      <div class="panel form-page">
        <h1>{kind === 'citizen' ? t.signInCitizenHeading : t.signInEmployerHeading}</h1>
        <p>{t.signInIntro}</p>
        <p>
          <a href={site.href('/login', otherQuery)}>{kind === 'citizen' ? t.switchToEmployer : t.switchToCitizen}</a>
        </p>
        {problem ? (
          <div class="error-summary" role="alert" id="error-summary">
            <p>{problem}</p>
          </div>
        ) : null}
        <form method="post" action={site.href('/login')} novalidate>
          <CsrfField site={site} />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="next" value={next} />
          {cities.length > 1 ? (
            <SelectField name="cityCode" label={t.city} value={values['cityCode']} options={cities.map((city) => ({ value: city.cityCode, label: city.name }))} />
          ) : (
            <input type="hidden" name="cityCode" value={cities[0]?.cityCode ?? ''} />
          )}
          <TextField name="login" label={kind === 'citizen' ? t.idNumber : t.creditCode} value={values['login']} maxlength={18} autocomplete="username" />
          <TextField name="password" label={t.password} type="password" autocomplete="current-password" />
          <button type="submit">{t.signIn}</button>
        </form>
        <p>
          {t.noAccount} <a href={site.href(kind === 'citizen' ? '/signup' : '/signup/employer')}>{kind === 'citizen' ? t.signUpCitizenLink : t.signUpEmployerLink}</a>
        </p>
        {shown.length > 0 ? (
          <div class="notice" id="demo-accounts">
            <h2>{t.demoAccounts}</h2>
            <p>{t.demoAccountsText}</p>
            <ul>
              {shown.map((account) => (
                <li>
                  {account.label}: <code>{account.login}</code> / <code>{account.password}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Layout>
  );
};
