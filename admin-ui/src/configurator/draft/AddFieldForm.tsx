import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { FormDefinition, OverlayOperation } from '../types.ts';
import { fieldKinds, fieldSchema, parseOptions, type FieldKind, type NewField } from './fields.ts';
import { useDraftMessages, type DraftMessage } from './messages.ts';
import { useRequired } from './useRequired.ts';
import { CAMEL_NAME } from './operations.ts';
import { useNameRules } from './useNameRules.ts';

interface FieldValues {
  name?: string;
  kind?: FieldKind;
  titleZh?: string;
  titleEn?: string;
  required?: boolean;
  maxLength?: number | null;
  minimum?: number | null;
  maximum?: number | null;
  options?: string;
}

function newField(values: FieldValues): NewField | null {
  if (!values.name || !values.kind) return null;
  const zh = values.titleZh || values.name;
  return {
    name: values.name,
    kind: values.kind,
    title: { 'zh-CN': zh, en: values.titleEn || zh },
    required: values.required ?? false,
    maxLength: values.maxLength ?? null,
    minimum: values.minimum ?? null,
    maximum: values.maximum ?? null,
    options: parseOptions(values.options ?? ''),
  };
}

/**
 * Adds a field to a form: its id, kind, titles, whether it is required and its limits or options.
 * Every change is reported through `onPending`, so the preview shows the field while it is typed;
 * submitting adds an `addField` operation to the draft.
 */
export function AddFieldForm({ formId, form: target, onPending, onAdd }: { formId: string; form: FormDefinition; onPending: (pending: { name: string; schema: Record<string, unknown>; required: boolean } | null) => void; onAdd: (op: OverlayOperation) => void }) {
  const t = useDraftMessages();
  const required = useRequired();
  const nameRules = useNameRules();
  const [form] = Form.useForm<FieldValues>();
  const kind = Form.useWatch('kind', form);
  const taken = (name: string) => name in ((target.schema['properties'] ?? {}) as Record<string, unknown>);
  const report = (values: FieldValues) => {
    const field = newField(values);
    onPending(field && CAMEL_NAME.test(field.name) && !taken(field.name) ? { name: field.name, schema: fieldSchema(field), required: field.required } : null);
  };

  return (
    <Form<FieldValues>
      form={form}
      name="config-add-field"
      layout="vertical"
      size="small"
      initialValues={{ kind: 'text', required: false }}
      onValuesChange={(_, all) => report(all)}
      onFinish={(values) => {
        const field = newField(values);
        if (!field) return;
        onAdd({ op: 'addField', form: formId, field: field.name, schema: fieldSchema(field), required: field.required });
        form.resetFields();
        onPending(null);
      }}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="name" label={t('fieldName')} rules={nameRules(taken)}>
            <Input placeholder={t('fieldNameExample')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="titleZh" label={t('titleZh')} rules={required}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="titleEn" label={t('titleEn')} rules={required}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="kind" label={t('fieldKind')}>
            <Select options={fieldKinds.map((value) => ({ value, label: t(`kind.${value}` as DraftMessage) }))} />
          </Form.Item>
        </Col>
        {kind === 'text' && (
          <Col span={8}>
            <Form.Item name="maxLength" label={t('maxLength')}>
              <InputNumber min={1} max={2000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        {(kind === 'integer' || kind === 'number') && (
          <>
            <Col span={8}>
              <Form.Item name="minimum" label={t('minimum')}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="maximum" label={t('maximum')}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col span={8}>
          <Form.Item name="required" valuePropName="checked" label=" ">
            <Checkbox>{t('fieldRequired')}</Checkbox>
          </Form.Item>
        </Col>
        {kind === 'choice' && (
          <Col span={24}>
            <Form.Item name="options" label={t('optionsInput')} rules={required}>
              <Input.TextArea rows={3} placeholder={t('optionsExample')} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Button htmlType="submit" type="primary">
        {t('add')}
      </Button>
    </Form>
  );
}
