import { Alert, Button, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { useMayDo } from '../../session.ts';
import { Loadable } from '../../shell/Loadable.tsx';
import { useApi } from '../../shell/useApi.ts';
import { useCaseMessages } from './messages.ts';

/** A person as `GET /api/persons/{id}` answers: in full for who handles them, masked otherwise. */
interface PersonRecord {
  id: string;
  name: string;
  idNumber: string;
  phone: string | null;
  gender: 'male' | 'female';
  birthDate: string;
  masked: boolean;
}

/**
 * The case's person, read from the server (the read is recorded): the full ID number and phone
 * for who handles the person; otherwise masked, with the way to reveal them for a stated purpose
 * (break-glass, recorded with the purpose) for those who may.
 */
export function PersonDetails({ personId, onClose }: { personId: string; onClose: () => void }) {
  const t = useCaseMessages();
  const locale = useLocale();
  const mayReveal = useMayDo('persons.reveal');
  const loaded = useApi<PersonRecord>(`/persons/${personId}`);
  const [revealed, setRevealed] = useState<PersonRecord | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reveal = async ({ purpose }: { purpose: string }) => {
    setError(null);
    try {
      setRevealed(await api<PersonRecord>('POST', `/persons/${personId}/reveal`, { purpose }));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Modal open title={t('personDetails')} footer={null} onCancel={onClose} destroyOnHidden>
      <Loadable loaded={loaded}>
        {(read) => {
          const person = revealed ?? read;
          return (
            <Space orientation="vertical" className="case-column">
              <Descriptions
                size="small"
                bordered
                column={1}
                items={[
                  { key: 'name', label: t('personName'), children: person.name },
                  { key: 'id', label: t('idNumber'), children: person.idNumber },
                  { key: 'phone', label: t('phone'), children: person.phone ?? '—' },
                  { key: 'birth', label: t('birthDate'), children: person.birthDate },
                ]}
              />
              {person.masked && <Typography.Text type="secondary">{t('maskedNote')}</Typography.Text>}
              {person.masked && mayReveal && (
                <Form name="reveal" layout="vertical" onFinish={(values: { purpose: string }) => void reveal(values)}>
                  <Form.Item name="purpose" label={t('revealPurpose')} rules={[{ required: true, min: 4, message: t('revealPurposeRequired') }]}>
                    <Input.TextArea rows={2} maxLength={200} />
                  </Form.Item>
                  <Button htmlType="submit">{t('reveal')}</Button>
                </Form>
              )}
              {error !== null && <Alert type="error" role="alert" showIcon title={errorText(error, locale)} />}
            </Space>
          );
        }}
      </Loadable>
    </Modal>
  );
}
