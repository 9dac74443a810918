import { Alert, Button, Form, Input } from 'antd';
import { api } from '../../api.ts';
import { checkedBy, requiredRule } from './form-rules.ts';
import { citizenIdProblem } from '../../components/citizen-id.ts';
import { creditCodeProblem, creditCodeSummary } from './identifier-checks.ts';
import { useStartMessages } from './messages.ts';
import type { ChosenSubject, EmployerItem } from './types.ts';
import { useRegistration } from './useRegistration.ts';

interface EmployerFields {
  creditCode: string;
  name: string;
  legalRepIdNumber?: string;
  establishedOn?: string;
}

const FIELDS = ['creditCode', 'name', 'legalRepIdNumber', 'establishedOn'] as const;

/**
 * Registers an employer by unified social credit code, checked as it is typed (alphabet, its own
 * check character and the embedded organisation code's), with the legal representative's ID number
 * (stored encrypted, shown masked) and the establishment date that start-up rules check. A refusal lands on the field it
 * concerns. The registered employer, or the existing one a duplicate code names, is shown in
 * the search list via `showInList`.
 */
export function EmployerForm({ onRegistered, showInList }: { onRegistered: (subject: ChosenSubject) => void; showInList: (creditCode: string) => void }) {
  const t = useStartMessages();
  const [form] = Form.useForm<EmployerFields>();
  const { refusal, saving, register } = useRegistration(form, FIELDS, 'creditCode', showInList);
  const creditCode = Form.useWatch('creditCode', form) ?? '';
  const derived = creditCodeSummary(creditCode, t);

  const submit = (values: EmployerFields) => {
    const body: Record<string, string> = { creditCode: values.creditCode.trim().toUpperCase(), name: values.name.trim() };
    if (values.legalRepIdNumber?.trim()) body['legalRepIdNumber'] = values.legalRepIdNumber.trim().toUpperCase();
    if (values.establishedOn) body['establishedOn'] = values.establishedOn;
    return register(body['creditCode']!, () => api<EmployerItem>('POST', '/employers', body), (employer) => {
      showInList(employer.creditCode);
      onRegistered({ id: employer.id, kind: 'employer', name: employer.name, identifier: employer.creditCode, warnings: [] });
    });
  };

  return (
    <Form<EmployerFields> form={form} name="register-employer" layout="vertical" onFinish={submit} className="start-form">
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
      <Form.Item
        name="legalRepIdNumber"
        label={t('legalRepIdNumber')}
        normalize={(value: string) => value.replace(/\s/g, '').toUpperCase()}
        rules={[checkedBy((value) => citizenIdProblem(value, t))]}
      >
        <Input maxLength={18} autoComplete="off" className="start-identifier" />
      </Form.Item>
      <Form.Item name="establishedOn" label={t('establishedOn')}>
        <Input type="date" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('register')}
      </Button>
    </Form>
  );
}
