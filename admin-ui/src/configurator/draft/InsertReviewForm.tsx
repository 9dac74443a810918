import { AutoComplete, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useLocalized } from '../../i18n.ts';
import { useRoleName } from '../../roles.ts';
import { usePostOptions } from '../usePostName.ts';
import type { Definition, OverlayOperation } from '../types.ts';
import { useDraftMessages } from './messages.ts';
import { useRequired } from './useRequired.ts';
import { PERSON_ROLES } from '../../roles.ts';
import { CAMEL_NAME, POST_CODE, reviewOperation, type ReviewValues } from './operations.ts';
import { useNameRules } from './useNameRules.ts';

/** The roles a person can hold; `system` never reviews. */

/** A name not taken yet: `base`, else `base2`, `base3`… */
function freeName(base: string, taken: (name: string) => boolean): string {
  let name = base;
  for (let n = 2; taken(name); n++) name = `${base}${n}`;
  return name;
}

/**
 * A dialog inserting a review state after one of a state's events: who reviews (role, post, time
 * limit), the review's form, its approve event and, optionally, a reject event and where it leads.
 * Sensible defaults are filled in; names already taken are refused before the server sees them.
 */
export function InsertReviewForm({ definition, after, event, onAdd, onClose }: { definition: Definition; after: string; event: string; onAdd: (op: OverlayOperation) => void; onClose: () => void }) {
  const t = useDraftMessages();
  const required = useRequired();
  const l = useLocalized();
  const roleName = useRoleName();
  const postOptions = usePostOptions(definition);
  const idRules = useNameRules();
  const [form] = Form.useForm<ReviewValues>();
  const withReject = Form.useWatch('withReject', form) ?? true;
  const origin = definition.states[after];
  const finals = Object.entries(definition.states).filter(([, state]) => state.type === 'final');
  const rejectTarget = finals.find(([, state]) => state.outcome === 'rejected')?.[0] ?? finals[0]?.[0] ?? after;
  const stateName = freeName('secondReview', (name) => name in definition.states);
  const initial: ReviewValues = {
    event,
    state: stateName,
    titleZh: '复核',
    titleEn: 'Second review',
    role: 'reviewer',
    post: 'supervisor',
    sla: 2,
    form: freeName(`${stateName}Opinion`, (name) => name in definition.forms),
    formZh: '复核意见',
    formEn: 'Review opinion',
    approve: 'confirm',
    approveZh: '复核通过',
    approveEn: 'Confirm',
    withReject: true,
    reject: 'overrule',
    rejectZh: '复核不通过',
    rejectEn: 'Overrule',
    target: rejectTarget,
  };

  return (
    <Modal
      open
      title={t('reviewTitle')}
      okText={t('add')}
      cancelText={t('cancel')}
      width={720}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<ReviewValues>
        form={form}
        name="config-review"
        layout="vertical"
        size="small"
        initialValues={initial}
        onFinish={(values) => {
          onAdd(reviewOperation(after, values));
          onClose();
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('reviewAfter')}>
              <Input value={origin ? l(origin.title) : after} disabled />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="event" label={t('reviewEvent')} rules={required}>
              <Select options={Object.entries(origin?.on ?? {}).map(([name, transition]) => ({ value: name, label: l(transition.title) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="state" label={t('reviewState')} rules={idRules((name) => name in definition.states)}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="titleZh" label={t('inChinese', { what: t('stateTitle') })} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="titleEn" label={t('inEnglish', { what: t('stateTitle') })} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="role" label={t('reviewRole')} rules={required}>
              <Select options={PERSON_ROLES.map((role) => ({ value: role, label: roleName(role) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="post" label={t('postInput')} rules={[...required, { pattern: POST_CODE, message: t('postHint') }]}>
              <AutoComplete options={postOptions} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sla" label={t('slaInput')} rules={required}>
              <InputNumber min={1} max={250} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="form" label={t('reviewForm')} rules={idRules((name) => name in definition.forms)}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="formZh" label={t('inChinese', { what: t('reviewFormTitle') })} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="formEn" label={t('inEnglish', { what: t('reviewFormTitle') })} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="approve" label={t('approveEvent')} rules={[...required, { pattern: CAMEL_NAME, message: t('idHint') }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="approveZh" label={t('inChinese', { what: t('approveTitle') })} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="approveEn" label={t('inEnglish', { what: t('approveTitle') })} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="withReject" valuePropName="checked">
              <Checkbox>{t('withReject')}</Checkbox>
            </Form.Item>
          </Col>
          {withReject && (
            <>
              <Col span={8}>
                <Form.Item
                  name="reject"
                  label={t('rejectEvent')}
                  dependencies={['approve']}
                  rules={[
                    ...required,
                    { pattern: CAMEL_NAME, message: t('idHint') },
                    ({ getFieldValue }) => ({ validator: (_, value: string) => (value === getFieldValue('approve') ? Promise.reject(new Error(t('idHint'))) : Promise.resolve()) }),
                  ]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="rejectZh" label={t('inChinese', { what: t('rejectTitle') })} rules={required}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="rejectEn" label={t('inEnglish', { what: t('rejectTitle') })} rules={required}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="target" label={t('rejectTarget')} rules={required}>
                  <Select options={Object.entries(definition.states).map(([name, state]) => ({ value: name, label: l(state.title) }))} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
