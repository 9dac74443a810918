import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { SessionUser } from '../api.ts';
import { useCommon, useLocalized } from '../i18n.ts';
import { navigate } from '../router.ts';
import { AccountMenu } from '../account/AccountMenu.tsx';
import { NotificationBell } from '../notifications/index.ts';
import { activeItem, navigationFor } from './navigation.ts';
import { PhoneMenu } from './PhoneMenu.tsx';
import { useNarrowScreen } from './useNarrowScreen.ts';

type Post = SessionUser['posts'][number];

/** The first post held and how many more (all of them on hover): a generalist window holds ten. */
function postsHeld(posts: readonly Post[], name: (post: Post) => string): string {
  const [first, ...more] = posts;
  if (!first) return '';
  return ` · ${name(first)}${more.length ? ` +${more.length}` : ''}`;
}

/**
 * The frame around every signed-in screen: who is signed in, the role's menu, language and sign-out;
 * `notice` (the calendar warning) shows above the screen, handed in by the App so the frame knows no feature.
 * Below 992 px the menu, who is signed in and the account's links move into a drawer opened from the header.
 */
export function AppLayout({ user, path, onSignOut, onSignedOut, onSwitchLanguage, notice, children }: { user: SessionUser; path: string; onSignOut: () => void; onSignedOut: () => void; onSwitchLanguage: () => void; notice: ReactNode; children: ReactNode }) {
  const t = useCommon();
  const l = useLocalized();
  const postName = (post: Post) => l({ 'zh-CN': post.name, en: post.nameEn });
  const items = navigationFor(user.role, user.permissions);
  const active = activeItem(items, path);
  const narrow = useNarrowScreen('lg');
  const who = (
    <span className="who" title={user.posts.map(postName).join(l({ 'zh-CN': '、', en: ', ' }))}>
      {user.displayName} · {user.orgUnit.name}
      {postsHeld(user.posts, postName)}
    </span>
  );
  const bell = user.permissions.includes('cases.read') ? <NotificationBell /> : null;
  const language = <Button type="link" className="header-link" onClick={onSwitchLanguage}>{t('switchLanguage')}</Button>;
  const links = (
    <>
      <AccountMenu onSignedOut={onSignedOut} />
      <Button type="link" className="header-link" onClick={onSignOut}>{t('signOut')}</Button>
    </>
  );
  const menu = (
    <Menu
      mode="inline"
      aria-label="menu"
      selectedKeys={active ? [active.path] : []}
      items={items.map((item) => ({ key: item.path, label: l(item.title) }))}
      onClick={({ key }) => navigate(key)}
    />
  );
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        {narrow && <PhoneMenu path={path} who={who} menu={menu} links={links} />}
        <Typography.Title level={1} className="app-title">{t('appTitle')}</Typography.Title>
        {narrow ? <Space size="small">{bell}{language}</Space> : <Space size="middle">{bell}{who}{language}{links}</Space>}
      </Layout.Header>
      <Layout>
        {!narrow && <Layout.Sider width={184} theme="light">{menu}</Layout.Sider>}
        <Layout.Content className="app-content">
          {notice}
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
