import { App, Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, errorText, type SessionUser, type TaskItem } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { AssignDialog } from './AssignDialog.tsx';
import { useTaskMessages } from './messages.ts';

/** Who holds a task: the caller, a named colleague, or nobody. */
export function ClaimTag({ task, user }: { task: TaskItem; user: SessionUser }) {
  const t = useTaskMessages();
  if (!task.claimedBy) return <Tag>{t('unclaimed')}</Tag>;
  if (task.claimedBy.id === user.id) return <Tag color="blue">{t('claimedByMe')}</Tag>;
  return <Tag color="orange">{t('claimedBy', { name: task.claimedBy.name })}</Tag>;
}

/**
 * What the caller may do with a task's claim: claim an unclaimed one, release or hand over its
 * own, and, as the supervisor, reassign any (`offered` is false in the supervisor's view of tasks
 * offered to others). The server decides; a refusal shows its reason.
 */
export function ClaimActions({ task, user, offered, onChanged }: { task: TaskItem; user: SessionUser; offered: boolean; onChanged: () => void }) {
  const t = useTaskMessages();
  const locale = useLocale();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'handover' | 'reassign' | null>(null);
  const mine = task.claimedBy?.id === user.id;

  const send = (action: 'claim' | 'release') =>
    api('POST', `/tasks/${task.id}/${action}`).then(onChanged, (error: unknown) => {
      void message.error(t('refused', { reason: errorText(error, locale) }));
      onChanged();
    });

  const done = () => {
    setDialog(null);
    onChanged();
  };

  return (
    <Space size={4} wrap>
      {!task.claimedBy && offered && <Button size="small" aria-label={t('claimCase', { caseNo: task.caseNo })} onClick={() => void send('claim')}>{t('claim')}</Button>}
      {mine && <Button size="small" aria-label={t('releaseCase', { caseNo: task.caseNo })} onClick={() => void send('release')}>{t('release')}</Button>}
      {(mine || (!task.claimedBy && offered)) && <Button size="small" aria-label={t('handOverCase', { caseNo: task.caseNo })} onClick={() => setDialog('handover')}>{t('handOver')}</Button>}
      {task.mayReassign && <Button size="small" aria-label={t('reassignCase', { caseNo: task.caseNo })} onClick={() => setDialog('reassign')}>{t('reassign')}</Button>}
      {dialog && <AssignDialog task={task} action={dialog} onDone={done} onCancel={() => setDialog(null)} />}
    </Space>
  );
}
