import { App, Button, Dropdown, Modal } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { useAccountMessages } from './messages.ts';

/** The header's account menu: change one's password, sign out of every session. */
export function AccountMenu({ onSignedOut }: { onSignedOut: () => void }) {
  const t = useAccountMessages();
  const locale = useLocale();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);
  const everywhere = async () => {
    try {
      const { ended } = await call(client.POST('/api/auth/logout-all'));
      message.success(t('signedOutEverywhere', { n: ended }));
      onSignedOut();
    } catch (error) {
      message.error(errorText(error, locale));
    }
  };
  return (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'password', label: t('changePassword'), onClick: () => setChanging(true) },
            { key: 'everywhere', label: t('signOutEverywhere'), onClick: () => void everywhere() },
          ],
        }}
      >
        <Button type="link" className="header-link">{t('account')}</Button>
      </Dropdown>
      {changing && (
        <Modal open title={t('changePassword')} footer={null} onCancel={() => setChanging(false)} destroyOnHidden>
          <ChangePasswordForm
            onCancel={() => setChanging(false)}
            onChanged={() => {
              setChanging(false);
              message.success(t('changed'));
            }}
          />
        </Modal>
      )}
    </>
  );
}
