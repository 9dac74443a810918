import { Alert, App, Button, Card, Popconfirm, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { call, client, errorText } from '../../api.ts';
import { toErrorSchema } from '../../forms/field-errors.ts';
import { SchemaForm } from '../../forms/SchemaForm.tsx';
import { useLocale, useLocalized } from '../../i18n.ts';
import { MaterialUploads } from '../attachments/MaterialUploads.tsx';
import type { AttachmentList } from '../attachments/types.ts';
import { useCaseMessages } from './messages.ts';
import { refusalOf } from './refusal.ts';
import { StepConsequencesList } from './StepConsequences.tsx';
import type { CaseAction, CaseDetail } from './types.ts';
import { usePersonPrefill } from './usePersonPrefill.ts';
import '../caseworker.css';

/** The server's refusal of the last attempt, with its rule reasons; says so when the page reloaded a stale case. */
function RefusalAlert({ error }: { error: unknown }) {
  const t = useCaseMessages();
  const locale = useLocale();
  const refusal = refusalOf(error, locale);
  const lines = [...refusal.reasons, ...(refusal.stale ? [t('reloaded')] : [])];
  return (
    <Alert
      className="case-refusal"
      type={refusal.stale ? 'warning' : 'error'}
      role="alert"
      showIcon
      title={t('refused', { reason: errorText(error, locale) })}
      description={lines.length > 0 ? <ul className="case-refusal-reasons">{lines.map((line) => <li key={line}>{line}</li>)}</ul> : undefined}
    />
  );
}

/** One button per action: one with a form opens it, one without asks for confirmation first (listing what a status-changing step will do). */
function ActionButtons({
  actions,
  chosen,
  busy,
  onChoose,
  onConfirm,
}: {
  actions: CaseAction[];
  chosen: CaseAction | null;
  busy: boolean;
  onChoose: (action: CaseAction | null) => void;
  onConfirm: (action: CaseAction) => Promise<void>;
}) {
  const t = useCaseMessages();
  const l = useLocalized();
  return (
    <Space wrap role="group" aria-label={t('actionsLabel')}>
      {actions.map((action) =>
        action.form ? (
          <Button key={action.event} type={chosen?.event === action.event ? 'primary' : 'default'} aria-pressed={chosen?.event === action.event} disabled={busy} onClick={() => onChoose(action)}>
            {l(action.title)}
          </Button>
        ) : (
          <Popconfirm
            key={action.event}
            title={t('confirm', { action: l(action.title) })}
            description={action.consequences.confirm ? <StepConsequencesList action={action} /> : undefined}
            okText={t('confirmOk')}
            cancelText={t('cancel')}
            onConfirm={() => {
              onChoose(null);
              return onConfirm(action);
            }}
          >
            <Button disabled={busy}>{l(action.title)}</Button>
          </Popconfirm>
        ),
      )}
    </Space>
  );
}

/**
 * What the user may do on the case now: one button per action. An action with a form opens it
 * (rjsf, validated in the browser first), starting from the case's data and from the person
 * record's values for the fields the form names as coming from it; one without asks for confirmation. The step is sent
 * with the case version the page shows; a refusal is shown with the server's message, field
 * errors beside their fields, and a stale case (409) is reloaded. A step that changes a legal status
 * (the server marks it from the definitions) is sent only once confirmed, the confirmation listing
 * what it will do, other cases of the person included.
 */
export function CaseActions({ detail, onStepped, onFocusActions, onStale, attachments, onAttachmentsChanged }: {
  detail: CaseDetail;
  onStepped: () => void;
  /** Puts the keyboard on the actions' heading again (after a confirmation dialog has closed). */
  onFocusActions: () => void;
  onStale: () => void;
  /** The case's attachments (those waiting for a step are shown in its form), and how to read them again after a change. */
  attachments: AttachmentList | null;
  onAttachmentsChanged: () => void;
}) {
  const t = useCaseMessages();
  const l = useLocalized();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const [chosen, setChosen] = useState<CaseAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<unknown>(null);
  const serverErrors = useMemo(() => {
    const fields = refusalOf(refused, locale).fields;
    return fields ? toErrorSchema(fields, locale) : undefined;
  }, [refused, locale]);
  const prefill = usePersonPrefill(detail, chosen?.form ?? null);
  const [version, setVersion] = useState(detail.version);
  // The case moved on (a step here, or a reload): the open form belonged to the old state.
  if (version !== detail.version) {
    setVersion(detail.version);
    setChosen(null);
  }

  const choose = (action: CaseAction | null) => {
    setChosen(action);
    setRefused(null);
  };

  /** Sends the step; true once the server took it. */
  const post = async (action: CaseAction, data?: Record<string, unknown>): Promise<boolean> => {
    setBusy(true);
    setRefused(null);
    try {
      await call(client.POST('/api/cases/{id}/events', { params: { path: { id: detail.id } }, body: { type: action.event, data, version: detail.version } }));
      message.success(t('done', { action: l(action.title) }));
      return true;
    } catch (error) {
      setRefused(error);
      if (refusalOf(error, locale).stale) onStale();
      return false;
    } finally {
      setBusy(false);
    }
  };
  const send = async (action: CaseAction, data?: Record<string, unknown>) => {
    if (await post(action, data)) onStepped();
  };

  /** A filled form: sent at once, or after the confirmation a status-changing step needs. */
  const submit = (action: CaseAction, data: Record<string, unknown>) => {
    if (!action.consequences.confirm) return void send(action, data);
    // Closing after the step, the dialog would take the focus the page gave the actions' heading (and hand
    // it back to the form's button the step removed): it returns none, and the page puts it back once it is gone.
    let sent = false;
    void modal.confirm({
      title: t('confirmStep', { action: l(action.title) }),
      content: <StepConsequencesList action={action} />,
      okText: t('confirmStepOk'),
      cancelText: t('cancel'),
      focusTriggerAfterClose: false,
      onOk: async () => {
        sent = await post(action, data);
        if (sent) onStepped();
      },
      afterClose: () => {
        if (sent) onFocusActions();
      },
    });
  };

  return (
    <Space orientation="vertical" size="middle" className="case-actions">
      {detail.actions.length === 0 ? (
        <Typography.Text type="secondary">{detail.status === 'final' ? t('closedCase') : t('noActions')}</Typography.Text>
      ) : (
        <ActionButtons actions={detail.actions} chosen={chosen} busy={busy} onChoose={choose} onConfirm={(action) => send(action)} />
      )}
      {refused !== null && !chosen?.form && <RefusalAlert error={refused} />}
      {chosen?.form && (
        <Card size="small" title={l(chosen.form.title)} className="case-form">
          {attachments && (
            <MaterialUploads
              caseId={detail.id}
              state={detail.state}
              event={chosen.event}
              materials={chosen.materials ?? []}
              attachments={attachments.items}
              maxBytes={attachments.maxBytes}
              onChanged={onAttachmentsChanged}
            />
          )}
          {prefill.ready ? (
            <SchemaForm
              key={chosen.event}
              schema={chosen.form.schema}
              ui={chosen.form.ui}
              initialData={prefill.initialData}
              serverErrors={serverErrors}
              disabled={busy}
              onSubmit={(data) => submit(chosen, data)}
            >
              {/* Beside the submit button, where the person is looking when the server refuses. */}
              {refused !== null && <RefusalAlert error={refused} />}
              <Space>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {l(chosen.title)}
                </Button>
                <Button onClick={() => choose(null)} disabled={busy}>
                  {t('cancel')}
                </Button>
              </Space>
            </SchemaForm>
          ) : (
            <Spin />
          )}
        </Card>
      )}
    </Space>
  );
}
