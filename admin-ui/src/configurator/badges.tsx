import { LockOutlined, WarningOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

/** An icon that takes keyboard focus and shows `text` on hover and on focus. */
function HintBadge({ text, className, icon }: { text: string; className: string; icon: ReactNode }) {
  return (
    <Tooltip title={text} trigger={['hover', 'focus']}>
      <span className={className} tabIndex={0} role="img" aria-label={text}>
        {icon}
      </span>
    </Tooltip>
  );
}

/** A lock badge: the icon, with the reason and who locked it on hover and on keyboard focus. `nodrag` keeps the flow canvas from panning when it is clicked. */
export function LockBadge({ text, nodrag = false }: { text: string; nodrag?: boolean }) {
  return <HintBadge text={text} className={nodrag ? 'config-lock-badge nodrag' : 'config-lock-badge'} icon={<LockOutlined />} />;
}

/** A problem badge: the warning icon, with what verification found on hover and on keyboard focus. */
export function ProblemBadge({ text }: { text: string }) {
  return <HintBadge text={text} className="config-problem-badge" icon={<WarningOutlined />} />;
}
