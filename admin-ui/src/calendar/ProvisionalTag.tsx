import { Tag } from 'antd';
import { useCalendarMessages } from './messages.ts';

/** Marks a deadline counted Monday to Friday through a year whose holiday schedule is not entered yet. */
export function ProvisionalTag({ provisional }: { provisional: boolean | undefined }) {
  const t = useCalendarMessages();
  if (!provisional) return null;
  return (
    <Tag className="tag-provisional" title={t('provisionalHelp')}>
      {t('provisional')}
    </Tag>
  );
}
