import type { Answer } from '../../../../client/index.ts';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api, errorText, type TaskItem } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { useApi } from '../../shell/useApi.ts';
import { useTaskMessages } from './messages.ts';

/** A colleague who may take a task, as `GET /api/tasks/colleagues` lists them. */
export type Colleague = Answer<'/api/tasks/colleagues', 'get'>['items'][number];

/**
 * Hands a task over to a colleague (`handover`, the claimant) or reassigns it (`reassign`, the
 * supervisor): the picker lists only colleagues who hold the task's post in its jurisdiction.
 */
export function AssignDialog({ task, action, onDone, onCancel }: { task: TaskItem; action: 'handover' | 'reassign'; onDone: () => void; onCancel: () => void }) {
  const t = useTaskMessages();
  const locale = useLocale();
  const colleagues = useApi('/api/tasks/colleagues', { query: { task: task.id } });
  const [to, setTo] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/tasks/${task.id}/${action}`, { to, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const title = t(action === 'handover' ? 'handOverCase' : 'reassignCase', { caseNo: task.caseNo });
  return (
    <Modal open title={title} okText={t('confirm')} cancelText={t('cancel')} okButtonProps={{ disabled: !to, loading: busy }} onOk={() => void send()} onCancel={onCancel}>
      <Form layout="vertical">
        <Form.Item label={t('to')} required>
          <Select
            aria-label={t('to')}
            loading={colleagues.loading}
            value={to}
            onChange={setTo}
            options={(colleagues.data?.items ?? []).filter((c) => c.id !== task.claimedBy?.id).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item label={t('reason')}>
          <Input aria-label={t('reason')} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={t('refused', { reason: errorText(error, locale) })} />}
    </Modal>
  );
}
