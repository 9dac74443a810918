import { Alert, App, Button, Space, Spin, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { elementTarget, selectionFor, type FlowSelection } from '../elements.ts';
import { FlowView } from '../flow/FlowView.tsx';
import type { Definition, EffectiveProcess, OverlayOperation, OverlayProblem } from '../types.ts';
import { FormWorkbench } from './FormWorkbench.tsx';
import { LockEditor } from './LockEditor.tsx';
import { useDraftMessages } from './messages.ts';
import { MigrationPanel } from './MigrationPanel.tsx';
import { OperationList } from './OperationList.tsx';
import { withOperation } from './operations.ts';
import { ParameterEditor } from './ParameterEditor.tsx';
import { ProblemList } from './ProblemList.tsx';
import { PublishButton } from './PublishButton.tsx';
import { ReplayPanel } from './ReplayPanel.tsx';
import { StateActions } from './StateActions.tsx';
import { useDraft } from './useDraft.ts';
import { useLeaveGuard } from './useLeaveGuard.ts';

type Section = 'operations' | 'flow' | 'forms' | 'parameters' | 'locks' | 'trial';

/**
 * The draft overlay of a province or city, edited as typed operations: states (time limit, post,
 * title, an inserted review, removal) on the draft's flow, form fields beside a live preview,
 * parameter values within their bounds, and (a province) locks for its cities. The server checks
 * the draft as it changes; each problem shows in the list and on the element it concerns. Save,
 * check again, replay closed cases, dry-run the migration and publish.
 */
export default function DraftEditor({
  process,
  levelKind,
  levelName,
  onSaved,
  onPublished,
}: {
  process: EffectiveProcess;
  levelKind: string;
  levelName: (level: string) => string;
  onSaved: (draft: Definition | null) => void;
  onPublished: () => void;
}) {
  const t = useDraftMessages();
  const locale = useLocale();
  const { message } = App.useApp();
  const draft = useDraft(process.processId, process.overlay!.overlay);
  const [section, setSection] = useState<Section>('operations');
  const [selection, setSelection] = useState<FlowSelection | null>(null);
  const [formId, setFormId] = useState(() => Object.keys(process.definition.forms)[0] ?? '');
  const [saving, setSaving] = useState(false);
  useLeaveGuard(draft.dirty);

  const drafted = draft.verification?.definition ?? null;
  const definition = drafted ?? process.definition;
  const definitions = [definition, process.definition];
  const problems = draft.verification?.problems ?? [];
  // Saved and the same as the version in force: nothing to publish (the server refuses it too).
  const unchanged = !draft.dirty && draft.verification?.unchanged === true;
  const { overlay } = draft;
  const source = process.overlay!.source;

  const addOperation = (op: OverlayOperation) => {
    draft.setOverlay({ ...overlay, operations: withOperation(overlay.operations, op) });
    void message.success(t('added'));
  };

  const locate = (problem: OverlayProblem) => {
    const target = elementTarget(problem.element);
    if (target.kind === 'form' && definition.forms[target.form]) {
      setFormId(target.form);
      setSection('forms');
    } else if (target.kind === 'parameter') {
      setSection('parameters');
    } else if (target.kind === 'state' || target.kind === 'transition') {
      setSelection(selectionFor(problem.element, definition));
      setSection('flow');
    } else {
      setSection('operations');
    }
  };

  const save = async () => {
    setSaving(true);
    try {
      const found = await draft.save();
      void message.success(found.length === 0 ? t('savedClean') : t('savedProblems', { n: found.length }));
      onSaved(drafted);
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="config-draft">
      <Space className="config-toolbar" wrap>
        <Button type="primary" onClick={save} loading={saving}>
          {t('save')}
        </Button>
        <Button onClick={draft.recheck}>{t('recheck')}</Button>
        <PublishButton processId={process.processId} disabled={draft.dirty || draft.checking || problems.length > 0 || unchanged} levelName={levelName} onPublished={onPublished} onRefused={draft.recheck} />
        {draft.dirty ? <Tag color="orange">{t('unsaved')}</Tag> : <Tag color="green">{t('upToDate')}</Tag>}
        <Tag>{source === 'draft' ? t('sourceDraft') : source === 'published' ? t('sourcePublished') : t('sourceEmpty')}</Tag>
        {draft.checking && <Spin size="small" aria-label={t('checking')} />}
      </Space>
      {draft.dirty && <Alert type="info" showIcon title={t('saveFirst')} className="config-inline-alert" />}
      {unchanged && problems.length === 0 && <Alert type="info" showIcon title={t('unchanged', { version: process.version })} className="config-inline-alert" />}
      {draft.checkError !== null ? (
        <Alert type="error" showIcon title={t('checkFailed')} description={errorText(draft.checkError, locale)} action={<Button onClick={draft.recheck}>{t('recheck')}</Button>} className="config-inline-alert" />
      ) : (
        draft.verification && (
          <div className="config-inline-alert">
            <ProblemList problems={problems} definitions={definitions} parameters={process.parameters} levelName={levelName} onLocate={locate} />
          </div>
        )
      )}
      {draft.verification && !drafted && <Alert type="warning" showIcon title={t('draftNotApplicable')} className="config-inline-alert" />}
      <Tabs
        activeKey={section}
        onChange={(key) => setSection(key as Section)}
        type="card"
        size="small"
        items={[
          {
            key: 'operations',
            label: t('tabOperations', { n: overlay.operations.length }),
            children: (
              <OperationList
                operations={overlay.operations}
                problems={problems}
                definitions={definitions}
                onRemove={(index) => draft.setOverlay({ ...overlay, operations: overlay.operations.filter((_, i) => i !== index) })}
              />
            ),
          },
          {
            key: 'flow',
            label: t('tabFlow'),
            children: (
              <FlowView
                definition={definition}
                locks={process.locks}
                marks={problems.map((problem) => problem.element)}
                levelName={levelName}
                selection={selection}
                onSelect={setSelection}
                actions={selection && <StateActions key={selection.id} definition={definition} selection={selection} locks={process.locks} onAdd={addOperation} />}
              />
            ),
          },
          {
            key: 'forms',
            label: t('tabForms'),
            children: (
              <FormWorkbench
                definition={definition}
                locks={process.locks}
                problems={problems}
                operations={overlay.operations}
                levelName={levelName}
                formId={definition.forms[formId] ? formId : (Object.keys(definition.forms)[0] ?? '')}
                onSelectForm={setFormId}
                onAdd={addOperation}
              />
            ),
          },
          {
            key: 'parameters',
            label: t('tabParameters'),
            children: (
              <ParameterEditor
                parameters={process.parameters}
                values={overlay.parameters}
                locks={process.locks}
                problems={problems}
                levelName={levelName}
                onChange={(parameters) => draft.setOverlay({ ...overlay, parameters })}
              />
            ),
          },
          ...(levelKind === 'province'
            ? [
                {
                  key: 'locks',
                  label: t('tabLocks', { n: overlay.locks.length }),
                  children: <LockEditor locks={overlay.locks} definition={definition} parameters={process.parameters} onChange={(locks) => draft.setOverlay({ ...overlay, locks })} />,
                },
              ]
            : []),
          {
            key: 'trial',
            label: t('tabTrial'),
            children: (
              <Space orientation="vertical" size={16} className="config-column">
                <ReplayPanel processId={process.processId} definitions={definitions} />
                <MigrationPanel processId={process.processId} definitions={definitions} />
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
