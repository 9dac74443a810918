import { Alert, Modal, Typography } from 'antd';
import { useAdminMessages } from './messages.ts';
import type { UserWithPassword } from './types.ts';

/** The temporary password of a new or reset account, shown this once to be handed over. */
export function TemporaryPassword({ shown, onClose }: { shown: UserWithPassword | null; onClose: () => void }) {
  const t = useAdminMessages();
  return (
    <Modal open={shown !== null} title={t('passwordTitle')} onOk={onClose} onCancel={onClose} okText={t('done')} footer={(_, { OkBtn }) => <OkBtn />} destroyOnHidden>
      {shown && (
        <>
          <Alert type="warning" showIcon title={t('passwordOnce', { name: shown.user.displayName, username: shown.user.username })} />
          <Typography.Paragraph className="temporary-password" copyable={{ text: shown.temporaryPassword }}>
            <code aria-label={t('passwordTitle')}>{shown.temporaryPassword}</code>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
