import { Alert, AutoComplete, Button, Divider, Form, Input, InputNumber, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLocalized } from '../../i18n.ts';
import { locksOfState, type FlowSelection } from '../elements.ts';
import { useRoleName } from '../../roles.ts';
import { usePostOptions } from '../usePostName.ts';
import type { Definition, EffectiveLock, OverlayOperation } from '../types.ts';
import { InsertReviewForm } from './InsertReviewForm.tsx';
import { useDraftMessages } from './messages.ts';
import { useRequired } from './useRequired.ts';
import { PERSON_ROLES } from '../../roles.ts';
import { POST_CODE } from './operations.ts';

/**
 * What a draft can change about the selected state (its time limit, post and title; a review
 * inserted after one of its events; removing it) or event (a review inserted after it). Each
 * action adds a typed operation to the draft.
 */
export function StateActions({ definition, selection, locks, onAdd }: { definition: Definition; selection: FlowSelection; locks: readonly EffectiveLock[]; onAdd: (op: OverlayOperation) => void }) {
  const t = useDraftMessages();
  const required = useRequired();
  const l = useLocalized();
  const [review, setReview] = useState<{ after: string; event: string } | null>(null);
  const postOptions = usePostOptions(definition);
  const roleName = useRoleName();
  const [stateId, eventId] = selection.id.split('.') as [string, string | undefined];
  const state = definition.states[stateId];
  if (!state) return null;

  const reviewForm = review && <InsertReviewForm definition={definition} after={review.after} event={review.event} onAdd={onAdd} onClose={() => setReview(null)} />;

  if (selection.kind === 'transition' && eventId) {
    return (
      <>
        <Divider titlePlacement="start">{t('editEvent')}</Divider>
        <Button onClick={() => setReview({ after: stateId, event: eventId })}>{t('insertReview')}</Button>
        {reviewForm}
      </>
    );
  }

  const firstEvent = Object.keys(state.on)[0];
  const locked = locksOfState(locks, stateId).length > 0;
  // A locked state cannot go (the server refuses it for the lock): not offered.
  const removable = stateId !== definition.initial && !locked;
  return (
    <>
      <Divider titlePlacement="start">{t('editState')}</Divider>
      {locked && <Alert type="warning" showIcon title={t('lockedWarning')} className="config-inline-alert" />}
      {!removable && stateId !== definition.initial && <Typography.Text type="secondary">{t('lockedNoRemoval')}</Typography.Text>}
      {state.task ? (
        <>
          <Form name="config-sla" layout="inline" size="small" className="config-action-form" initialValues={{ sla: state.task.slaWorkingDays }} onFinish={(v: { sla: number }) => onAdd({ op: 'setSla', state: stateId, workingDays: v.sla })}>
            <Form.Item name="sla" label={t('slaInput')} rules={required}>
              <InputNumber min={1} max={250} precision={0} />
            </Form.Item>
            <Button htmlType="submit">{t('setSla')}</Button>
          </Form>
          <Form name="config-post" layout="inline" size="small" className="config-action-form" initialValues={{ post: state.task.post }} onFinish={(v: { post: string }) => onAdd({ op: 'setPost', state: stateId, post: v.post })}>
            <Form.Item name="post" label={t('postInput')} rules={[...required, { pattern: POST_CODE, message: t('postHint') }]}>
              <AutoComplete options={postOptions} style={{ width: 190 }} />
            </Form.Item>
            <Button htmlType="submit">{t('setPost')}</Button>
          </Form>
          <Form name="config-role" layout="inline" size="small" className="config-action-form" initialValues={{ role: state.task.role }} onFinish={(v: { role: (typeof PERSON_ROLES)[number] }) => onAdd({ op: 'setRole', state: stateId, role: v.role })}>
            <Form.Item name="role" label={t('roleInput')} rules={required}>
              <Select options={PERSON_ROLES.map((role) => ({ value: role, label: roleName(role) }))} style={{ width: 190 }} />
            </Form.Item>
            <Button htmlType="submit">{t('setRole')}</Button>
          </Form>
        </>
      ) : (
        <Alert type="info" title={t('noManualTask')} className="config-inline-alert" />
      )}
      <Form
        name="config-state-title"
        layout="vertical"
        size="small"
        className="config-action-form"
        initialValues={{ zh: state.title['zh-CN'], en: state.title.en }}
        onFinish={(v: { zh: string; en: string }) => onAdd({ op: 'relabelState', state: stateId, title: { 'zh-CN': v.zh, en: v.en } })}
      >
        <Space.Compact block>
          <Form.Item name="zh" label={t('titleZh')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="en" label={t('titleEn')} rules={required}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Button htmlType="submit">{t('relabel')}</Button>
      </Form>
      <Space wrap className="config-action-form">
        {firstEvent && <Button onClick={() => setReview({ after: stateId, event: firstEvent })}>{t('insertReview')}</Button>}
        {removable && (
          <Popconfirm title={t('removeStateConfirm', { state: l(state.title) })} okText={t('ok')} cancelText={t('cancel')} onConfirm={() => onAdd({ op: 'removeState', state: stateId })}>
            <Button danger>{t('removeState')}</Button>
          </Popconfirm>
        )}
      </Space>
      {reviewForm}
    </>
  );
}
