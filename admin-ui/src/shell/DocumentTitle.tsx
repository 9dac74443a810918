import { useEffect } from 'react';
import { useCommon, useLocalized, type Text } from '../i18n.ts';

/** Names the browser tab (and so its history and bookmarks) after the screen, in the UI language: `待办任务 - 公共就业服务平台`. */
export function DocumentTitle({ screen }: { screen: Text | undefined }) {
  const common = useCommon();
  const l = useLocalized();
  const name = l(screen);
  useEffect(() => {
    document.title = name ? `${name} - ${common('appTitle')}` : common('appTitle');
  }, [name, common]);
  return null;
}
