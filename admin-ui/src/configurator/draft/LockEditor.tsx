import { Button, Col, Form, Input, Row, Select, Table, Typography } from 'antd';
import type { Localized } from '../../api.ts';
import { useLocalized } from '../../i18n.ts';
import { ElementPath, useSegmentText } from '../ElementPath.tsx';
import { lockableElements } from '../elements.ts';
import { pathSegments } from '../paths.ts';
import type { Definition, Overlay } from '../types.ts';
import { useDraftMessages } from './messages.ts';
import { useRequired } from './useRequired.ts';

type OwnLock = Overlay['locks'][number];

/**
 * The locks a province sets for its cities: each element with the reason the cities will read.
 * A city's draft that changes one is refused, naming the province.
 */
export function LockEditor({
  locks,
  definition,
  parameters,
  onChange,
}: {
  locks: readonly OwnLock[];
  definition: Definition;
  parameters: readonly { id: string; title: Localized }[];
  onChange: (locks: OwnLock[]) => void;
}) {
  const t = useDraftMessages();
  const required = useRequired();
  const l = useLocalized();
  const segmentText = useSegmentText();
  const [form] = Form.useForm<{ element: string; zh: string; en: string }>();
  const taken = new Set(locks.map((lock) => lock.element));
  const options = lockableElements(definition, parameters)
    .filter((element) => !taken.has(element))
    .map((element) => ({ value: element, label: pathSegments(element, [definition], parameters).map(segmentText).join(' › ') }));

  return (
    <>
      <Typography.Paragraph type="secondary">{t('locksHint')}</Typography.Paragraph>
      <Table<OwnLock>
        rowKey="element"
        size="small"
        aria-label={t('tabLocks', { n: locks.length })}
        dataSource={[...locks]}
        pagination={false}
        columns={[
          { title: t('lockElement'), key: 'element', render: (_, row) => <ElementPath path={row.element} definitions={[definition]} parameters={parameters} /> },
          { title: t('lockReason'), key: 'reason', render: (_, row) => l(row.reason) },
          {
            title: '',
            key: 'remove',
            width: 80,
            render: (_, row) => (
              <Button size="small" danger onClick={() => onChange(locks.filter((lock) => lock.element !== row.element))}>
                {t('remove')}
              </Button>
            ),
          },
        ]}
      />
      <Form
        form={form}
        name="config-lock"
        layout="vertical"
        size="small"
        className="config-action-form"
        onFinish={(values) => {
          onChange([...locks, { element: values.element, reason: { 'zh-CN': values.zh, en: values.en } }]);
          form.resetFields();
        }}
      >
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="element" label={t('lockElement')} rules={required}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="zh" label={t('inChinese', { what: t('lockReason') })} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="en" label={t('inEnglish', { what: t('lockReason') })} rules={required}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Button htmlType="submit">{t('addLock')}</Button>
      </Form>
    </>
  );
}
