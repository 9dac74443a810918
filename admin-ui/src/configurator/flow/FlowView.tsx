import { LockOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocalized } from '../../i18n.ts';
import { ElementPath } from '../ElementPath.tsx';
import { selectionFor, type FlowSelection } from '../elements.ts';
import { useConfigMessages } from '../messages.ts';
import type { Definition, EffectiveLock } from '../types.ts';
import { ElementDetails } from './ElementDetails.tsx';
import { FlowCanvas } from './FlowCanvas.tsx';
import { FlowList } from './FlowList.tsx';
import { useNarrowScreen } from '../../shell/useNarrowScreen.ts';
import { buildFlow } from './graph.ts';
import { layoutFlow, type FlowLayout } from './layout.ts';
import { useFlowTexts } from './useFlowTexts.ts';

const same = (a: FlowSelection | null, b: FlowSelection | null) => a?.kind === b?.kind && a?.id === b?.id;

/**
 * A process flow laid out left to right (on a narrow screen, a list of the states and their steps
 * top to bottom), with side lists beneath it: the selected state's or
 * event's details (and `actions` for it, when a draft edits it), every lock with its reason and
 * who set it, and the states. Both lists are buttons that select their element, so the flow can
 * be read with the keyboard alone. `marks` (element paths, e.g. problems) are drawn in red.
 */
export function FlowView({
  definition,
  locks,
  marks = [],
  levelName,
  selection,
  onSelect,
  actions,
}: {
  definition: Definition;
  locks: readonly EffectiveLock[];
  marks?: readonly string[];
  levelName: (level: string) => string;
  selection: FlowSelection | null;
  onSelect: (selection: FlowSelection) => void;
  actions?: ReactNode;
}) {
  const t = useConfigMessages();
  const l = useLocalized();
  const { labelLines, lockText, roleText } = useFlowTexts(levelName);
  const narrow = useNarrowScreen('md');
  // Callers pass a fresh list of marks on each render; the graph (and its layout) changes only with their content.
  const marksKey = marks.join('\n');
  const graph = useMemo(() => buildFlow(definition, locks, marksKey ? marksKey.split('\n') : []), [definition, locks, marksKey]);
  // Each new layout redraws the canvas, fitted to the view.
  const [layout, setLayout] = useState<{ for: typeof graph; placed: FlowLayout; round: number } | null>(null);
  const rounds = useRef(0);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    if (narrow) return;
    let current = true;
    setFailure(null);
    layoutFlow(graph, labelLines).then(
      (placed) => current && setLayout({ for: graph, placed, round: ++rounds.current }),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [graph, labelLines, narrow]);

  const locksWithElement = locks.map((lock) => ({ lock, target: selectionFor(lock.element, definition) }));

  return (
    <div className="config-flow">
      <div className={narrow ? 'config-flow-narrow' : 'config-flow-canvas'} role="region" aria-label={t('flowRegion')}>
        {narrow ? (
          <FlowList graph={graph} selection={selection} onSelect={onSelect} lockText={lockText} roleText={roleText} labelLines={labelLines} />
        ) : failure !== null ? (
          <Alert type="error" showIcon title={t('layoutFailed')} description={failure instanceof Error ? failure.message : String(failure)} />
        ) : layout ? (
          <FlowCanvas
            key={layout.round}
            graph={layout.for}
            layout={layout.placed}
            selection={selection}
            onSelect={onSelect}
            lockText={lockText}
            roleText={roleText}
            labelLines={labelLines}
          />
        ) : (
          <div className="centered" aria-busy="true">
            <Spin tip={t('layingOut')}>
              <div style={{ minHeight: 80, minWidth: 160 }} />
            </Spin>
          </div>
        )}
      </div>
      <aside className="config-flow-side" aria-label={t('details')}>
        <Card size="small" title={t('details')}>
          {selection ? <ElementDetails definition={definition} selection={selection} locks={locks} levelName={levelName} /> : <Typography.Text type="secondary">{t('selectHint')}</Typography.Text>}
          {actions}
        </Card>
        <Card size="small" title={t('locks', { n: locks.length })}>
          {locks.length === 0 ? (
            <Typography.Text type="secondary">{t('noLocks')}</Typography.Text>
          ) : (
            <ul className="config-side-list" aria-label={t('locks', { n: locks.length })}>
              {locksWithElement.map(({ lock, target }) => {
                const body = (
                  <>
                    <span className="config-side-list-head">
                      <LockOutlined className="config-lock-icon" /> <ElementPath path={lock.element} definitions={[definition]} showPath={false} />
                    </span>
                    <span className="config-side-list-note">
                      {l(lock.reason)} · {t('lockedBy', { by: levelName(lock.lockedBy) })}
                    </span>
                  </>
                );
                return (
                  <li key={lock.element}>
                    {target ? (
                      <button type="button" className={`config-side-button${same(selection, target) ? ' config-side-button--selected' : ''}`} onClick={() => onSelect(target)}>
                        {body}
                      </button>
                    ) : (
                      <div className="config-side-button config-side-button--static">{body}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        <Card size="small" title={t('states')}>
          <ul className="config-side-list" aria-label={t('states')}>
            {graph.states.map((state) => {
              const target: FlowSelection = { kind: 'state', id: state.id };
              return (
                <li key={state.id}>
                  <button type="button" className={`config-side-button${same(selection, target) ? ' config-side-button--selected' : ''}`} onClick={() => onSelect(target)}>
                    <span className="config-side-list-head">
                      {state.locks.length > 0 && <LockOutlined className="config-lock-icon" aria-label={t('locked')} />}
                      {state.marked && <WarningOutlined className="config-node-problem" aria-label={t('problem')} />} {l(state.title)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </Card>
      </aside>
    </div>
  );
}
