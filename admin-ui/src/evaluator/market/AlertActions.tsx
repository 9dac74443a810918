import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { useMarketMessages } from './messages.ts';
import type { MonitoringAlert } from './types.ts';

/** The longest resolution note the server takes. */
const NOTE_MAX = 500;

/** The dialog asking what was done about an acknowledged alert; the note is required, and the server's refusal stays in view. */
function ResolveDialog({ alert, label, onClose, onResolved }: { alert: MonitoringAlert; label: string; onClose: () => void; onResolved: () => void }) {
  const t = useMarketMessages();
  const locale = useLocale();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async ({ note }: { note: string }) => {
    setBusy(true);
    setError(null);
    try {
      await call(client.POST('/api/monitoring/alerts/{id}/resolve', { params: { path: { id: alert.id } }, body: { note: note.trim() } }));
      onResolved();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('resolveTitle')}
      okText={t('confirmResolve')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{label}</p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t('resolveNote')} extra={t('resolveNoteHint')} rules={[{ required: true, whitespace: true, message: t('resolveNoteRequired') }]}>
          <Input.TextArea rows={3} maxLength={NOTE_MAX} showCount autoFocus />
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorText(error, locale)} />}
    </Modal>
  );
}

/**
 * What a user with `monitoring.alerts` may do with an alert now: acknowledge an active one (one
 * click), resolve an acknowledged one with a note; nothing for a resolved alert. `ruleTitle`
 * names the alert in the buttons' names, to tell rows apart.
 */
export function AlertActions({ alert, ruleTitle, onChanged }: { alert: MonitoringAlert; ruleTitle: string; onChanged: () => void }) {
  const t = useMarketMessages();
  const locale = useLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [resolving, setResolving] = useState(false);
  if (alert.status === 'resolved') return null;
  const names = { unit: alert.orgUnit.name, rule: ruleTitle };

  const acknowledge = async () => {
    setBusy(true);
    try {
      await call(client.POST('/api/monitoring/alerts/{id}/acknowledge', { params: { path: { id: alert.id } }, body: {} }));
      void message.success(t('acknowledgedNotice'));
      onChanged();
    } catch (caught) {
      void message.error(errorText(caught, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size="small">
      {alert.status === 'active' && (
        <Button size="small" autoInsertSpace={false} loading={busy} aria-label={t('acknowledgeAlert', names)} onClick={() => void acknowledge()}>
          {t('acknowledge')}
        </Button>
      )}
      {alert.status === 'acknowledged' && (
        <Button size="small" type="primary" autoInsertSpace={false} aria-label={t('resolveAlert', names)} onClick={() => setResolving(true)}>
          {t('resolve')}
        </Button>
      )}
      {resolving && (
        <ResolveDialog
          alert={alert}
          label={t('resolveAlert', names)}
          onClose={() => setResolving(false)}
          onResolved={() => {
            setResolving(false);
            void message.success(t('resolvedNotice'));
            onChanged();
          }}
        />
      )}
    </Space>
  );
}
