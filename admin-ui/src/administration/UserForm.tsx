import type { Answer } from '../../../client/index.ts';
import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { call, client, errorText } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { roleKey, useAdminMessages } from './messages.ts';
import { ROLES, type AdminUser, type UserWithPassword } from './types.ts';
import { UnitPicker, type PickedUnit } from './UnitPicker.tsx';

interface UserFields {
  username: string;
  displayName: string;
  role: AdminUser['role'];
  orgUnit: PickedUnit | null;
  postIds: string[];
}

type PostOption = Answer<'/api/admin/org/units/{unitId}/posts', 'get'>['items'][number];

/**
 * Creates an account (`user` absent) or changes one: name, role, org unit and the posts held, the
 * posts offered being those of the offices in the chosen unit and below. The server's refusal shows above the buttons.
 */
export function UserForm({ user, preset, onCreated, onSaved, onCancel }: { user?: AdminUser; preset?: PickedUnit | null; onCreated: (result: UserWithPassword) => void; onSaved: (user: AdminUser) => void; onCancel: () => void }) {
  const t = useAdminMessages();
  const locale = useLocale();
  const [form] = Form.useForm<UserFields>();
  const [options, setOptions] = useState<PostOption[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const unit = Form.useWatch('orgUnit', form);
  const unitId = unit?.value ?? null;

  useEffect(() => {
    if (!unitId) return setOptions([]);
    let current = true;
    void call(client.GET('/api/admin/org/units/{unitId}/posts', { params: { path: { unitId } } })).then((body) => current && setOptions(body.items), setError);
    return () => {
      current = false;
    };
  }, [unitId]);

  const submit = async (values: UserFields) => {
    setBusy(true);
    setError(null);
    try {
      const body = { displayName: values.displayName, role: values.role, orgUnitId: values.orgUnit?.value, postIds: values.postIds ?? [] };
      if (user) onSaved(await call(client.PATCH('/api/admin/users/{id}', { params: { path: { id: user.id } }, body })));
      else onCreated(await call(client.POST('/api/admin/users', { body: { ...body, orgUnitId: body.orgUnitId!, username: values.username } })));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const initial: Partial<UserFields> = user
    ? { username: user.username, displayName: user.displayName, role: user.role, orgUnit: { value: user.orgUnit.id, label: user.orgUnit.name }, postIds: user.posts.map((p) => p.id) }
    : { role: 'caseworker', orgUnit: preset ?? null, postIds: [] };
  const required = [{ required: true, message: t('required') }];
  return (
    <Form<UserFields> form={form} name="user" layout="vertical" initialValues={initial} onFinish={submit} requiredMark={false}>
      <Form.Item name="username" label={t('username')} extra={user ? undefined : t('usernameRule')} rules={[...required, { pattern: /^[a-z][a-z0-9._-]{2,31}$/, message: t('usernameRule') }]}>
        <Input disabled={Boolean(user)} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('displayName')} rules={required}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={t('role')} rules={required}>
        <Select options={ROLES.map((role) => ({ value: role, label: t(roleKey(role)) }))} />
      </Form.Item>
      <Form.Item name="orgUnit" label={t('orgUnit')} rules={required}>
        <UnitPicker onChange={() => form.setFieldValue('postIds', [])} />
      </Form.Item>
      <Form.Item name="postIds" label={t('posts')} extra={unitId ? t('postsHint') : t('chooseUnitFirst')}>
        <Select mode="multiple" disabled={!unitId} optionFilterProp="label" options={options.map((p) => ({ value: p.id, label: `${p.orgUnitName} · ${locale === 'zh-CN' ? p.name : p.nameEn}` }))} />
      </Form.Item>
      {error !== null && <Alert type="error" role="alert" showIcon className="form-alert" title={errorText(error, locale)} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>{user ? t('save') : t('create')}</Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}
