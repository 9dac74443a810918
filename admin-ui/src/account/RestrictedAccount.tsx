import { Button, Card, Typography } from 'antd';
import type { SessionUser } from '../api.ts';
import { useCommon } from '../i18n.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { useAccountMessages } from './messages.ts';
import { SecondFactorSetup } from './SecondFactorSetup.tsx';

/**
 * What a signed-in user must do before anything else, in place of every screen: change a
 * temporary or expired password, or set up the second factor. `onDone` reads the user again.
 */
export function RestrictedAccount({ user, onDone, onSignOut }: { user: SessionUser; onDone: () => void; onSignOut: () => void }) {
  const t = useAccountMessages();
  const common = useCommon();
  const passwordFirst = user.restriction === 'password-change';
  return (
    <main className="login">
      <Card
        className="account-card"
        title={<Typography.Title level={1} className="login-title">{passwordFirst ? t('mustChange') : t('secondFactor')}</Typography.Title>}
        extra={<Button type="link" onClick={onSignOut}>{common('signOut')}</Button>}
      >
        {passwordFirst && <Typography.Paragraph>{t('mustChangeDetail')}</Typography.Paragraph>}
        {passwordFirst ? <ChangePasswordForm onChanged={onDone} /> : <SecondFactorSetup onDone={onDone} />}
      </Card>
    </main>
  );
}
