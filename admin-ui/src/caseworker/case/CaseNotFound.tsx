import { Button, Result } from 'antd';
import { ApiError, errorText } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { navigate } from '../../router.ts';
import { useCaseMessages } from './messages.ts';

/** Whether a failed case read means there is no such case for this user (unknown, malformed or outside the jurisdiction), so retrying cannot help. */
export function isMissingCase(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

/** In place of a case that cannot be shown: the server's reason and the way back to the case list, not a retry. */
export function CaseNotFound({ error }: { error: unknown }) {
  const t = useCaseMessages();
  const locale = useLocale();
  return (
    <Result
      status="404"
      title={t('caseNotFound')}
      subTitle={errorText(error, locale)}
      extra={<Button type="primary" onClick={() => navigate('/cases')}>{t('toCaseList')}</Button>}
    />
  );
}
