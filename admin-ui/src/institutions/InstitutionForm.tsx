import { Alert, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError, call, client, errorText } from '../api.ts';
import { checkedBy, requiredRule } from '../caseworker/start/form-rules.ts';
import { useLocale } from '../i18n.ts';
import { joinNames } from '../shell/punctuation.ts';
import { creditCodeIssue } from './credit-code-issue.ts';
import { useInstitutionMessages } from './messages.ts';
import { KINDS, type Institution } from './types.ts';

interface Fields {
  creditCode: string;
  name: string;
  kind: Institution['kind'];
  licenceNo: string;
  validFrom: string;
  validUntil: string;
  occupations: string[];
  reason?: string;
}

/** The occupation codes the server did not find in the classification, when that was the refusal. */
function unknownCodes(error: unknown): string[] | undefined {
  const details = error instanceof ApiError ? (error.body.details as { codes?: string[] } | undefined) : undefined;
  return details?.codes;
}

/**
 * Registers an institution, or corrects one (`editing`) with a stated reason: the credit code is
 * checked as it is typed (as the server checks it) and, like the kind, fixed once registered.
 */
export function InstitutionForm({ editing, onClose, onSaved }: { editing?: Institution; onClose: () => void; onSaved: (saved: Institution) => void }) {
  const t = useInstitutionMessages();
  const locale = useLocale();
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const required = (field: string) => requiredRule(t('required', { field }));

  const submit = async (values: Fields) => {
    setSaving(true);
    setError(null);
    try {
      const { reason, creditCode, kind, ...changes } = values;
      const saved = editing
        ? await call(client.PATCH('/api/institutions/{id}', { params: { path: { id: editing.id } }, body: { ...changes, reason: reason! } }))
        : await call(client.POST('/api/institutions', { body: { creditCode, kind, ...changes } }));
      onSaved(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open size={560} title={editing ? `${t('correct')} ${editing.name}` : t('register')} onClose={onClose} destroyOnHidden>
      {error !== null && <Alert type="error" showIcon className="form-alert" title={errorText(error, locale)} description={unknownCodes(error) && joinNames(unknownCodes(error)!, locale)} />}
      <Form<Fields> form={form} name="institution" layout="vertical" initialValues={editing ?? { occupations: [] }} onFinish={(values) => void submit(values)}>
        <Form.Item name="creditCode" label={t('creditCode')} normalize={(value: string) => value.replace(/\s/g, '').toUpperCase()} rules={[required(t('creditCode')), checkedBy((value) => creditCodeIssue(value, locale))]}>
          <Input maxLength={18} autoComplete="off" disabled={Boolean(editing)} />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[required(t('name'))]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')} rules={[required(t('kind'))]}>
          <Select disabled={Boolean(editing)} options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="licenceNo" label={t('licenceNo')} rules={[required(t('licenceNo'))]}>
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="validFrom" label={t('validFrom')} rules={[required(t('validFrom'))]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="validUntil" label={t('validUntil')} rules={[required(t('validUntil'))]}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item
          name="occupations"
          label={t('occupations')}
          extra={t('occupationsHint')}
          getValueProps={(codes?: string[]) => ({ value: (codes ?? []).join(' ') })}
          getValueFromEvent={(event: { target: { value: string } }) => event.target.value.split(/[\s,，、;；]+/).filter(Boolean)}
        >
          <Input autoComplete="off" placeholder="4-03-02 6-31-01-03" />
        </Form.Item>
        {editing && (
          <Form.Item name="reason" label={t('reason')} rules={[{ required: true, min: 2, whitespace: true, message: t('reasonRequired') }]}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        )}
        <Space>
          <Button autoInsertSpace={false} type="primary" htmlType="submit" loading={saving}>{t('save')}</Button>
          <Button autoInsertSpace={false} onClick={onClose}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
