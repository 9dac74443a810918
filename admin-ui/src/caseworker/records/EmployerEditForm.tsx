import { Alert, Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { useApi } from '../../shell/useApi.ts';
import { useFieldLabel, useRecordMessages } from './messages.ts';
import { ReasonField } from './ReasonField.tsx';
import type { EmployerRecord } from './types.ts';
import { useRecordEdit } from './useRecordEdit.ts';

const SIZES = ['large', 'medium', 'small', 'micro'] as const;
const EDITABLE = ['name', 'legalRepName', 'address', 'industry', 'ownershipType', 'size', 'contactName', 'contactPhone'] as const;

type Values = Pick<EmployerRecord, (typeof EDITABLE)[number]> & { establishedOn: Dayjs | null; reason: string };

/**
 * Corrects an employer's record for a stated reason: address, industry (a GB/T 4754 class),
 * registration type, size, legal representative, contact. Only what differs is sent; the server
 * keeps each change in the history.
 */
export function EmployerEditForm({ employer, onSaved }: { employer: EmployerRecord; onSaved: (saved: EmployerRecord) => void }) {
  const t = useRecordMessages();
  const label = useFieldLabel();
  const locale = useLocale();
  const types = useApi('/api/code-tables/{table}', { path: { table: 'registration-type-2011' } });
  const { save, error, sent } = useRecordEdit<EmployerRecord>(`/employers/${employer.id}`, onSaved);
  const submit = ({ reason, establishedOn, ...values }: Values) => {
    const editable: Record<string, unknown> = { ...values, establishedOn: establishedOn ? establishedOn.format('YYYY-MM-DD') : null };
    if (employer.masked) delete editable['contactPhone'];
    void save(employer as unknown as Record<string, unknown>, editable, reason.trim());
  };
  return (
    <Form<Values> name="employer-edit" layout="vertical" initialValues={{ ...employer, establishedOn: employer.establishedOn ? dayjs(employer.establishedOn) : null }} onFinish={submit}>
      <Form.Item name="name" label={label('name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="legalRepName" label={label('legalRepName')} rules={[{ max: 50 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="establishedOn" label={label('establishedOn')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="address" label={label('address')} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="industry" label={label('industry')} rules={[{ pattern: /^\d{4}$/, message: label('industry') }]}>
        <Input placeholder="6513" maxLength={4} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="ownershipType" label={label('ownershipType')}>
        <Select allowClear options={(types.data?.items ?? []).filter((entry) => entry.level > 1).map((entry) => ({ value: entry.code, label: `${entry.code} ${entry.name}` }))} />
      </Form.Item>
      <Form.Item name="size" label={label('size')}>
        <Select allowClear options={SIZES.map((size) => ({ value: size, label: t(`size.${size}`) }))} />
      </Form.Item>
      <Form.Item name="contactName" label={label('contactName')} rules={[{ max: 50 }]}>
        <Input />
      </Form.Item>
      {!employer.masked && (
        <Form.Item name="contactPhone" label={label('contactPhone')} rules={[{ pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: label('contactPhone') }]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
      )}
      <ReasonField />
      <Button type="primary" htmlType="submit">
        {t('save')}
      </Button>
      {sent === true && <Alert type="success" showIcon title={t('saved')} />}
      {sent === false && <Alert type="info" showIcon title={t('nothingChanged')} />}
      {error !== null && <Alert type="error" role="alert" showIcon title={errorText(error, locale)} />}
    </Form>
  );
}
