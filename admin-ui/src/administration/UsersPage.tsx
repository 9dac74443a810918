import { Alert, App, Button, Drawer, Input, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText, type SessionUser } from '../api.ts';
import { usePaged } from '../components/usePaged.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { currentQuery, navigate } from '../router.ts';
import { joinNames } from '../shell/punctuation.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { roleKey, useAdminMessages } from './messages.ts';
import { TemporaryPassword } from './TemporaryPassword.tsx';
import type { AdminUser, UserWithPassword } from './types.ts';
import { usePresetUnit } from './usePresetUnit.ts';
import { UserForm } from './UserForm.tsx';

/** The drawer's business: a new account (maybe at a unit chosen on the org screen), or one to change. */
type Editing = { kind: 'new' } | { kind: 'edit'; user: AdminUser } | null;

/**
 * 用户管理 (`#/admin/users`): the accounts of the administrator's subtree, found by name or username;
 * create one (the temporary password shown once), change it, disable or enable, unlock, reset its password.
 * `#/admin/users?new=UNIT` opens the new account at that unit, when it lies in the administrator's subtree.
 */
export default function UsersPage({ user: me }: { user: SessionUser }) {
  const t = useAdminMessages();
  const common = useCommon();
  const locale = useLocale();
  const { message } = App.useApp();
  const query = currentQuery();
  const presetId = query.get('new');
  const preset = usePresetUnit(presetId);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Editing>(presetId ? { kind: 'new' } : null);
  const [password, setPassword] = useState<UserWithPassword | null>(null);
  const [error, setError] = useState<unknown>(null);
  const list = usePaged<AdminUser>(`/admin/users?q=${encodeURIComponent(q)}`);
  // The unit handed over from the org screen is used once.
  const close = () => {
    setEditing(null);
    if (presetId) navigate('/admin/users');
  };

  const act = async (user: AdminUser, action: 'disable' | 'enable' | 'unlock' | 'reset-password') => {
    setError(null);
    try {
      const result = await api<AdminUser | UserWithPassword>('POST', `/admin/users/${user.id}/${action}`);
      if ('temporaryPassword' in result) setPassword(result);
      else void message.success(t('saved'));
      list.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section aria-labelledby="users-title">
      <Typography.Title level={2} id="users-title">{t('usersTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('usersIntro')}</Typography.Paragraph>
      <Space className="toolbar" wrap>
        <Input.Search allowClear placeholder={t('search')} aria-label={t('search')} onSearch={setQ} />
        <Button type="primary" onClick={() => setEditing({ kind: 'new' })}>{t('newUser')}</Button>
      </Space>
      {(error !== null || list.error !== null) && <Alert className="form-alert" type="error" role="alert" showIcon title={errorText(error ?? list.error, locale)} />}
      <Table<AdminUser>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={list.pagination}
        locale={tableLocale(list.loading, common('empty'))}
        columns={[
          { title: t('username'), dataIndex: 'username', width: 150, ellipsis: true },
          { title: t('displayName'), dataIndex: 'displayName', width: 110, ellipsis: true },
          { title: t('role'), key: 'role', width: 110, render: (_, u) => t(roleKey(u.role)) },
          { title: t('orgUnit'), key: 'unit', width: 170, ellipsis: { showTitle: false }, render: (_, u) => <Tooltip title={u.orgUnit.name}>{u.orgUnit.name}</Tooltip> },
          {
            title: t('posts'),
            key: 'posts',
            ellipsis: { showTitle: false },
            render: (_, u) => {
              const names = joinNames(u.posts.map((p) => (locale === 'zh-CN' ? p.name : p.nameEn)), locale);
              return <Tooltip title={names}>{names}</Tooltip>;
            },
          },
          {
            title: t('status'),
            key: 'status',
            width: 130,
            render: (_, u) => (
              <Space size={4} wrap>
                <Tag color={u.active ? 'green' : 'default'}>{u.active ? t('active') : t('disabled')}</Tag>
                {u.lockedUntil && <Tag color="red">{t('locked')}</Tag>}
                {u.mustChangePassword && <Tag color="orange">{t('mustChange')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('actions'),
            key: 'actions',
            width: 240,
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" onClick={() => setEditing({ kind: 'edit', user: u })}>{t('edit')}</Button>
                {u.id === me.id ? null : u.active ? (
                  <Popconfirm title={t('confirmDisable')} onConfirm={() => act(u, 'disable')}>
                    <Button type="link" danger>{t('disable')}</Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" onClick={() => void act(u, 'enable')}>{t('enable')}</Button>
                )}
                {u.lockedUntil && <Button type="link" onClick={() => void act(u, 'unlock')}>{t('unlock')}</Button>}
                {u.id !== me.id && (
                  <Popconfirm title={t('confirmReset')} onConfirm={() => act(u, 'reset-password')}>
                    <Button type="link">{t('resetPassword')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Drawer open={editing !== null} size={520} title={editing?.kind === 'edit' ? `${t('edit')} ${editing.user.username}` : t('newUser')} onClose={close} destroyOnHidden>
        {editing?.kind === 'new' && presetId && preset.refused && <Alert className="form-alert" type="warning" role="alert" showIcon title={t('presetOutOfReach', { unit: preset.refused })} />}
        {editing && !(editing.kind === 'new' && preset.checking) && (
          <UserForm
            user={editing.kind === 'edit' ? editing.user : undefined}
            preset={editing.kind === 'new' ? preset.unit : null}
            onCreated={(created) => {
              close();
              setPassword(created);
              list.reload();
            }}
            onSaved={() => {
              close();
              void message.success(t('saved'));
              list.reload();
            }}
            onCancel={close}
          />
        )}
      </Drawer>
      <TemporaryPassword shown={password} onClose={() => setPassword(null)} />
    </section>
  );
}
