/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { endSession, maskMobile, sendVerificationCode, signIn, signUpCities, signUpCitizen, signUpEmployer, signUpFieldErrors, startSession, type EmployerSignedUp, type SmsSender } from '../../runtime/public-accounts/index.ts';
import { publicRefusalOf } from '../../runtime/public-forms/index.ts';
import { clientAddress, type RequestOrigin } from '../../runtime/audit/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';
import { langPrefix, langs } from '../locale.ts';
import { fieldProblems, problemsOf, type FormProblems } from '../forms/index.ts';
import type { FieldProblems } from '../pages/form-parts.tsx';
import { page } from '../render.ts';
import { siteOfRequest, type PortalEnv } from '../site.ts';
import { LoginPage, type DemoAccount } from './login-page.tsx';
import { MyPage } from './my-page.tsx';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../session/session.tsx';
import { SignUpPage, type SignUpState } from './signup-page.tsx';
import { accountTexts } from './texts.ts';

/** What the account routes need besides the runtime: the SMS sender, the employer check to open, the demo accounts to list. */
export interface AccountRouteOptions {
  sms: SmsSender;
  onEmployerSignedUp?: EmployerSignedUp | undefined;
  demoAccounts: DemoAccount[];
}

const SIGN_UP_FIELDS = { citizen: ['cityCode', 'name', 'idNumber', 'mobile', 'code'], employer: ['cityCode', 'creditCode', 'employerName', 'agentName', 'mobile', 'code'] } as const;

/** Where to go after signing in: a path of this site only (`/…`, never `//host` or a full address), else the account's page. */
function safeNext(raw: unknown, fallback: string): string {
  return typeof raw === 'string' && /^\/(?![/\\])/.test(raw) ? raw : fallback;
}

function textOf(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** A form's problems as the account pages place them: beside each field, or above the form as the form's own. */
function accountProblems({ fields, general }: FormProblems): FieldProblems {
  return general.length > 0 ? { ...fields, form: general.join(' ') } : fields;
}

/**
 * Signing up, in and out, and the account's own page, in each language: `/signup`, `/signup/employer`,
 * `/login`, `/logout`, `/my`. Forms post back to their own address and come back with the values kept
 * and each problem beside its field.
 */
export function addAccountRoutes(app: Hono<PortalEnv>, rt: RuntimeContext, options: AccountRouteOptions): void {
  const siteOf = (c: Context<PortalEnv>) => siteOfRequest(c, rt.config.trustProxy);
  // For the access log: the public site gives its requests no id of their own.
  const originOf = (c: Context<PortalEnv>): RequestOrigin => ({ address: clientAddress(c, rt.config.trustProxy), requestId: null });
  const demoAccounts = rt.config.mode === 'demo' ? options.demoAccounts : [];

  for (const lang of langs) {
    const prefix = langPrefix(lang);
    for (const kind of ['citizen', 'employer'] as const) {
      const path = kind === 'citizen' ? '/signup' : '/signup/employer';
      app.get(`${prefix}${path}`, async (c) => page(c, <SignUpPage site={siteOf(c)} kind={kind} cities={await signUpCities(rt)} state={{ values: {}, problems: {} }} />));
      app.post(`${prefix}${path}`, async (c) => {
        const site = siteOf(c);
        const body = await c.req.parseBody();
        const values = Object.fromEntries(SIGN_UP_FIELDS[kind].map((name) => [name, textOf(body, name)]));
        const cities = await signUpCities(rt);
        const again = (state: SignUpState, status: 200 | 422 | 429 = 422) => page(c, <SignUpPage site={site} kind={kind} cities={cities} state={state} />, status);
        if (textOf(body, 'action') === 'code') {
          const problems = accountProblems(fieldProblems(signUpFieldErrors(kind, { ...values, password: 'x' }, { withoutCode: true }).filter((error) => error.field === 'mobile'), site.lang));
          if (Object.keys(problems).length > 0) return again({ values, problems });
          try {
            const { shownCode } = await sendVerificationCode(rt, options.sms, values['mobile']!, 'signup');
            return again({ values, problems: {}, codeSent: { mobileMasked: maskMobile(values['mobile']!), shownCode } }, 200);
          } catch (error) {
            const refusal = publicRefusalOf(error);
            if (!refusal) throw error;
            return again({ values, problems: accountProblems(problemsOf(refusal, site.lang)) }, 429);
          }
        }
        const password = typeof body['password'] === 'string' ? body['password'] : '';
        if (password !== body['passwordAgain']) return again({ values, problems: { passwordAgain: accountTexts(site.lang).passwordsDiffer } });
        try {
          const account =
            kind === 'citizen'
              ? await signUpCitizen(rt, { cityCode: values['cityCode']!, name: values['name']!, idNumber: values['idNumber']!, mobile: values['mobile']!, code: values['code']!, password }, originOf(c))
              : await signUpEmployer(rt, { cityCode: values['cityCode']!, creditCode: values['creditCode']!, employerName: values['employerName']!, agentName: values['agentName']!, mobile: values['mobile']!, code: values['code']!, password }, options.onEmployerSignedUp, originOf(c));
          setSessionCookie(c, rt.config.trustProxy, await startSession(rt, account.id));
          return c.redirect(`${prefix}/my`, 303);
        } catch (error) {
          const refusal = publicRefusalOf(error);
          if (!refusal) throw error;
          return again({ values, problems: accountProblems(problemsOf(refusal, site.lang)) });
        }
      });
    }

    app.get(`${prefix}/login`, async (c) => {
      const kind = c.req.query('kind') === 'employer' ? 'employer' : 'citizen';
      const next = safeNext(c.req.query('next'), `${prefix}/my`);
      return page(c, <LoginPage site={siteOf(c)} kind={kind} cities={await signUpCities(rt)} values={{}} next={next} demoAccounts={demoAccounts} />);
    });
    app.post(`${prefix}/login`, async (c) => {
      const site = siteOf(c);
      const body = await c.req.parseBody();
      const kind = textOf(body, 'kind') === 'employer' ? 'employer' : 'citizen';
      const values = { cityCode: textOf(body, 'cityCode'), login: textOf(body, 'login') };
      const next = safeNext(body['next'], `${prefix}/my`);
      try {
        const { token } = await signIn(rt, { kind, cityCode: values.cityCode, login: values.login, password: typeof body['password'] === 'string' ? body['password'] : '' }, originOf(c));
        setSessionCookie(c, rt.config.trustProxy, token);
        return c.redirect(next, 303);
      } catch (error) {
        const refusal = publicRefusalOf(error);
        if (!refusal) throw error;
        const t = accountTexts(site.lang);
        const retry = refusal.retryAfterSeconds;
        const problem = retry ? t.locked(Math.ceil(retry / 60)) : t.signInFailed;
        return page(c, <LoginPage site={site} kind={kind} cities={await signUpCities(rt)} values={values} problem={problem} next={next} demoAccounts={demoAccounts} />, retry ? 429 : 422);
      }
    });
    app.post(`${prefix}/logout`, async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await endSession(rt, token, originOf(c));
      clearSessionCookie(c, rt.config.trustProxy);
      return c.redirect(`${prefix}/`, 303);
    });
    // Any account, pending and refused employers too: their page says where the check stands.
    app.get(`${prefix}/my`, async (c) => {
      const account = c.get('account');
      if (!account) return c.redirect(`${prefix}/login`, 303);
      return page(c, <MyPage site={siteOf(c)} account={account} rt={rt} />);
    });
  }
}
