import { Typography } from 'antd';
import { useLocalized } from '../../i18n.ts';
import { useCaseMessages } from './messages.ts';
import type { CaseAction } from './types.ts';

/**
 * What a step that changes a legal status will do, as its confirmation lists it: the state this case
 * enters, the person's statuses it changes, and the other cases of the person that coordination moves
 * on (e.g. 失业登记 UR… becomes 已注销) or opens. Read from the definitions by the server.
 */
export function StepConsequencesList({ action }: { action: CaseAction }) {
  const t = useCaseMessages();
  const l = useLocalized();
  const { statuses, coordinated, opens } = action.consequences;
  const lines = [
    t('willEnter', { state: l(action.targetTitle) }),
    ...statuses.map((status) => t('willSetStatus', { status: l(status.title) })),
    ...coordinated.map((other) =>
      t(other.conditional ? 'willStepIf' : 'willStep', { process: l(other.processTitle), caseNo: other.caseNo, step: l(other.stepTitle), state: l(other.stateTitle) }),
    ),
    ...opens.map((opened) => t(opened.conditional ? 'willOpenIf' : 'willOpen', { process: l(opened.processTitle) })),
  ];
  return (
    <div className="step-consequences" data-testid="step-consequences">
      <Typography.Paragraph>{t('confirmStepIntro')}</Typography.Paragraph>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
