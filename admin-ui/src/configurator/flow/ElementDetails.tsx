import { LockOutlined } from '@ant-design/icons';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { useLocalized } from '../../i18n.ts';
import { locksOfState, locksOfTransition, type FlowSelection } from '../elements.ts';
import { useConfigMessages } from '../messages.ts';
import type { Definition, EffectiveLock } from '../types.ts';
import { usePostName } from '../usePostName.ts';
import { useTitles } from '../useTitles.ts';
import { useActionText } from '../useActionText.ts';
import { useRoleName } from '../../roles.ts';

function LockLines({ locks, levelName }: { locks: readonly EffectiveLock[]; levelName: (level: string) => string }) {
  const t = useConfigMessages();
  const l = useLocalized();
  if (locks.length === 0) return null;
  return (
    <ul className="config-lock-lines">
      {locks.map((lock) => (
        <li key={lock.element}>
          <LockOutlined /> {l(lock.reason)} <Typography.Text type="secondary">{t('lockedBy', { by: levelName(lock.lockedBy) })}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** The selected state (task, timers, events) or event (from, to, roles, form, rules, actions), with its locks. */
export function ElementDetails({ definition, selection, locks, levelName }: { definition: Definition; selection: FlowSelection; locks: readonly EffectiveLock[]; levelName: (level: string) => string }) {
  const t = useConfigMessages();
  const l = useLocalized();
  const roleName = useRoleName();
  const postName = usePostName();
  const { stateTitle, eventTitle } = useTitles([definition]);
  const actionText = useActionText();

  if (selection.kind === 'state') {
    const state = definition.states[selection.id];
    if (!state) return null;
    return (
      <>
        <Typography.Title level={4} className="config-side-title">
          {l(state.title)} <code>{selection.id}</code>
        </Typography.Title>
        <LockLines locks={locksOfState(locks, selection.id)} levelName={levelName} />
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('stateKind')}>
            {state.type === 'final' ? t('finalState') : t('activeState')}
            {state.outcome && ` · ${t(state.outcome)}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('role')}>{state.task ? roleName(state.task.role) : t('noTask')}</Descriptions.Item>
          <Descriptions.Item label={t('post')}>{state.task?.post ? <>{postName(state.task.post)} <code>{state.task.post}</code></> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('slaLabel')}>{state.task?.slaWorkingDays !== undefined ? t('sla', { n: state.task.slaWorkingDays }) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('timers')}>{state.timers.length > 0 ? state.timers.map((timer) => eventTitle(timer.event)).join('、') : t('none')}</Descriptions.Item>
          <Descriptions.Item label={t('events')}>
            {Object.keys(state.on).length > 0 ? (
              <Space size={[4, 4]} wrap>
                {Object.entries(state.on).map(([event, transition]) => (
                  <Tag key={event}>{`${l(transition.title)} → ${stateTitle(transition.target)}`}</Tag>
                ))}
              </Space>
            ) : (
              t('none')
            )}
          </Descriptions.Item>
        </Descriptions>
      </>
    );
  }

  const [source, event] = selection.id.split('.') as [string, string];
  const transition = definition.states[source]?.on[event];
  if (!transition) return null;
  const form = transition.form ? definition.forms[transition.form] : undefined;
  return (
    <>
      <Typography.Title level={4} className="config-side-title">
        {l(transition.title)} <code>{event}</code>
      </Typography.Title>
      <LockLines locks={locksOfTransition(locks, source, event)} levelName={levelName} />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('from')}>{stateTitle(source)}</Descriptions.Item>
        <Descriptions.Item label={t('to')}>{stateTitle(transition.target)}</Descriptions.Item>
        <Descriptions.Item label={t('roles')}>{transition.roles.map(roleName).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('form')}>{form ? l(form.title) : t('none')}</Descriptions.Item>
        <Descriptions.Item label={t('rules')}>
          {transition.rules.length > 0 ? (
            <ul className="config-plain-list">
              {transition.rules.map((rule) => (
                <li key={rule.id}>
                  <span>{l(rule.message)}</span> <code className="config-path-code">{rule.guard ? `${rule.id} · ${rule.guard}` : rule.id}</code>
                  {rule.basis && <div className="config-rule-basis">{t('ruleBasis', { basis: rule.basis })}</div>}
                </li>
              ))}
            </ul>
          ) : (
            t('none')
          )}
        </Descriptions.Item>
        {transition.separateFrom.length > 0 && (
          <Descriptions.Item label={t('separateFrom')}>{transition.separateFrom.map(eventTitle).join('、')}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('actions')}>
          {transition.actions.length > 0 ? (
            <ul className="config-plain-list" aria-label={t('actions')}>
              {transition.actions.map((action, i) => {
                const { title, code } = actionText(action);
                return (
                  <li key={i}>
                    <span>{title}</span> <code className="config-path-code">{code}</code>
                  </li>
                );
              })}
            </ul>
          ) : (
            t('none')
          )}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
