import { Empty, Tag, Timeline, Typography } from 'antd';
import { chinaTime } from '../../components/format.ts';
import { Loadable } from '../../shell/Loadable.tsx';
import { useApi } from '../../shell/useApi.ts';
import { useFieldLabel, useRecordMessages } from './messages.ts';
import type { History, HistoryEntry } from './types.ts';

/** A value as the history shows it: the empty value named, a list of skills by their names. */
function shown(entry: HistoryEntry, value: string | null, empty: string): string {
  if (value === null || value === '') return empty;
  if (entry.field === 'skills') {
    try {
      return (JSON.parse(value) as { name: string }[]).map((skill) => skill.name).join('、') || empty;
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * Every change of a person's or employer's record (`path`: `persons/{id}` or `employers/{id}`),
 * newest first: the field, before → after (personal values masked unless the reader handles the
 * subject, a reading the server records), who, when and why.
 */
export function RecordHistory({ path }: { path: string }) {
  const t = useRecordMessages();
  const label = useFieldLabel();
  const loaded = useApi<History>(`/${path}/history`);
  return (
    <Loadable loaded={loaded}>
      {(history) =>
        history.items.length === 0 ? (
          <Empty description={t('noHistory')} />
        ) : (
          <>
            {history.masked && <Typography.Text type="secondary">{t('maskedHistory')}</Typography.Text>}
            <Timeline
              aria-label={t('history')}
              items={history.items.map((entry) => {
                return {
                  key: entry.id,
                  color: entry.kind === 'merge' ? 'orange' : 'blue',
                  children: (
                    <div className="record-change">
                      <Typography.Text strong>{label(entry.field)}</Typography.Text>{' '}
                      {entry.masked && <Tag>***</Tag>}
                      <div>
                        <Typography.Text delete type="secondary">{shown(entry, entry.oldValue, t('empty'))}</Typography.Text>
                        {' → '}
                        <Typography.Text>{shown(entry, entry.newValue, t('empty'))}</Typography.Text>
                      </div>
                      <Typography.Text type="secondary">
                        {chinaTime(entry.at)} · {t(entry.kind === 'merge' ? 'mergedBy' : 'changedBy', { name: entry.actor.name })} · {t('reason')}：{entry.reason}
                      </Typography.Text>
                    </div>
                  ),
                };
              })}
            />
          </>
        )
      }
    </Loadable>
  );
}
