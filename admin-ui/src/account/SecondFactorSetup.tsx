import { Alert, Button, Descriptions, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { useAccountMessages } from './messages.ts';

/**
 * Sets up the second factor: a key for an authenticator app (typed, or opened as its
 * `otpauth://` link), a code from the app to confirm it, then the recovery codes, shown once.
 */
export function SecondFactorSetup({ onDone }: { onDone: () => void }) {
  const t = useAccountMessages();
  const locale = useLocale();
  const [secret, setSecret] = useState<{ secret: string; uri: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const attempt = async (call: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (codes) {
    return (
      <Space orientation="vertical">
        <Typography.Text strong>{t('recoveryCodes')}</Typography.Text>
        <List size="small" bordered dataSource={codes} renderItem={(code) => <List.Item><code>{code}</code></List.Item>} />
        <Button type="primary" onClick={onDone}>{t('carryOn')}</Button>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" className="case-column">
      <Typography.Paragraph>{t('secondFactorDetail')}</Typography.Paragraph>
      {!secret && <Button type="primary" loading={busy} onClick={() => void attempt(async () => setSecret(await call(client.POST('/api/auth/second-factor'))))}>{t('start')}</Button>}
      {secret && (
        <>
          <Descriptions size="small" bordered column={1} items={[{ key: 'secret', label: t('secret'), children: <code className="secret-key">{secret.secret}</code> }, { key: 'uri', label: t('uri'), children: <a href={secret.uri}>{secret.uri}</a> }]} />
          <Form name="second-factor" layout="inline" onFinish={({ code }: { code: string }) => void attempt(async () => setCodes((await call(client.POST('/api/auth/second-factor/confirm', { body: { code } }))).recoveryCodes))}>
            <Form.Item name="code" label={t('code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('required', { field: t('code') }) }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>{t('confirm')}</Button>
          </Form>
        </>
      )}
      {error !== null && <Alert type="error" role="alert" showIcon title={errorText(error, locale)} />}
    </Space>
  );
}
