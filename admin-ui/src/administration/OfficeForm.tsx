import { Alert, Button, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { useAdminMessages } from './messages.ts';
import type { CataloguePost } from './types.ts';

interface PostFields {
  codes: string[];
  code?: string;
  name?: string;
  nameEn?: string;
}

/** The posts a form asks for: the catalogue's codes chosen, and a new code with its two names when filled in. */
function chosenPosts(values: PostFields) {
  const named = values.name && values.nameEn ? { name: { 'zh-CN': values.name, en: values.nameEn } } : {};
  const custom = values.code ? [{ code: values.code, ...named }] : [];
  return [...(values.codes ?? []).map((code) => ({ code })), ...custom];
}

/** The codes the form starts with: those the office has, shown ticked but not sent again. */
function withoutTaken(values: PostFields, taken: readonly string[]): PostFields {
  return { ...values, codes: (values.codes ?? []).filter((code) => !taken.includes(code)) };
}

/**
 * A new office under a unit (`parentId`) with its posts, or one more post for an office (`officeId`):
 * posts of the standard catalogue, or a new code with zh-CN and English names. Every catalogue post is
 * laid out as a checkbox, none hidden in a scrolling list; those the office already has are shown ticked and fixed.
 */
export function OfficeForm({ parentId, officeId, catalogue, taken = [], onDone, onCancel }: { parentId?: string; officeId?: string; catalogue: CataloguePost[]; taken?: string[]; onDone: () => void; onCancel: () => void }) {
  const t = useAdminMessages();
  const locale = useLocale();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: PostFields & { officeName?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const posts = chosenPosts(withoutTaken(values, taken));
      if (parentId) await call(client.POST('/api/admin/org/units/{unitId}/offices', { params: { path: { unitId: parentId } }, body: { name: values.officeName!, posts } }));
      else for (const post of posts) await call(client.POST('/api/admin/org/offices/{unitId}/posts', { params: { path: { unitId: officeId! } }, body: post }));
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form name={parentId ? 'office' : 'post'} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ codes: taken }}>
      {parentId && (
        <Form.Item name="officeName" label={t('officeName')} rules={[{ required: true, message: t('required') }]}>
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="codes" label={t('standardPosts')} extra={taken.length > 0 ? t('postsTaken') : undefined}>
        <Checkbox.Group
          className="catalogue-posts"
          aria-label={t('standardPosts')}
          options={catalogue.map((p) => ({ value: p.code, label: p.name[locale], disabled: taken.includes(p.code) }))}
        />
      </Form.Item>
      <Typography.Text type="secondary">{t('customPost')}</Typography.Text>
      <Space.Compact block className="custom-post">
        <Form.Item name="code" noStyle rules={[{ pattern: /^[a-z][a-z0-9-]{1,39}$/, message: t('postCode') }]}>
          <Input placeholder={t('postCode')} aria-label={t('postCode')} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" noStyle>
          <Input placeholder={t('postName')} aria-label={t('postName')} autoComplete="off" />
        </Form.Item>
        <Form.Item name="nameEn" noStyle>
          <Input placeholder={t('postNameEn')} aria-label={t('postNameEn')} autoComplete="off" />
        </Form.Item>
      </Space.Compact>
      {error !== null && <Alert type="error" role="alert" showIcon className="form-alert" title={errorText(error, locale)} />}
      <Space className="form-alert">
        <Button type="primary" htmlType="submit" loading={busy}>{parentId ? t('create') : t('addPost')}</Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}
