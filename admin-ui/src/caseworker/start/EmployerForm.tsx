import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { checkedBy, requiredRule } from './form-rules.ts';
import { creditCodeProblem, creditCodeSummary } from './identifier-checks.ts';
import { useStartMessages } from './messages.ts';
import { showDuplicateOnField, showRefusalOnFields } from './refusal-on-fields.ts';
import type { ChosenSubject, EmployerItem } from './types.ts';

interface EmployerFields {
  creditCode: string;
  name: string;
}

const FIELDS = ['creditCode', 'name'] as const;

/**
 * Registers an employer by unified social credit code, checked as it is typed (alphabet, its own
 * check character and the embedded organisation code's). A refusal lands on the field it
 * concerns. The registered employer, or the existing one a duplicate code names, is shown in
 * the search list via `showInList`.
 */
export function EmployerForm({ onRegistered, showInList }: { onRegistered: (subject: ChosenSubject) => void; showInList: (creditCode: string) => void }) {
  const t = useStartMessages();
  const locale = useLocale();
  const [form] = Form.useForm<EmployerFields>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const creditCode = Form.useWatch('creditCode', form) ?? '';
  const derived = creditCodeSummary(creditCode, t);

  const register = async (values: EmployerFields) => {
    setSaving(true);
    setRefusal(null);
    const body = { creditCode: values.creditCode.trim().toUpperCase(), name: values.name.trim() };
    try {
      const employer = await api<EmployerItem>('POST', '/employers', body);
      form.resetFields();
      showInList(employer.creditCode);
      onRegistered({ id: employer.id, kind: 'employer', name: employer.name, identifier: employer.creditCode, warnings: [] });
    } catch (error) {
      setRefusal(showRefusalOnFields(form, error, locale, FIELDS));
      if (showDuplicateOnField(form, error, locale, 'creditCode', t('duplicateHint'))) showInList(body.creditCode);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<EmployerFields> form={form} name="register-employer" layout="vertical" onFinish={register} className="start-form">
      {refusal && <Alert type="error" showIcon title={refusal} className="form-alert" />}
      <Form.Item
        name="creditCode"
        label={t('creditCode')}
        normalize={(value: string) => value.replace(/\s/g, '').toUpperCase()}
        rules={[requiredRule(t('required', { field: t('creditCode') })), checkedBy((value) => creditCodeProblem(value, t))]}
        extra={derived}
      >
        <Input maxLength={18} autoComplete="off" className="start-identifier" />
      </Form.Item>
      <Form.Item name="name" label={t('employerName')} rules={[requiredRule(t('required', { field: t('employerName') })), { max: 100, message: t('tooLong', { max: 100 }) }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('register')}
      </Button>
    </Form>
  );
}
