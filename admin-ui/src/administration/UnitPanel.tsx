import { Alert, App, Breadcrumb, Button, Card, Empty, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../api.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { navigate } from '../router.ts';
import { Loadable } from '../shell/Loadable.tsx';
import { joinNames, withDetail } from '../shell/punctuation.ts';
import { useApi } from '../shell/useApi.ts';
import { kindKey, useAdminMessages } from './messages.ts';
import { OfficeForm } from './OfficeForm.tsx';
import type { CataloguePost, OfficePost } from './types.ts';

/** Renames a post in place: its zh-CN and English names. */
function RenamePost({ post, onDone }: { post: OfficePost; onDone: (error?: unknown) => void }) {
  const t = useAdminMessages();
  const [name, setName] = useState(post.name);
  const [nameEn, setNameEn] = useState(post.nameEn);
  const save = () => call(client.PATCH('/api/admin/org/posts/{id}', { params: { path: { id: post.id } }, body: { name: { 'zh-CN': name, en: nameEn } } })).then(() => onDone(), onDone);
  return (
    <Space.Compact>
      <Input value={name} aria-label={t('postName')} onChange={(e) => setName(e.target.value)} />
      <Input value={nameEn} aria-label={t('postNameEn')} onChange={(e) => setNameEn(e.target.value)} />
      <Button type="primary" onClick={() => void save()}>{t('save')}</Button>
    </Space.Compact>
  );
}

/**
 * A unit of the tree: where it sits, its offices (itself when it is one) with their posts and who
 * holds each; create an office here, add, rename or remove posts, or a user placed here.
 */
export function UnitPanel({ unitId, catalogue, onOfficeCreated }: { unitId: string; catalogue: CataloguePost[]; onOfficeCreated: (parent: string) => void }) {
  const t = useAdminMessages();
  const common = useCommon();
  const locale = useLocale();
  const { message } = App.useApp();
  const loaded = useApi('/api/admin/org/units/{unitId}', { path: { unitId } });
  const [form, setForm] = useState<{ kind: 'office' } | { kind: 'post'; officeId: string } | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const changed = (failure?: unknown) => {
    setError(failure ?? null);
    if (failure === undefined) void message.success(t('saved'));
    setRenaming(null);
    loaded.reload();
  };
  return (
    <Loadable loaded={loaded}>
      {(data) => (
        <Card
          title={<Typography.Title level={3} className="unit-title">{`${data.unit.name} · ${t(kindKey(data.unit.kind))}`}</Typography.Title>}
          extra={
            <Space>
              {data.unit.kind !== 'office' && <Button onClick={() => setForm({ kind: 'office' })}>{t('newOffice')}</Button>}
              <Button onClick={() => navigate(`/admin/users?new=${encodeURIComponent(data.unit.id)}`)}>{t('newUser')}</Button>
            </Space>
          }
        >
          <Breadcrumb items={data.ancestors.map((a) => ({ title: a.name }))} />
          {error !== null && <Alert className="form-alert" type="error" role="alert" showIcon title={errorText(error, locale)} />}
          {form?.kind === 'office' && (
            <OfficeForm
              parentId={data.unit.id}
              catalogue={catalogue}
              onDone={() => {
                setForm(null);
                changed();
                onOfficeCreated(data.unit.id);
              }}
              onCancel={() => setForm(null)}
            />
          )}
          <Typography.Title level={4}>{t('offices')}</Typography.Title>
          {data.offices.length === 0 && <Empty description={t('noOffices')} />}
          {data.offices.map((office) => (
            <section key={office.id} aria-label={office.name} className="office-posts">
              <Space className="office-heading">
                <Typography.Text strong>{office.name}</Typography.Text>
                <Button size="small" onClick={() => setForm({ kind: 'post', officeId: office.id })}>{t('addPost')}</Button>
              </Space>
              {form?.kind === 'post' && form.officeId === office.id && (
                <OfficeForm officeId={office.id} catalogue={catalogue} taken={office.posts.map((p) => p.code)} onDone={() => { setForm(null); changed(); }} onCancel={() => setForm(null)} />
              )}
              <Table<OfficePost>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={office.posts}
                locale={{ emptyText: common('empty') }}
                columns={[
                  { title: t('postName'), key: 'name', render: (_, p) => (renaming === p.id ? <RenamePost post={p} onDone={changed} /> : locale === 'zh-CN' ? p.name : p.nameEn) },
                  { title: t('postCode'), dataIndex: 'code' },
                  { title: t('holders'), key: 'holders', render: (_, p) => joinNames(p.holders.map((h) => withDetail(h.displayName, h.username, locale)), locale) || t('nobody') },
                  {
                    title: t('actions'),
                    key: 'actions',
                    render: (_, p) => (
                      <Space size={0}>
                        <Button type="link" onClick={() => setRenaming(p.id)}>{t('rename')}</Button>
                        <Popconfirm title={t('confirmRemove', { name: locale === 'zh-CN' ? p.name : p.nameEn })} onConfirm={() => call(client.DELETE('/api/admin/org/posts/{id}', { params: { path: { id: p.id } } })).then(() => changed(), changed)}>
                          <Button type="link" danger>{t('remove')}</Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]}
              />
            </section>
          ))}
        </Card>
      )}
    </Loadable>
  );
}
