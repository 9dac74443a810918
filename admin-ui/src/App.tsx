import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { ApiError, call, client, session, SESSION_EXPIRED, type SessionUser } from './api.ts';
import { LocaleContext, type Locale } from './i18n.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { navigate, usePath } from './router.ts';
import { navigationFor, screenTitle } from './shell/navigation.ts';
import { DocumentTitle } from './shell/DocumentTitle.tsx';
import { Loading } from './shell/Loading.tsx';
import { workbenchConfig } from './theme.ts';

// The signed-in frame (menu, inbox, every screen) and the account's forced password change load once someone
// has signed in: the sign-in page loads neither. With a sign-in kept from before, the frame's chunk is asked for
// at once, beside the question to the server who that is, not after it.
const SignedIn = lazy(() => import('./SignedIn.tsx'));
const RestrictedAccount = lazy(() => import('./account/RestrictedAccount.tsx').then((module) => ({ default: module.RestrictedAccount })));
if (session.get()) void import('./SignedIn.tsx');

const SIGN_IN_TITLE = { 'zh-CN': '登录', en: 'Sign in' };

/** The shell: who is signed in, in which language, and which screen the hash route asks for. */
export function App() {
  const [locale, setLocale] = useState<Locale>(() => (localStorage.getItem('pes.locale') as Locale | null) ?? 'zh-CN');
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  // The session ended while the user was working: sign-in says so, and the hash route keeps the place to return to.
  const [expired, setExpired] = useState(false);
  const path = usePath();

  useEffect(() => {
    const expire = () => {
      setExpired(true);
      setUser(null);
    };
    window.addEventListener(SESSION_EXPIRED, expire);
    return () => window.removeEventListener(SESSION_EXPIRED, expire);
  }, []);

  useEffect(() => {
    if (!session.get()) return setUser(null);
    call(client.GET('/api/auth/me')).then(setUser, (error: unknown) => {
      // An expired sign-in is forgotten; a server out of reach is not a reason to sign out.
      if (error instanceof ApiError && error.status === 401) session.clear();
      setUser(null);
    });
  }, []);

  useEffect(() => {
    localStorage.setItem('pes.locale', locale);
    document.documentElement.lang = locale;
  }, [locale]);

  // A signed-in user on `/` goes to the first screen of their role.
  useEffect(() => {
    if (user && path === '/') navigate(navigationFor(user.role, user.permissions)[0]?.path ?? '/tasks');
  }, [user, path]);

  // The browser tab and its history name the screen (the sign-in form while signed out).
  const tabTitle = user === null ? SIGN_IN_TITLE : user ? screenTitle(navigationFor(user.role, user.permissions), path) : undefined;

  const switchLanguage = () => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN');
  /** Forgets the session in this browser (the server has ended it already, or is told to). */
  const signedOut = () => {
    session.clear();
    setUser(null);
  };
  const signOut = async () => {
    await call(client.POST('/api/auth/logout')).catch(() => undefined);
    signedOut();
  };
  const reloadUser = () => call(client.GET('/api/auth/me')).then(setUser, () => signedOut());

  let body: ReactNode = null;
  const signedIn = (signedInUser: SessionUser) => {
    setExpired(false);
    setUser(signedInUser);
  };
  if (user === null) body = <LoginPage onSignedIn={signedIn} onSwitchLanguage={switchLanguage} expired={expired} />;
  else if (user?.restriction) body = <RestrictedAccount user={user} onDone={() => void reloadUser()} onSignOut={() => void signOut()} />;
  else if (user) body = <SignedIn user={user} path={path} onSignOut={signOut} onSignedOut={signedOut} onSwitchLanguage={switchLanguage} />;

  return (
    <LocaleContext.Provider value={locale}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} {...workbenchConfig}>
        <DocumentTitle screen={tabTitle} />
        <AntApp>
          <Suspense fallback={<Loading />}>{body}</Suspense>
        </AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
