import { Button, Space, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { SessionUser } from '../api.ts';
import { useCommon, useLocalized } from '../i18n.ts';
import { navigate } from '../router.ts';
import { Loadable } from '../shell/Loadable.tsx';
import { useApiAt } from '../shell/useApi.ts';
import { DiffView } from './diff/DiffView.tsx';
import type { FlowSelection } from './elements.ts';
import { FlowView } from './flow/FlowView.tsx';
import { editsOverlays, placementOf, useLevelName, useVersionLabel } from './levels.ts';
import { useConfigMessages } from './messages.ts';
import type { Definition, EffectiveProcess, PublishedVersion } from './types.ts';
import { VersionList } from './versions/VersionList.tsx';
import './configurator.css';

// The draft editor brings the form engine: only configurators who edit load it.
const DraftEditor = lazy(() => import('./draft/DraftEditor.tsx'));

/**
 * One process as the user's level has it: the flow in force with its locks, the draft overlay
 * (province and city configurators), the differences level by level, and the version history.
 * Publishing a draft reloads the rest.
 */
export default function ProcessPage({ processId, user }: { processId: string; user: SessionUser }) {
  const t = useConfigMessages();
  const common = useCommon();
  const l = useLocalized();
  const path = `/processes/${encodeURIComponent(processId)}`;
  const effective = useApiAt<EffectiveProcess>(`${path}/effective`);
  const versions = useApiAt<{ items: PublishedVersion[] }>(`${path}/versions`);
  const levelName = useLevelName(user, versions.data?.items);
  const versionLabel = useVersionLabel(user, versions.data?.items);
  const [selection, setSelection] = useState<FlowSelection | null>(null);
  // Saving or publishing the draft changes the differences (and a publication, the rest).
  const [revision, setRevision] = useState(0);
  // The saved draft's definition names the states and fields a draft adds, in the differences.
  const [draftDefinition, setDraftDefinition] = useState<Definition | null>(null);
  // The screen stays mounted from one process to the next: a selection and a saved draft are of one process.
  useEffect(() => {
    setSelection(null);
    setDraftDefinition(null);
  }, [processId]);
  const editable = editsOverlays(user);

  const published = () => {
    effective.reload();
    versions.reload();
    setRevision((n) => n + 1);
  };

  return (
    <section aria-labelledby="process-title" className="config-page">
      <Space className="page-head" wrap>
        <Button onClick={() => navigate('/config')}>{t('back')}</Button>
        <Typography.Title level={2} id="process-title">
          {effective.data ? l(effective.data.definition.title) : t('processes')}
        </Typography.Title>
        {effective.data && (
          <>
            <Tag color="blue">{`${t('versionInForce')} · ${versionLabel(effective.data.level, effective.data.version)}`}</Tag>
            <Tag>{`${t('publishedBy')} · ${levelName(effective.data.level)}`}</Tag>
          </>
        )}
        {!editable && <Typography.Text type="secondary">{t('readOnly')}</Typography.Text>}
      </Space>
      <Loadable loaded={effective}>
        {(process) => (
          <Tabs
            // Another process opens on its flow, not on the tab the last one was left at.
            key={processId}
            items={[
              {
                key: 'flow',
                label: t('tabFlow'),
                children: <FlowView definition={process.definition} locks={process.locks} levelName={levelName} selection={selection} onSelect={setSelection} />,
              },
              ...(editable && process.overlay
                ? [
                    {
                      key: 'draft',
                      label: t('tabDraft'),
                      children: (
                        <Suspense fallback={<div className="centered">{common('loading')}</div>}>
                          <DraftEditor
                            key={process.definitionId}
                            process={process}
                            levelKind={placementOf(user).kind}
                            levelName={levelName}
                            onSaved={(definition) => {
                              setDraftDefinition(definition);
                              setRevision((n) => n + 1);
                            }}
                            onPublished={published}
                          />
                        </Suspense>
                      ),
                    },
                  ]
                : []),
              { key: 'diff', label: t('tabDiff'), children: <DiffView key={revision} processId={processId} definitions={draftDefinition ? [draftDefinition, process.definition] : [process.definition]} parameters={process.parameters} levelName={levelName} versionLabel={versionLabel} /> },
              { key: 'versions', label: t('tabVersions'), children: <VersionList versions={versions} versionLabel={versionLabel} /> },
            ]}
          />
        )}
      </Loadable>
    </section>
  );
}
