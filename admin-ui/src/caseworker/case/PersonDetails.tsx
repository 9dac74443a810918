import type { Answer } from '../../../../client/index.ts';
import { Alert, Button, Descriptions, Form, Input, Modal, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../../api.ts';
import { codeLabel, useDivisionNames } from '../../forms/code-tables.ts';
import { useLocale } from '../../i18n.ts';
import { useMayDo } from '../../session.ts';
import { Loadable } from '../../shell/Loadable.tsx';
import { useApi } from '../../shell/useApi.ts';
import { PersonEditForm } from '../records/PersonEditForm.tsx';
import { PersonMerge } from '../records/PersonMerge.tsx';
import { ReasonField } from '../records/ReasonField.tsx';
import { RecordHistory } from '../records/RecordHistory.tsx';
import { useFieldLabel, useRecordMessages } from '../records/messages.ts';
import { PAYMENT_ACCOUNT } from '../start/form-rules.ts';
import { useCaseMessages } from './messages.ts';

/** A person as `GET /api/persons/{id}` answers: in full for who handles them, masked otherwise. */
type PersonRecord = Answer<'/api/persons/{id}', 'get'>;

interface AccountFields {
  paymentAccountType: 'social-security-card' | 'bank-account';
  paymentAccount: string;
  paymentBank: string;
  reason: string;
}

/**
 * The case's person, read from the server (the read is recorded): the full ID number and phone
 * for who handles the person; otherwise masked, with the way to reveal them for a stated purpose
 * (break-glass, recorded with the purpose) for those who may. Beside the details: an edit form (a
 * reason required), the record's history and, for reviewers and administrators, merging a duplicate.
 */
export function PersonDetails({ personId, onClose }: { personId: string; onClose: () => void }) {
  const t = useCaseMessages();
  const locale = useLocale();
  const mayReveal = useMayDo('persons.reveal');
  const mayRecord = useMayDo('persons.register');
  const mayMerge = useMayDo('persons.merge');
  const r = useRecordMessages();
  const label = useFieldLabel();
  const [tab, setTab] = useState('details');
  const loaded = useApi('/api/persons/{id}', { path: { id: personId } });
  const divisionName = useDivisionNames([loaded.data?.hukouArea, loaded.data?.residenceArea]);
  const [revealed, setRevealed] = useState<PersonRecord | null>(null);
  const [saved, setSaved] = useState<PersonRecord | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reveal = async ({ purpose }: { purpose: string }) => {
    setError(null);
    try {
      setRevealed(await call(client.POST('/api/persons/{id}/reveal', { params: { path: { id: personId } }, body: { purpose } })));
    } catch (caught) {
      setError(caught);
    }
  };
  const recordAccount = async ({ reason, ...values }: AccountFields) => {
    setError(null);
    try {
      const changes = { ...values, paymentAccount: values.paymentAccount.replace(/\s/g, ''), paymentBank: values.paymentBank.trim() };
      setSaved(await call(client.PATCH('/api/persons/{id}', { params: { path: { id: personId } }, body: { changes, reason: reason.trim() } })));
      setRevealed(null);
    } catch (caught) {
      setError(caught);
    }
  };
  const accountType = (type: PersonRecord['paymentAccountType']) => (type === 'bank-account' ? t('bankAccount') : type ? t('socialSecurityCard') : '');
  return (
    <Modal open title={t('personDetails')} footer={null} onCancel={onClose} destroyOnHidden width={760}>
      <Loadable loaded={loaded}>
        {(read) => {
          const person = revealed ?? (saved ? { ...read, paymentAccountType: saved.paymentAccountType, paymentAccount: saved.paymentAccount, paymentBank: saved.paymentBank } : read);
          const editable = mayRecord && person.mergedInto === null;
          const details = (
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
                  {
                    key: 'account',
                    label: t('paymentAccount'),
                    children: person.paymentAccount ? `${accountType(person.paymentAccountType)} ${person.paymentAccount}` : t('noAccount'),
                  },
                  { key: 'bank', label: t('paymentBank'), children: person.paymentBank ?? '—' },
                  ...(['hukouArea', 'residenceArea'] as const).map((field) => {
                    const code = person[field];
                    return { key: field, label: label(field), children: code ? codeLabel(code, divisionName(code)) : '—' };
                  }),
                  ...(['hukouType', 'email', 'address', 'socialSecurityCardNo', 'emergencyContactName', 'emergencyContactPhone'] as const).map((field) => ({ key: field, label: label(field), children: person[field] ?? '—' })),
                  { key: 'skills', label: label('skills'), children: person.skills.map((skill) => skill.name).join('、') || '—' },
                ]}
              />
              {person.mergedInto !== null && <Alert type="warning" showIcon title={r('mergedNote')} />}
              {editable && (
                <Form<AccountFields> name="payment-account" layout="vertical" onFinish={(values) => void recordAccount(values)} initialValues={{ paymentAccountType: 'social-security-card' }}>
                  <Typography.Text strong>{t('recordAccount')}</Typography.Text>
                  <Form.Item name="paymentAccountType" label={t('paymentAccountType')}>
                    <Select
                      options={[
                        { value: 'social-security-card', label: t('socialSecurityCard') },
                        { value: 'bank-account', label: t('bankAccount') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name="paymentAccount" label={t('paymentAccountNo')} rules={[{ required: true, pattern: PAYMENT_ACCOUNT, message: t('accountFormat') }]}>
                    <Input maxLength={40} inputMode="numeric" autoComplete="off" />
                  </Form.Item>
                  <Form.Item name="paymentBank" label={t('paymentBank')} rules={[{ required: true, whitespace: true, max: 100, message: t('bankRequired') }]}>
                    <Input autoComplete="off" maxLength={100} placeholder={t('bankPlaceholder')} />
                  </Form.Item>
                  <ReasonField />
                  <Button htmlType="submit">{t('saveAccount')}</Button>
                </Form>
              )}
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
          const reload = () => {
            setRevealed(null);
            setSaved(null);
            loaded.reload();
          };
          return (
            <Tabs
              activeKey={tab}
              onChange={setTab}
              destroyOnHidden
              items={[
                { key: 'details', label: r('details'), children: details },
                ...(editable ? [{ key: 'edit', label: r('edit'), children: <PersonEditForm personId={personId} person={person} onSaved={reload} /> }] : []),
                { key: 'history', label: r('history'), children: <RecordHistory path={`persons/${personId}`} /> },
                ...(mayMerge && person.mergedInto === null ? [{ key: 'merge', label: r('merge'), children: <PersonMerge personId={personId} onMerged={reload} /> }] : []),
              ]}
            />
          );
        }}
      </Loadable>
    </Modal>
  );
}
