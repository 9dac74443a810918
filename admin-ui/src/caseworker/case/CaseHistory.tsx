import { Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { describeData } from '../../forms/describe-data.ts';
import type { JsonSchema } from '../../forms/localise-schema.ts';
import { useLocale, useLocalized } from '../../i18n.ts';
import { chinaTime } from '../format.ts';
import { useRoleName } from '../../roles.ts';
import { useCaseMessages } from './messages.ts';
import type { HistoryStep } from './types.ts';

/** A step's form data as a labelled description list (labels from its form, else from the other forms the page knows). */
function StepData({ step, knownForms }: { step: HistoryStep; knownForms: readonly JsonSchema[] }) {
  const t = useCaseMessages();
  const l = useLocalized();
  const locale = useLocale();
  const rows = describeData(step.data, step.form?.schema ?? null, knownForms, locale);
  if (rows.length === 0) return null;
  return (
    <Descriptions
      className="case-step-data"
      size="small"
      column={1}
      title={step.form ? l(step.form.title) : t('enteredData')}
      items={rows.map((row) => ({ key: row.field, label: row.label, children: row.value }))}
    />
  );
}

function SlaTag({ step }: { step: HistoryStep }) {
  const t = useCaseMessages();
  if (step.onTime === null) return null;
  return <Tag color={step.onTime ? 'green' : 'red'}>{step.onTime ? t('onTime') : t('late')}</Tag>;
}

/** One step: what happened, from which state to which, who (role, post, org unit), when, against which deadline, why. */
function StepContent({ step, knownForms }: { step: HistoryStep; knownForms: readonly JsonSchema[] }) {
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
      </Space>
      <div className="case-step-who">
        {[t('actor', { name: step.actor.name, role }), step.postTitle ? l(step.postTitle) : step.post, step.orgUnit.name].filter(Boolean).join(' · ')}
      </div>
      <div className="case-step-when">
        {t('entered')} {chinaTime(step.enteredAt)} · {t('left')} {chinaTime(step.leftAt)}
        {step.dueAt && ` · ${t('stepDue')} ${chinaTime(step.dueAt)}`}
      </div>
      {step.cause && (
        <div className="case-step-cause">
          <a href={`#/cases/${step.cause.caseId}`}>{t('causedBy', { caseNo: step.cause.caseNo, event: step.cause.eventTitle ? l(step.cause.eventTitle) : step.cause.event })}</a>
        </div>
      )}
      <StepData step={step} knownForms={knownForms} />
    </div>
  );
}

/**
 * The case's history as a timeline, oldest step first: each step with actor, post, org unit,
 * times, SLA and the data entered, labelled from its form. `knownForms` (the forms of the
 * actions on offer) label data a step has no form for.
 */
export function CaseHistory({ steps, knownForms }: { steps: HistoryStep[]; knownForms: readonly JsonSchema[] }) {
  const t = useCaseMessages();
  if (steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noHistory')} />;
  const forms = [...steps.flatMap((step) => (step.form ? [step.form.schema] : [])), ...knownForms];
  return (
    <Timeline
      className="case-history"
      items={steps.map((step) => ({
        key: step.seq,
        color: step.onTime === false ? 'red' : step.onTime ? 'green' : 'blue',
        content: <StepContent step={step} knownForms={forms} />,
      }))}
    />
  );
}
