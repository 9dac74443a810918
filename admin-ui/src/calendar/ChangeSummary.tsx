import { Alert } from 'antd';
import { useCalendarMessages } from './messages.ts';
import type { ScheduleChangeResult } from './types.ts';

/** What a schedule entered (or previewed) changes, year by year, and what followed: deadlines moved, records judged again. */
export function ChangeSummary({ result }: { result: ScheduleChangeResult }) {
  const t = useCalendarMessages();
  const made = result.changes.flatMap((c) => (c.version === null ? [] : [c.version]));
  const lines = result.changes.map((c) =>
    c.changes
      ? [t('diffTitle', { year: c.year, added: c.diff.added.length, removed: c.diff.removed.length, changed: c.diff.changed.length }), c.diff.changedFrom ? t('diffFrom', { date: c.diff.changedFrom }) : ''].filter(Boolean).join('；')
      : t('noChange', { year: c.year }),
  );
  const followUp = result.followUp ? t('followUp', { cases: result.followUp.cases, moved: result.followUp.moved, records: result.followUp.recalculatedRecords }) : null;
  return (
    <Alert
      className="calendar-change"
      type={made.length > 0 ? 'success' : 'info'}
      showIcon
      role="status"
      title={made.length > 0 ? t('entered', { version: Math.max(...made) }) : t('preview')}
      description={
        <ul className="case-refusal-reasons">
          {lines.map((line) => <li key={line}>{line}</li>)}
          {followUp && <li>{followUp}</li>}
        </ul>
      }
    />
  );
}
