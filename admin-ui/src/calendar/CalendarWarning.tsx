import { Alert, Button } from 'antd';
import type { SessionUser } from '../api.ts';
import { navigate } from '../router.ts';
import { useApi } from '../shell/useApi.ts';
import { useCalendarMessages } from './messages.ts';

/** Who is warned while the calendar lacks a year: those who keep it and those whose flows count by it. */
const WARNED: readonly SessionUser['role'][] = ['admin', 'configurator'];

/**
 * The warning administrators and configurators see on every screen while this year's holiday
 * schedule, or from 1 November next year's, is not entered: deadlines there are provisional.
 */
export function CalendarWarning({ user, path }: { user: SessionUser; path: string }) {
  const t = useCalendarMessages();
  const health = useApi(WARNED.includes(user.role) ? '/api/health' : null);
  const missing = health.data?.calendar.missingYears ?? [];
  if (missing.length === 0) return null;
  const years = missing.join('、');
  return (
    <Alert
      className="calendar-warning"
      type="warning"
      showIcon
      role="alert"
      title={t('missing', { years })}
      description={`${t('missingDetail', { years })}${t('whoEnters')}`}
      action={user.role === 'admin' && path !== '/calendar' ? <Button size="small" onClick={() => navigate('/calendar')}>{t('openCalendar')}</Button> : undefined}
    />
  );
}
