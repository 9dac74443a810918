import { Alert, Input, Modal } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { labelled } from '../shell/punctuation.ts';
import { useInstitutionMessages } from './messages.ts';
import type { Institution, InstitutionStatus } from './types.ts';

/** Suspends, reinstates or revokes an institution once a reason is given; the server records who, when and why. */
export function StatusChange({ institution, status, title, onClose, onChanged }: { institution: Institution; status: InstitutionStatus; title: string; onClose: () => void; onChanged: () => void }) {
  const t = useInstitutionMessages();
  const locale = useLocale();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(client.POST('/api/institutions/{id}/status', { params: { path: { id: institution.id } }, body: { status, reason } }));
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={labelled(title, institution.name, locale)} okText={title} okButtonProps={{ autoInsertSpace: false, disabled: reason.trim().length < 2, loading: busy, danger: status === 'revoked' }} cancelButtonProps={{ autoInsertSpace: false }} cancelText={t('cancel')} onOk={() => void confirm()} onCancel={onClose}>
      {error !== null && <Alert type="error" showIcon className="form-alert" title={errorText(error, locale)} />}
      <label>
        {t('reason')}
        <Input.TextArea aria-label={t('reason')} value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} rows={3} placeholder={t('reasonRequired')} />
      </label>
    </Modal>
  );
}
