import { Card, Empty, Space, Table, Tag } from 'antd';
import type { Localized } from '../../api.ts';
import { Loadable } from '../../shell/Loadable.tsx';
import { useApiAt } from '../../shell/useApi.ts';
import { ElementPath } from '../ElementPath.tsx';
import { useConfigMessages } from '../messages.ts';
import type { Definition, DefinitionChange, LevelDiff } from '../types.ts';
import { DiffValue } from './DiffValue.tsx';

const changeColour = { added: 'green', removed: 'red', changed: 'orange' } as const;

/**
 * The differences level by level: ministry → province → city → the draft of the user's level,
 * each step a table of the elements it changed, with the value before and after.
 */
export function DiffView({
  processId,
  definitions,
  parameters,
  levelName,
  versionLabel,
}: {
  processId: string;
  /** Where state, form and field titles are looked up (the draft's first, when there is one). */
  definitions: readonly Definition[];
  parameters: readonly { id: string; title: Localized }[];
  levelName: (level: string) => string;
  /** A level's version as told apart from the others' (福建省 第2版). */
  versionLabel: (level: string, version: number) => string;
}) {
  const t = useConfigMessages();
  const diff = useApiAt<LevelDiff>(`/processes/${encodeURIComponent(processId)}/diff`);

  return (
    <Loadable loaded={diff}>
      {(data) => {
        const versionOf = (level: string) => data.levels.find((entry) => entry.level === level)?.version ?? null;
        const levelTitle = (level: string) => {
          const version = versionOf(level);
          return version === null ? levelName(level) : versionLabel(level, version);
        };
        if (data.changes.length === 0) return <Empty description={t('diffEmpty')} />;
        return (
          <Space orientation="vertical" size={16} className="config-diff">
            {data.changes.map((step) => {
              const title = t('diffTitle', { from: levelTitle(step.from), to: levelTitle(step.to) });
              return (
                <Card key={`${step.from}-${step.to}`} size="small" title={title}>
                  <Table<DefinitionChange>
                    rowKey="path"
                    size="small"
                    aria-label={title}
                    dataSource={step.changes}
                    pagination={step.changes.length > 20 ? { pageSize: 20 } : false}
                    locale={{ emptyText: t('noChanges') }}
                    columns={[
                      { title: t('where'), key: 'path', width: '34%', render: (_, row) => <ElementPath path={row.path} definitions={definitions} parameters={parameters} /> },
                      { title: t('change'), key: 'change', width: 80, render: (_, row) => <Tag color={changeColour[row.change]}>{t(row.change)}</Tag> },
                      { title: t('before'), key: 'before', render: (_, row) => <DiffValue value={row.before} path={row.path} /> },
                      { title: t('after'), key: 'after', render: (_, row) => <DiffValue value={row.after} path={row.path} /> },
                    ]}
                  />
                </Card>
              );
            })}
          </Space>
        );
      }}
    </Loadable>
  );
}
