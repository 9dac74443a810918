import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useCommon } from '../i18n.ts';

function LoadFailed() {
  const t = useCommon();
  return <Result status="warning" title={t('loadFailed')} subTitle={t('screenFailed')} extra={<Button onClick={() => window.location.reload()}>{t('reload')}</Button>} />;
}

/**
 * Catches a screen that fails to load or render (its code could not be fetched, the server was
 * replaced by a new version) and offers to reload, instead of leaving a blank page. Moving to
 * another path tries again; screens keep their state while the path changes.
 */
export class ScreenErrorBoundary extends Component<{ path: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(previous: { path: string }) {
    if (this.state.failed && previous.path !== this.props.path) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}
