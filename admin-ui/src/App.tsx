import { App as AntApp, Button, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, session, SESSION_EXPIRED, type SessionUser } from './api.ts';
import { LocaleContext, useCommon, type Locale } from './i18n.ts';
import { RestrictedAccount } from './account/RestrictedAccount.tsx';
import { CalendarWarning } from './calendar/CalendarWarning.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { match, navigate, usePath } from './router.ts';
import { AppLayout } from './shell/AppLayout.tsx';
import { navigationFor, screenTitle } from './shell/navigation.ts';
import { DocumentTitle } from './shell/DocumentTitle.tsx';
import { ScreenErrorBoundary } from './shell/ScreenErrorBoundary.tsx';
import { SessionContext } from './session.ts';
import { workbenchConfig } from './theme.ts';
import { Inbox } from './caseworker/Inbox.tsx';

// The form engine, the flow editor and the charts are loaded when a screen needs them.
const CasePage = lazy(() => import('./caseworker/CasePage.tsx'));
const CaseSearch = lazy(() => import('./caseworker/search/CaseSearch.tsx'));
const PersonProfile = lazy(() => import('./caseworker/profiles/PersonProfile.tsx'));
const EmployerProfile = lazy(() => import('./caseworker/profiles/EmployerProfile.tsx'));
const StartCase = lazy(() => import('./caseworker/StartCase.tsx'));
const ProcessList = lazy(() => import('./configurator/ProcessList.tsx'));
const ProcessPage = lazy(() => import('./configurator/ProcessPage.tsx'));
const Dashboard = lazy(() => import('./evaluator/Dashboard.tsx'));
const ReviewPage = lazy(() => import('./review/ReviewPage.tsx'));
const CalendarPage = lazy(() => import('./calendar/CalendarPage.tsx'));
const AuditPage = lazy(() => import('./audit/AuditPage.tsx'));
const PackagesPage = lazy(() => import('./packages/PackagesPage.tsx'));
const FundsPage = lazy(() => import('./funds/FundsPage.tsx'));
const InformatisationPage = lazy(() => import('./informatisation/InformatisationPage.tsx'));
const PaymentsPage = lazy(() => import('./payments/PaymentsPage.tsx'));
const InstitutionsPage = lazy(() => import('./institutions/InstitutionsPage.tsx'));
const UsersPage = lazy(() => import('./administration/UsersPage.tsx'));
const OrgPage = lazy(() => import('./administration/OrgPage.tsx'));
const ExchangePage = lazy(() => import('./exchange/ExchangePage.tsx'));
const ImportsPage = lazy(() => import('./imports/ImportsPage.tsx'));

/** Which screen a path shows. */
function screenFor(path: string, user: SessionUser): ReactNode {
  if (path === '/tasks') return <Inbox user={user} />;
  if (path === '/cases') return <CaseSearch />;
  if (path === '/cases/new') return <StartCase user={user} />;
  const caseRoute = match('/cases/:id', path);
  if (caseRoute) return <CasePage caseId={caseRoute['id']!} />;
  const personRoute = match('/persons/:id', path);
  if (personRoute) return <PersonProfile key={personRoute['id']} personId={personRoute['id']!} />;
  const employerRoute = match('/employers/:id', path);
  if (employerRoute) return <EmployerProfile key={employerRoute['id']} employerId={employerRoute['id']!} />;
  if (path === '/config') return <ProcessList user={user} />;
  const processRoute = match('/config/:processId', path);
  if (processRoute) return <ProcessPage processId={processRoute['processId']!} user={user} />;
  if (path === '/dashboard') return <Dashboard user={user} />;
  if (path === '/review') return <ReviewPage user={user} />;
  const reviewRoute = match('/review/:unit/:period', path);
  if (reviewRoute) return <ReviewPage user={user} unit={reviewRoute['unit']!} period={reviewRoute['period']!} />;
  if (path === '/calendar') return <CalendarPage user={user} />;
  if (path === '/audit') return <AuditPage />;
  if (path === '/funds') return <FundsPage user={user} />;
  if (path === '/informatisation') return <InformatisationPage user={user} />;
  if (path === '/payments') return <PaymentsPage user={user} />;
  if (path === '/institutions') return <InstitutionsPage user={user} />;
  if (path === '/imports') return <ImportsPage user={user} />;
  if (path === '/packages') return <PackagesPage user={user} />;
  if (path === '/admin/users') return <UsersPage user={user} />;
  if (path === '/admin/org') return <OrgPage user={user} />;
  if (path === '/admin/exchange') return <ExchangePage />;
  const indicatorRoute = match('/dashboard/:indicatorId', path);
  if (indicatorRoute) return <Dashboard user={user} indicatorId={indicatorRoute['indicatorId']!} />;
  return null;
}

const SIGN_IN_TITLE = { 'zh-CN': '登录', en: 'Sign in' };

function NotFound() {
  const t = useCommon();
  return <Result status="404" title={t('notFound')} extra={<Button onClick={() => navigate('/')}>{t('backHome')}</Button>} />;
}

function Loading() {
  const t = useCommon();
  return <div className="centered" aria-busy="true">{t('loading')}</div>;
}

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
    api<SessionUser>('GET', '/auth/me').then(setUser, (error: unknown) => {
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
    await api('POST', '/auth/logout').catch(() => undefined);
    signedOut();
  };
  const reloadUser = () => api<SessionUser>('GET', '/auth/me').then(setUser, () => signedOut());

  let body: ReactNode = null;
  const signedIn = (signedInUser: SessionUser) => {
    setExpired(false);
    setUser(signedInUser);
  };
  if (user === null) body = <LoginPage onSignedIn={signedIn} onSwitchLanguage={switchLanguage} expired={expired} />;
  else if (user?.restriction) body = <RestrictedAccount user={user} onDone={() => void reloadUser()} onSignOut={() => void signOut()} />;
  else if (user) {
    body = (
      <SessionContext.Provider value={user}>
        <AppLayout user={user} path={path} onSignOut={signOut} onSignedOut={signedOut} onSwitchLanguage={switchLanguage} notice={<CalendarWarning user={user} path={path} />}>
          <ScreenErrorBoundary path={path}>
            <Suspense fallback={<Loading />}>{path === '/' ? null : (screenFor(path, user) ?? <NotFound />)}</Suspense>
          </ScreenErrorBoundary>
        </AppLayout>
      </SessionContext.Provider>
    );
  }

  return (
    <LocaleContext.Provider value={locale}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} {...workbenchConfig}>
        <DocumentTitle screen={tabTitle} />
        <AntApp>{body}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
