import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { call, client, errorText, type SessionUser } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { useApi } from '../../shell/useApi.ts';
import { useTaskMessages } from './messages.ts';

/**
 * The supervisor moves every open task one colleague claimed to another, as when someone is away,
 * optionally only those of one post: all of them or, if the other may not take one, none.
 */
export function ReassignAllDialog({ user, onDone, onCancel }: { user: SessionUser; onDone: () => void; onCancel: () => void }) {
  const t = useTaskMessages();
  const locale = useLocale();
  const { message } = App.useApp();
  const colleagues = useApi('/api/tasks/colleagues');
  const [from, setFrom] = useState<string | undefined>();
  const [to, setTo] = useState<string | undefined>();
  const [post, setPost] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const people = (colleagues.data?.items ?? []).filter((c) => c.id !== user.id);
  const posts = [...new Map(people.flatMap((c) => c.posts).map((p) => [p.code, p.name])).entries()];

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await call(client.POST('/api/tasks/reassign-all', { body: { from: from!, to: to!, ...(post ? { post } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) } }));
      void message.success(t('moved', { n: result.reassigned }));
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const options = people.map((c) => ({ value: c.id, label: c.name }));
  return (
    <Modal open title={t('reassignAll')} okText={t('confirm')} cancelText={t('cancel')} okButtonProps={{ disabled: !from || !to || from === to, loading: busy }} onOk={() => void send()} onCancel={onCancel}>
      <Form layout="vertical">
        <Form.Item label={t('from')} required>
          <Select aria-label={t('from')} loading={colleagues.loading} value={from} onChange={setFrom} options={options} />
        </Form.Item>
        <Form.Item label={t('to')} required>
          <Select aria-label={t('to')} loading={colleagues.loading} value={to} onChange={setTo} options={options} />
        </Form.Item>
        <Form.Item label={t('post')}>
          <Select aria-label={t('post')} value={post} onChange={setPost} options={[{ value: '', label: t('anyPost') }, ...posts.map(([code, name]) => ({ value: code, label: name }))]} />
        </Form.Item>
        <Form.Item label={t('reason')}>
          <Input aria-label={t('reason')} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={t('refused', { reason: errorText(error, locale) })} />}
    </Modal>
  );
}
