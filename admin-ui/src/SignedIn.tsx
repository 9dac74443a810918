import { Button, Result } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import type { SessionUser } from './api.ts';
import { CalendarWarning } from './calendar/CalendarWarning.tsx';
import { Inbox } from './caseworker/Inbox.tsx';
import { useCommon } from './i18n.ts';
import { match, navigate } from './router.ts';
import { SessionContext } from './session.ts';
import { AppLayout } from './shell/AppLayout.tsx';
import { Loading } from './shell/Loading.tsx';
import { ScreenErrorBoundary } from './shell/ScreenErrorBoundary.tsx';

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
const NationalPage = lazy(() => import('./national/NationalPage.tsx'));

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
  if (path === '/national') return <NationalPage />;
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

function NotFound() {
  const t = useCommon();
  return <Result status="404" title={t('notFound')} extra={<Button onClick={() => navigate('/')}>{t('backHome')}</Button>} />;
}

/** What the shell hands the signed-in frame: who, where, and how to sign out or switch language. */
interface SignedInProps {
  user: SessionUser;
  path: string;
  onSignOut: () => void;
  onSignedOut: () => void;
  onSwitchLanguage: () => void;
}

/**
 * Everything a signed-in user sees: the frame, the calendar warning and the screen the hash route asks for.
 * A chunk of its own (with the inbox, the first screen of most users), loaded by the App only once there is
 * a sign-in, so the sign-in page loads none of it.
 */
export default function SignedIn({ user, path, onSignOut, onSignedOut, onSwitchLanguage }: SignedInProps) {
  return (
    <SessionContext.Provider value={user}>
      <AppLayout user={user} path={path} onSignOut={onSignOut} onSignedOut={onSignedOut} onSwitchLanguage={onSwitchLanguage} notice={<CalendarWarning user={user} path={path} />}>
        <ScreenErrorBoundary path={path}>
          <Suspense fallback={<Loading />}>{path === '/' ? null : (screenFor(path, user) ?? <NotFound />)}</Suspense>
        </ScreenErrorBoundary>
      </AppLayout>
    </SessionContext.Provider>
  );
}
