import { Form, Input } from 'antd';
import { requiredRule } from '../start/form-rules.ts';
import { useRecordMessages } from './messages.ts';

/** The reason every change of a record needs (kept in its history): at least two characters besides blanks. */
export function ReasonField() {
  const t = useRecordMessages();
  return (
    <Form.Item name="reason" label={t('reason')} rules={[requiredRule(t('reasonRequired')), { min: 2, message: t('reasonRequired') }]}>
      <Input.TextArea rows={2} maxLength={500} />
    </Form.Item>
  );
}
