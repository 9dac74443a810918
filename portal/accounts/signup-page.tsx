/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { Layout } from '../pages/layout.tsx';
import { ErrorSummary, SelectField, TextField, type FieldProblems } from '../pages/form-parts.tsx';
import type { Site } from '../site.ts';
import { CsrfField } from '../session/csrf-field.tsx';
import { accountTexts } from './texts.ts';

/** What a sign-up form shows again after a round trip: the values typed (never the passwords), the problems, and a code sent. */
export interface SignUpState {
  values: Record<string, string>;
  problems: FieldProblems;
  /** Set once a code went out: the masked mobile, and the code itself when the demo sender lets the page show it. */
  codeSent?: { mobileMasked: string; shownCode: string | null } | undefined;
}

/**
 * The sign-up form of a citizen or an employer, one page that works without script: the "send me
 * a code" button posts the same form with `action=code`, and the page comes back with the values
 * kept and the code sent (shown here in demo mode only).
 */
export const SignUpPage: FC<{ site: Site; kind: 'citizen' | 'employer'; cities: { cityCode: string; name: string }[]; state: SignUpState }> = ({ site, kind, cities, state }) => {
  const t = accountTexts(site.lang);
  const path = kind === 'citizen' ? '/signup' : '/signup/employer';
  const { values, problems } = state;
  const labels: Record<string, string> =
    kind === 'citizen'
      ? { cityCode: t.city, name: t.name, idNumber: t.idNumber, mobile: t.mobile, code: t.code, password: t.password, passwordAgain: t.passwordAgain }
      : { cityCode: t.city, creditCode: t.creditCode, employerName: t.employerName, agentName: t.agentName, mobile: t.agentMobile, code: t.code, password: t.password, passwordAgain: t.passwordAgain };
  const title = kind === 'citizen' ? t.signUpCitizenTitle : t.signUpEmployerTitle;
  return (
    <Layout site={site} head={{ title: `${title} - ${site.m.siteName}`, path }}>
      <div class="panel form-page">
        <h1>{title}</h1>
        <p>{kind === 'citizen' ? t.signUpCitizenIntro : t.signUpEmployerIntro}</p>
        <ErrorSummary title={t.errorSummary} problems={problems} labels={labels} />
        {state.codeSent ? (
          <p class="success" role="status" id="code-sent">
            {t.codeSent(state.codeSent.mobileMasked)} {state.codeSent.shownCode ? <strong id="demo-code">{t.demoCode(state.codeSent.shownCode)}</strong> : null}
          </p>
        ) : null}
        <form method="post" action={site.href(path)} novalidate>
          <CsrfField site={site} />
          {cities.length > 1 ? (
            <SelectField name="cityCode" label={t.city} value={values['cityCode']} problem={problems['cityCode']} options={cities.map((city) => ({ value: city.cityCode, label: city.name }))} />
          ) : (
            <input type="hidden" name="cityCode" value={cities[0]?.cityCode ?? ''} />
          )}
          {kind === 'citizen' ? (
            <>
              <TextField name="name" label={t.name} value={values['name']} problem={problems['name']} autocomplete="name" />
              <TextField name="idNumber" label={t.idNumber} hint={t.idNumberHint} value={values['idNumber']} problem={problems['idNumber']} maxlength={18} autocomplete="off" />
            </>
          ) : (
            <>
              <TextField name="creditCode" label={t.creditCode} hint={t.creditCodeHint} value={values['creditCode']} problem={problems['creditCode']} maxlength={18} autocomplete="off" />
              <TextField name="employerName" label={t.employerName} value={values['employerName']} problem={problems['employerName']} autocomplete="organization" />
              <TextField name="agentName" label={t.agentName} value={values['agentName']} problem={problems['agentName']} autocomplete="name" />
            </>
          )}
          <div class="code-row">
            <TextField name="mobile" label={kind === 'citizen' ? t.mobile : t.agentMobile} type="tel" inputmode="tel" value={values['mobile']} problem={problems['mobile']} maxlength={11} autocomplete="tel" />
            <button type="submit" name="action" value="code" class="secondary">
              {t.sendCode}
            </button>
          </div>
          <TextField name="code" label={t.code} inputmode="numeric" value={values['code']} problem={problems['code']} maxlength={6} autocomplete="one-time-code" />
          <TextField name="password" label={t.password} hint={t.passwordHint} type="password" problem={problems['password']} autocomplete="new-password" />
          <TextField name="passwordAgain" label={t.passwordAgain} type="password" problem={problems['passwordAgain']} autocomplete="new-password" />
          <button type="submit" name="action" value="signup">
            {t.signUp}
          </button>
        </form>
        <p>
          {t.haveAccount} <a href={site.href('/login', kind === 'employer' ? new URLSearchParams({ kind }) : undefined)}>{t.signIn}</a>
        </p>
      </div>
    </Layout>
  );
};
