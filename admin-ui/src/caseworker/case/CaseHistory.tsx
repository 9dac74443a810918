import { Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { ProvisionalTag } from '../../calendar/ProvisionalTag.tsx';
import type { DeadlineMove } from '../../calendar/types.ts';
import { useCodeNames } from '../../forms/code-tables.ts';
import { describeData } from '../../forms/describe-data.ts';
import type { JsonSchema } from '../../forms/localise-schema.ts';
import { useLocale, useLocalized } from '../../i18n.ts';
import { chinaTime } from '../../components/format.ts';
import { useRoleName } from '../../roles.ts';
import { useNarrowScreen } from '../../shell/useNarrowScreen.ts';
import { AttachmentItems } from '../attachments/AttachmentItems.tsx';
import { useAttachmentMessages } from '../attachments/messages.ts';
import type { Attachment } from '../attachments/types.ts';
import { exchangeFactLines } from './exchange-facts.ts';
import { useCaseMessages } from './messages.ts';
import { stateStays, type StateStay } from './state-stays.ts';
import type { HistoryStep } from './types.ts';

/** The strings a step's data holds at its top level, in lists too: the codes whose names may be looked up. */
function stringsOf(data: Record<string, unknown>): string[] {
  return Object.values(data).flatMap((value) => (Array.isArray(value) ? value : [value])).filter((value): value is string => typeof value === 'string');
}

/**
 * A step's form data as a labelled description list (labels from its form, else from the other forms the
 * page knows; codes with their names). Below `md` (a phone) each label stands above its value: beside a long
 * English label a value was squeezed to a character a line (an occupation code in a labour survey).
 */
function StepData({ step, knownForms }: { step: HistoryStep; knownForms: readonly JsonSchema[] }) {
  const t = useCaseMessages();
  const narrow = useNarrowScreen('md');
  const l = useLocalized();
  const locale = useLocale();
  const own = step.form?.schema ?? null;
  const names = useCodeNames([own, ...knownForms], stringsOf(step.data));
  const rows = describeData(step.data, own, knownForms, locale, names);
  if (rows.length === 0) return null;
  return (
    <Descriptions
      className={narrow ? 'case-step-data case-step-data-stacked' : 'case-step-data'}
      size="small"
      column={1}
      layout={narrow ? 'vertical' : 'horizontal'}
      title={step.form ? l(step.form.title) : t('enteredData')}
      items={rows.map((row) => ({ key: row.field, label: row.label, children: row.value }))}
    />
  );
}

/** The facts a step's rules read from another organisation: the value, who gave it and as of when, or that the caseworker typed it. */
function ExchangeFacts({ step }: { step: HistoryStep }) {
  const t = useCaseMessages();
  const lines = exchangeFactLines(step.exchangeFacts ?? [], t);
  if (lines.length === 0) return null;
  return (
    <div className="case-step-cause">
      {lines.map((line) => (
        <div key={line.name}>{line.marked ? <Typography.Text type="warning">{line.text}</Typography.Text> : line.text}</div>
      ))}
    </div>
  );
}

/** Whether the step met its deadline; once a provisional deadline was counted again with its year's schedule, the verdict now, with the first one beside it. */
function SlaTag({ step }: { step: HistoryStep }) {
  const t = useCaseMessages();
  if (step.onTime === null) return null;
  const onTime = step.recalculated?.onTime ?? step.onTime;
  return (
    <>
      <Tag color={onTime ? 'green' : 'red'}>{onTime ? t('onTime') : t('late')}</Tag>
      <ProvisionalTag provisional={step.dueProvisional} />
      {step.recalculated && (
        <Tag title={t('recalculatedHelp', { due: chinaTime(step.recalculated.dueAt), version: step.recalculated.calendarVersion })}>
          {t('recalculated', { verdict: step.onTime ? t('onTime') : t('late') })}
        </Tag>
      )}
    </>
  );
}

/** The case's attachments, shown beside the step each was sent with. */
interface StepFiles {
  items: readonly Attachment[];
  mayWithdraw: boolean;
  onChanged: () => void;
  label: string;
}

/**
 * One step: what happened, from which state to which, against which deadline, who (role, post, org
 * unit), when the state it led to was entered and left (or that the case is in it now), why.
 */
function StepContent({ step, stay, knownForms, files }: { step: HistoryStep; stay: StateStay; knownForms: readonly JsonSchema[]; files: StepFiles }) {
  const t = useCaseMessages();
  const l = useLocalized();
  const roleName = useRoleName();
  const role = roleName(step.actor.role);
  return (
    <div>
      <Space size={8} wrap>
        <Typography.Text strong>{l(step.eventTitle)}</Typography.Text>
        <span className="case-step-states">
          {step.fromTitle ? `${l(step.fromTitle)} → ` : '→ '}
          {l(step.toTitle) || step.to}
        </span>
        <SlaTag step={step} />
        {step.dueAt && <Typography.Text type="secondary">{`${t('stepDue')} ${chinaTime(step.recalculated?.dueAt ?? step.dueAt)}`}</Typography.Text>}
      </Space>
      <div className="case-step-who">
        {[t('actor', { name: step.actor.name, role }), step.postTitle ? l(step.postTitle) : step.post, step.orgUnit.name].filter(Boolean).join(' · ')}
      </div>
      <div className="case-step-when">
        {t('entered')} {chinaTime(stay.enteredAt)}
        {stay.leftAt !== null && ` · ${t('left')} ${chinaTime(stay.leftAt)}`}
        {stay.current && ` · ${t('untilNow')}`}
      </div>
      {step.cause && (
        <div className="case-step-cause">
          <a href={`#/cases/${step.cause.caseId}`}>{t('causedBy', { caseNo: step.cause.caseNo, event: step.cause.eventTitle ? l(step.cause.eventTitle) : step.cause.event })}</a>
        </div>
      )}
      <ExchangeFacts step={step} />
      <StepData step={step} knownForms={knownForms} />
      <AttachmentItems items={files.items.filter((a) => a.step?.seq === step.seq)} mayWithdraw={files.mayWithdraw} onChanged={files.onChanged} label={files.label} />
    </div>
  );
}

/** The deadlines a calendar change moved: which, from when to when, by which calendar version. */
function DeadlineMoves({ moves }: { moves: readonly DeadlineMove[] }) {
  const t = useCaseMessages();
  const l = useLocalized();
  if (moves.length === 0) return null;
  return (
    <div className="case-deadline-moves">
      <Typography.Text strong>{t('deadlineMoves')}</Typography.Text>
      <ul>
        {moves.map((move) => (
          <li key={`${move.at}-${move.state}-${move.event ?? ''}`}>
            {t(move.target === 'task' ? 'movedTask' : 'movedTimer', { state: l(move.stateTitle), from: chinaTime(move.from), to: chinaTime(move.to), version: move.calendarVersion, at: chinaTime(move.at) })}
            {move.escalationWithdrawn && t('escalationWithdrawn')}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The case's history as a timeline, oldest step first: each step with actor, post, org unit,
 * SLA, the stay in the state it led to (until now for the state of an `active` case) and the
 * data entered, labelled from its form; then the deadlines a calendar change moved.
 * `knownForms` (the forms of the actions on offer) label data a step has no form for.
 */
export function CaseHistory({ steps, active, moves, knownForms, attachments = [], onAttachmentsChanged = () => {} }: {
  steps: HistoryStep[];
  active: boolean;
  moves: readonly DeadlineMove[];
  knownForms: readonly JsonSchema[];
  /** The case's attachments: each shown beside the step it was sent with, those of the case as a whole after the steps. */
  attachments?: readonly Attachment[];
  onAttachmentsChanged?: () => void;
}) {
  const t = useCaseMessages();
  const ta = useAttachmentMessages();
  const files: StepFiles = { items: attachments, mayWithdraw: active, onChanged: onAttachmentsChanged, label: ta('attachments') };
  const caseLevel = attachments.filter((a) => a.step === null);
  if (steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noHistory')} />;
  const forms = [...steps.flatMap((step) => (step.form ? [step.form.schema] : [])), ...knownForms];
  const verdict = (step: HistoryStep) => step.recalculated?.onTime ?? step.onTime;
  const stays = stateStays(steps, active);
  return (
    <>
      <Timeline
        className="case-history"
        items={steps.map((step, index) => ({
          key: step.seq,
          color: verdict(step) === false ? 'red' : verdict(step) ? 'green' : 'blue',
          content: <StepContent step={step} stay={stays[index]!} knownForms={forms} files={files} />,
        }))}
      />
      {caseLevel.length > 0 && (
        <div className="case-attachments">
          <Typography.Text strong>{ta('caseAttachments')}</Typography.Text>
          <AttachmentItems items={caseLevel} mayWithdraw={active} onChanged={onAttachmentsChanged} label={ta('caseAttachments')} />
        </div>
      )}
      <DeadlineMoves moves={moves} />
    </>
  );
}
