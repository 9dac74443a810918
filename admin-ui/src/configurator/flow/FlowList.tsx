import { LockOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useLocalized } from '../../i18n.ts';
import type { FlowSelection } from '../elements.ts';
import { useConfigMessages } from '../messages.ts';
import type { FlowDrawingProps } from './useFlowTexts.ts';

/**
 * The flow on a narrow screen, where a graph cannot be read: the states top to bottom, each with
 * its task (role, post, time limit) and its steps, each step naming where it leads and who takes
 * it. States and steps are buttons selecting them, as the graph's boxes and arrows are.
 */
export function FlowList({ graph, selection, onSelect, lockText, roleText, labelLines }: FlowDrawingProps) {
  const t = useConfigMessages();
  const l = useLocalized();
  const titleOf = new Map(graph.states.map((state) => [state.id, l(state.title)]));
  const selected = (kind: FlowSelection['kind'], id: string) => (selection?.kind === kind && selection.id === id ? ' config-flow-list-button--selected' : '');
  return (
    <ol className="config-flow-list" aria-label={t('flowList')}>
      {graph.states.map((state) => {
        const steps = graph.transitions.filter((transition) => transition.source === state.id);
        const stateLock = lockText(state.locks);
        return (
          <li key={state.id} className={`config-flow-list-state${state.locks.length > 0 ? ' config-flow-list-state--locked' : ''}${state.marked ? ' config-flow-list-state--marked' : ''}`}>
            <button type="button" className={`config-flow-list-button${selected('state', state.id)}`} onClick={() => onSelect({ kind: 'state', id: state.id })}>
              <strong className="config-flow-list-title">{l(state.title)}</strong>
              <span className="config-flow-list-tags">
                {stateLock && <LockOutlined className="config-lock-icon" aria-label={stateLock} />}
                {state.marked && <WarningOutlined className="config-node-problem" aria-label={t('problem')} />}
                {state.initial && <Tag color="blue">{t('start')}</Tag>}
                {state.final && <Tag>{t('final')}</Tag>}
              </span>
              <span className="config-flow-list-line">{state.task ? roleText(state) : t('noTask')}</span>
              {state.task?.slaWorkingDays !== undefined && <span className="config-flow-list-line">{t('slaLine', { n: state.task.slaWorkingDays })}</span>}
            </button>
            {steps.length > 0 && (
              <ul className="config-flow-list-steps" aria-label={t('stepsOf', { state: l(state.title) })}>
                {steps.map((step) => {
                  const [title = '', roles = ''] = labelLines(step);
                  const stepLock = lockText(step.locks);
                  return (
                    <li key={step.id}>
                      <button type="button" className={`config-flow-list-button config-flow-list-step${selected('transition', step.id)}`} onClick={() => onSelect({ kind: 'transition', id: step.id })}>
                        <span>
                          {stepLock && <LockOutlined className="config-lock-icon" aria-label={stepLock} />}
                          {step.marked && <WarningOutlined className="config-node-problem" aria-label={t('problem')} />} {title} → {titleOf.get(step.target) ?? step.target}
                        </span>
                        <span className="config-flow-list-line">{roles}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
