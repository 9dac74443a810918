import type { ReactNode } from 'react';
import { useCommon } from '../i18n.ts';

/**
 * A wide table's box that scrolls it sideways at every width, the only box that does (its inner antd
 * box, which a phone's styles otherwise make scroll, takes no focus, so a keyboard could not scroll it):
 * a tab stop named by what it holds, its cells kept on one line.
 */
export function ScrollRegion({ title, children }: { title: string; children: ReactNode }) {
  const common = useCommon();
  return (
    <div className="scroll-region" tabIndex={0} role="region" aria-label={common('scrollsSideways', { title })}>
      {children}
    </div>
  );
}
