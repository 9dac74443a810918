import { Button, Col, Form, Input, Row } from 'antd';
import { useCalendarMessages } from './messages.ts';

/** One field of an entry: its key, its label, and whether it is a date. */
export interface EntryField {
  key: string;
  label: string;
  date?: boolean;
}

/**
 * A list of entries of the schedule form (holiday periods, make-up days): one row of required
 * fields per entry, each removable, and a button to add one.
 */
export function EntryList({ name, fields, addLabel }: { name: string; fields: readonly EntryField[]; addLabel: string }) {
  const t = useCalendarMessages();
  const span = Math.floor(21 / fields.length);
  return (
    <Form.List name={name}>
      {(entries, { add, remove }) => (
        <>
          {entries.map((entry) => (
            <Row gutter={8} key={entry.key} align="top">
              {fields.map((field) => (
                <Col xs={field.date ? 11 : 24} sm={span} key={field.key}>
                  <Form.Item name={[entry.name, field.key]} label={field.label} rules={[{ required: true, message: t('required', { field: field.label }) }]}>
                    {field.date ? <Input type="date" /> : <Input maxLength={40} />}
                  </Form.Item>
                </Col>
              ))}
              <Col xs={2} sm={3} className="calendar-remove">
                <Button type="link" danger onClick={() => remove(entry.name)}>{t('remove')}</Button>
              </Col>
            </Row>
          ))}
          <Button onClick={() => add(Object.fromEntries(fields.map((f) => [f.key, ''])))}>{addLabel}</Button>
        </>
      )}
    </Form.List>
  );
}
