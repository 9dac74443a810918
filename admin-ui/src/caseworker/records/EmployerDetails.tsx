import { Descriptions, Modal, Tabs } from 'antd';
import { useState } from 'react';
import { useMayDo } from '../../session.ts';
import { Loadable } from '../../shell/Loadable.tsx';
import { useApi } from '../../shell/useApi.ts';
import { EmployerEditForm } from './EmployerEditForm.tsx';
import { useFieldLabel, useRecordMessages } from './messages.ts';
import { RecordHistory } from './RecordHistory.tsx';

/** A case's employer: its record (the contact phone masked unless the reader works cases, a recorded read), an edit form with a reason, and its history. */
export function EmployerDetails({ employerId, onClose }: { employerId: string; onClose: () => void }) {
  const t = useRecordMessages();
  const label = useFieldLabel();
  const mayEdit = useMayDo('persons.register');
  const loaded = useApi('/api/employers/{id}', { path: { id: employerId } });
  const [tab, setTab] = useState('details');
  return (
    <Modal open title={t('employerDetails')} footer={null} onCancel={onClose} destroyOnHidden width={720}>
      <Loadable loaded={loaded}>
        {(employer) => (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            destroyOnHidden
            items={[
              {
                key: 'details',
                label: t('details'),
                children: (
                  <Descriptions
                    size="small"
                    bordered
                    column={1}
                    items={(['name', 'creditCode', 'legalRepName', 'legalRepIdNumber', 'establishedOn', 'address', 'industry', 'ownershipType', 'size', 'contactName', 'contactPhone'] as const).map((field) => ({
                      key: field,
                      label: label(field),
                      children: field === 'size' && employer.size ? t(`size.${employer.size}`) : (employer[field] ?? '—'),
                    }))}
                  />
                ),
              },
              ...(mayEdit ? [{ key: 'edit', label: t('edit'), children: <EmployerEditForm employer={employer} onSaved={loaded.reload} /> }] : []),
              { key: 'history', label: t('history'), children: <RecordHistory path={`employers/${employerId}`} /> },
            ]}
          />
        )}
      </Loadable>
    </Modal>
  );
}
