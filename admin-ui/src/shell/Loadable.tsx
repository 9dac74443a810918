import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../api.ts';
import { useCommon, useLocale } from '../i18n.ts';
import type { Loaded } from './useApi.ts';

/** Renders a loaded resource: a spinner while loading, the server's message with a retry on failure, else the content. */
export function Loadable<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const t = useCommon();
  const locale = useLocale();
  if (loaded.error) {
    return (
      <Result
        status="error"
        title={t('loadFailed')}
        subTitle={errorText(loaded.error, locale)}
        extra={<Button onClick={loaded.reload}>{t('retry')}</Button>}
      />
    );
  }
  if (loaded.data === null) {
    return (
      <div className="centered" aria-busy="true">
        <Spin tip={t('loading')}>
          <div style={{ minHeight: 80, minWidth: 120 }} />
        </Spin>
      </div>
    );
  }
  return <>{children(loaded.data)}</>;
}
