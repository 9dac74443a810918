import { Alert, Button, Col, Form, Input, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { api } from '../../api.ts';
import { maskCitizenId } from '../../../../forms/identifiers/index.ts';
import { CodePicker } from '../../forms/CodePicker.tsx';
import { DIVISION_TABLE } from '../../forms/code-tables.ts';
import { checkedBy, HUKOU_AREA, PAYMENT_ACCOUNT, RESIDENCE_AREA, requiredRule } from './form-rules.ts';
import { citizenIdProblem } from '../../components/citizen-id.ts';
import { citizenIdSummary } from './identifier-checks.ts';
import { useStartMessages } from './messages.ts';
import type { ChosenSubject, PersonItem, RegistrationWarning } from './types.ts';
import { useRegistration } from './useRegistration.ts';

interface PersonFields {
  idNumber: string;
  name: string;
  phone?: string;
  hukouArea?: string;
  residenceArea?: string;
  address?: string;
  paymentAccountType?: string;
  paymentAccount?: string;
  paymentBank?: string;
}

const FIELDS = ['idNumber', 'name', 'phone', 'hukouArea', 'residenceArea', 'address', 'paymentAccountType', 'paymentAccount', 'paymentBank'] as const;

/** The request body: trimmed, and without the optional fields left empty (the API refuses empty codes). */
function bodyOf(values: PersonFields): Record<string, string> {
  const body: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = values[field]?.trim();
    if (value) body[field] = field === 'idNumber' ? value.toUpperCase() : field === 'paymentAccount' ? value.replace(/\s/g, '') : value;
  }
  // The type and bank go with an account, never without one.
  if (!body['paymentAccount']) {
    delete body['paymentAccountType'];
    delete body['paymentBank'];
  }
  return body;
}

/**
 * Registers a person under real name. The ID number is checked as it is typed (format, birth
 * date, check character) and, once valid, what it tells is shown to compare with the document;
 * the mobile number is checked the way the server checks it, and the areas are picked from the
 * division tree by name (their codes are what is sent). A refusal lands
 * on the field it concerns. The registered person, or the existing one a duplicate ID number
 * names, is shown in the search list via `showInList`.
 */
export function PersonForm({ onRegistered, showInList }: { onRegistered: (subject: ChosenSubject) => void; showInList: (idNumber: string) => void }) {
  const t = useStartMessages();
  const [form] = Form.useForm<PersonFields>();
  const { refusal, saving, register } = useRegistration(form, FIELDS, 'idNumber', showInList);
  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const derived = citizenIdSummary(idNumber, t);

  const required = (field: string) => requiredRule(t('required', { field }));
  const pattern = (regex: RegExp, message: string): Rule => ({ pattern: regex, message });
  const max = (n: number): Rule => ({ max: n, message: t('tooLong', { max: n }) });

  const submit = (values: PersonFields) => {
    const body = bodyOf(values);
    return register(body['idNumber'] ?? '', () => api<PersonItem & { warnings: RegistrationWarning[] }>('POST', '/persons', body), (person) => {
      showInList(person.idNumber);
      onRegistered({ id: person.id, kind: 'person', name: person.name, identifier: maskCitizenId(person.idNumber), warnings: person.warnings });
    });
  };

  return (
    <Form<PersonFields> form={form} name="register-person" layout="vertical" onFinish={submit} className="start-form">
      {refusal && <Alert type="error" showIcon title={refusal} className="form-alert" />}
      <Form.Item
        name="idNumber"
        label={t('idNumber')}
        normalize={(value: string) => value.replace(/\s/g, '').toUpperCase()}
        rules={[required(t('idNumber')), checkedBy((value) => citizenIdProblem(value, t))]}
        extra={derived}
      >
        <Input maxLength={18} autoComplete="off" inputMode="text" className="start-identifier" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="name" label={t('name')} rules={[required(t('name')), max(50)]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label={t('phone')} normalize={(value: string) => value.trim()} rules={[pattern(/^1[3-9]\d{9}$/, t('phoneFormat'))]}>
            <Input maxLength={11} inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="hukouArea" label={t('hukouArea')}>
            <CodePicker table={DIVISION_TABLE} pattern={HUKOU_AREA} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="residenceArea" label={t('residenceArea')}>
            <CodePicker table={DIVISION_TABLE} pattern={RESIDENCE_AREA} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('address')} rules={[max(200)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="paymentAccountType" label={t('paymentAccountType')} initialValue="social-security-card">
            <Select
              options={[
                { value: 'social-security-card', label: t('socialSecurityCard') },
                { value: 'bank-account', label: t('bankAccount') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="paymentAccount" label={t('paymentAccount')} rules={[pattern(PAYMENT_ACCOUNT, t('accountFormat'))]} extra={t('accountNote')}>
            <Input maxLength={40} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="paymentBank"
            label={t('paymentBank')}
            dependencies={['paymentAccount']}
            rules={[max(100), ({ getFieldValue }) => ({ validator: (_rule, value?: string) => (getFieldValue('paymentAccount')?.trim() && !value?.trim() ? Promise.reject(new Error(t('accountNeedsBank'))) : Promise.resolve()) })]}
          >
            <Input autoComplete="off" placeholder={t('bankPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('register')}
      </Button>
    </Form>
  );
}
