import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call, client, errorText } from '../api.ts';
import { useLocale, useLocalized } from '../i18n.ts';
import { useAccountMessages } from './messages.ts';

interface PasswordFields {
  current: string;
  next: string;
  again: string;
}

/** The policy rules a `PASSWORD_POLICY` refusal names, in the reader's language. */
function brokenRules(error: unknown, l: (text: { 'zh-CN': string; en: string }) => string): string[] {
  if (!(error instanceof ApiError) || error.body.code !== 'PASSWORD_POLICY') return [];
  return ((error.body.details as { problems?: { reason: { 'zh-CN': string; en: string } }[] } | null)?.problems ?? []).map((p) => l(p.reason));
}

/** Changes one's own password: the current one, the new one twice; the server's refusal lists every rule the new one breaks. */
export function ChangePasswordForm({ onChanged, onCancel }: { onChanged: () => void; onCancel?: () => void }) {
  const t = useAccountMessages();
  const l = useLocalized();
  const locale = useLocale();
  const [form] = Form.useForm<PasswordFields>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: PasswordFields) => {
    setBusy(true);
    setError(null);
    try {
      await call(client.POST('/api/auth/password', { body: { current: values.current, next: values.next } }));
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const rules = brokenRules(error, l);
  return (
    <Form<PasswordFields> form={form} name="change-password" layout="vertical" onFinish={submit} requiredMark={false}>
      <Typography.Paragraph type="secondary">{t('rules')}</Typography.Paragraph>
      <Form.Item name="current" label={t('current')} rules={[{ required: true, message: t('required', { field: t('current') }) }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="next" label={t('next')} rules={[{ required: true, message: t('required', { field: t('next') }) }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="again"
        label={t('again')}
        dependencies={['next']}
        rules={[{ required: true, message: t('required', { field: t('again') }) }, ({ getFieldValue }) => ({ validator: (_, value) => (value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('differ')))) })]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {error !== null && (
        <Alert type="error" role="alert" showIcon className="form-alert" title={errorText(error, locale)} description={rules.length > 0 ? <ul className="case-refusal-reasons">{rules.map((r) => <li key={r}>{r}</li>)}</ul> : undefined} />
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>{t('save')}</Button>
        {onCancel && <Button onClick={onCancel}>{t('cancel')}</Button>}
      </Space>
    </Form>
  );
}
