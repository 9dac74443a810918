import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { defineMessages } from '../i18n.ts';

const useMessages = defineMessages({
  openMenu: { 'zh-CN': '打开菜单', en: 'Open the menu' },
  menuTitle: { 'zh-CN': '菜单', en: 'Menu' },
});

/**
 * The side menu of a narrow screen: a button in the header opening a drawer with who is signed in, the
 * role's menu and the account's links. Going to another screen closes it.
 */
export function PhoneMenu({ path, who, menu, links }: { path: string; who: ReactNode; menu: ReactNode; links: ReactNode }) {
  const t = useMessages();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [path]);
  return (
    <>
      <Button type="text" className="phone-menu-button" icon={<MenuOutlined />} aria-label={t('openMenu')} aria-expanded={open} onClick={() => setOpen(true)} />
      <Drawer placement="left" size={272} title={t('menuTitle')} open={open} onClose={() => setOpen(false)} rootClassName="phone-menu">
        <div className="phone-menu-who">{who}</div>
        {menu}
        <div className="phone-menu-links">{links}</div>
      </Drawer>
    </>
  );
}
