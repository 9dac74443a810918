import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText, session, type SessionUser } from '../api.ts';
import { defineMessages, useCommon, useLocale } from '../i18n.ts';
import { useApi } from '../shell/useApi.ts';

const useMessages = defineMessages({
  username: { 'zh-CN': '用户名', en: 'Username' },
  password: { 'zh-CN': '密码', en: 'Password' },
  signIn: { 'zh-CN': '登录', en: 'Sign in' },
  usernameRequired: { 'zh-CN': '请输入用户名', en: 'Enter your username' },
  passwordRequired: { 'zh-CN': '请输入密码', en: 'Enter your password' },
  demoHint: {
    'zh-CN': '演示账号：caseworker（经办）/ reviewer（审核）/ supervisor（科长）/ configurator（市级配置）/ provincial（省级配置）/ evaluator（评估）/ admin，密码均为 demo',
    en: 'Demo accounts: caseworker / reviewer / supervisor / configurator (city) / provincial (province) / evaluator / admin, password demo',
  },
});

/** Sign-in form; shows the server's message in the current language when it refuses, and the demo accounts in demo mode only. */
export function LoginPage({ onSignedIn, onSwitchLanguage }: { onSignedIn: (user: SessionUser) => void; onSwitchLanguage: () => void }) {
  const t = useMessages();
  const common = useCommon();
  const locale = useLocale();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const health = useApi<{ mode: 'demo' | 'production' }>('/health');

  const submit = async ({ username, password }: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ token: string; user: SessionUser }>('POST', '/auth/login', { username, password });
      session.set(result.token);
      onSignedIn(result.user);
    } catch (caught) {
      setError(caught);
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
          <Form.Item label={t('username')} name="username" rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error !== null && <Alert type="error" role="alert" showIcon title={errorText(error, locale)} className="form-alert" />}
          <Button type="primary" htmlType="submit" loading={busy} block>{t('signIn')}</Button>
          {health.data?.mode === 'demo' && <Typography.Paragraph type="secondary" className="hint">{t('demoHint')}</Typography.Paragraph>}
        </Form>
      </Card>
    </main>
  );
}
