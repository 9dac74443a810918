import { App } from 'antd';
import { useEffect } from 'react';
import { setLeaveGuard } from '../../router.ts';
import { useDraftMessages } from './messages.ts';

/**
 * While the draft has unsaved changes, leaving asks first: a route change inside the workbench
 * (menu, link, back button) asks in a dialog, and closing or reloading the page gets the
 * browser's own question. Nothing is asked once the draft is saved.
 */
export function useLeaveGuard(dirty: boolean) {
  const t = useDraftMessages();
  const { modal } = App.useApp();
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    setLeaveGuard((leave) => {
      void modal.confirm({ title: t('leaveTitle'), content: t('leaveContent'), okText: t('leave'), okButtonProps: { danger: true }, cancelText: t('stay'), onOk: leave });
    });
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      setLeaveGuard(null);
    };
  }, [dirty, modal, t]);
}
