import { Empty, Tag, Timeline, Typography } from 'antd';
import { chinaTime } from '../../components/format.ts';
import { codeLabel, useDivisionNames } from '../../forms/code-tables.ts';
import { Loadable } from '../../shell/Loadable.tsx';
import { useApiAt } from '../../shell/useApi.ts';
import { useFieldLabel, useRecordMessages } from './messages.ts';
import type { History, HistoryEntry } from './types.ts';

/** The fields of a person's record that hold a division code. */
const AREA_FIELDS: ReadonlySet<string> = new Set(['hukouArea', 'residenceArea']);

/** A value as the history shows it: the empty value named, an area as `名称 (代码)`, a list of skills by their names. */
function shown(entry: HistoryEntry, value: string | null, empty: string, divisionName: (code: string) => string | undefined): string {
  if (value === null || value === '') return empty;
  if (AREA_FIELDS.has(entry.field)) return codeLabel(value, divisionName(value));
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
 * newest first: the field, before → after (areas by name; personal values masked unless the reader
 * handles the subject, a reading the server records), who, when and why.
 */
export function RecordHistory({ path }: { path: string }) {
  const t = useRecordMessages();
  const label = useFieldLabel();
  const loaded = useApiAt<History>(`/${path}/history`);
  const divisionName = useDivisionNames((loaded.data?.items ?? []).filter((entry) => AREA_FIELDS.has(entry.field)).flatMap((entry) => [entry.oldValue, entry.newValue]));
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
                        <Typography.Text delete type="secondary">{shown(entry, entry.oldValue, t('empty'), divisionName)}</Typography.Text>
                        {' → '}
                        <Typography.Text>{shown(entry, entry.newValue, t('empty'), divisionName)}</Typography.Text>
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
