import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call, client, errorText, session, type SessionUser } from '../api.ts';
import { defineMessages, useCommon, useLocale } from '../i18n.ts';
import { useApi } from '../shell/useApi.ts';

const useMessages = defineMessages({
  username: { 'zh-CN': '用户名', en: 'Username' },
  password: { 'zh-CN': '密码', en: 'Password' },
  signIn: { 'zh-CN': '登录', en: 'Sign in' },
  usernameRequired: { 'zh-CN': '请输入用户名', en: 'Enter your username' },
  passwordRequired: { 'zh-CN': '请输入密码', en: 'Enter your password' },
  otp: { 'zh-CN': '动态口令或恢复码', en: 'One-time code or recovery code' },
  otpRequired: { 'zh-CN': '请输入验证器显示的动态口令', en: 'Enter the code your authenticator shows' },
  expired: { 'zh-CN': '登录已失效，请重新登录；登录后回到刚才的页面', en: 'Your session has ended: sign in again to return to where you were' },
  demoHint: {
    'zh-CN': '演示账号：caseworker（经办）/ reviewer（审核）/ supervisor（科长）/ configurator（市级配置）/ provincial（省级配置）/ evaluator（评估）/ admin / ministry-admin（部级管理）/ provincial-admin（省级管理）/ auditor（审计），密码均为 demo',
    en: 'Demo accounts: caseworker / reviewer / supervisor / configurator (city) / provincial (province) / evaluator / admin / ministry-admin / provincial-admin / auditor, password demo',
  },
});

/**
 * Sign-in form; shows the server's message in the current language when it refuses, and the demo accounts in demo mode only.
 * `expired`: the session ended while the user worked, which the form says (the screen they were on opens again after).
 */
export function LoginPage({ onSignedIn, onSwitchLanguage, expired = false }: { onSignedIn: (user: SessionUser) => void; onSwitchLanguage: () => void; expired?: boolean }) {
  const t = useMessages();
  const common = useCommon();
  const locale = useLocale();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Once the password is right and the account has a second factor, the form asks for its code.
  const [needsOtp, setNeedsOtp] = useState(false);
  const health = useApi('/api/health');

  const submit = async ({ username, password, otp }: { username: string; password: string; otp?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const result = await call(client.POST('/api/auth/login', { body: { username, password, ...(otp ? { otp: otp.trim() } : {}) } }));
      session.set(result.token);
      onSignedIn(result.user);
    } catch (caught) {
      if (caught instanceof ApiError && caught.body.code === 'AUTH_OTP_REQUIRED') setNeedsOtp(true);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <Card
        className="login-card"
        title={<Typography.Title level={1} className="login-title">{common('appTitle')}</Typography.Title>}
        extra={<Button type="link" onClick={onSwitchLanguage}>{common('switchLanguage')}</Button>}
      >
        <Form layout="vertical" aria-label={t('signIn')} onFinish={submit} requiredMark={false}>
          {expired && <Alert type="warning" showIcon title={t('expired')} className="form-alert" data-testid="session-expired" />}
          <Form.Item label={t('username')} name="username" rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {needsOtp && (
            <Form.Item label={t('otp')} name="otp" rules={[{ required: true, whitespace: true, message: t('otpRequired') }]}>
              <Input autoComplete="one-time-code" inputMode="numeric" autoFocus />
            </Form.Item>
          )}
          {error !== null && <Alert type="error" role="alert" showIcon title={errorText(error, locale)} className="form-alert" />}
          <Button type="primary" htmlType="submit" loading={busy} block>{t('signIn')}</Button>
          {health.data?.mode === 'demo' && <Typography.Paragraph type="secondary" className="hint">{t('demoHint')}</Typography.Paragraph>}
        </Form>
      </Card>
    </main>
  );
}
