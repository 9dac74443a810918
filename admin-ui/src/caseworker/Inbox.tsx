import { Alert, Button, Checkbox, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText, type SessionUser, type TaskItem } from '../api.ts';
import { defineMessages, useCommon, useLocale, useLocalized } from '../i18n.ts';
import { navigate } from '../router.ts';
import { usePaged } from '../components/usePaged.ts';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { tableLocale } from '../shell/tableLocale.ts';
import { ProvisionalTag } from '../calendar/ProvisionalTag.tsx';
import { chinaTime } from '../components/format.ts';
import { ClaimActions, ClaimTag } from './tasks/ClaimActions.tsx';
import { ReassignAllDialog } from './tasks/ReassignAllDialog.tsx';
import { useTaskMessages } from './tasks/messages.ts';
import { SubjectLink } from './search/SubjectLink.tsx';
import './caseworker.css';

export const useMessages = defineMessages({
  tasks: { 'zh-CN': '待办任务', en: 'Tasks' },
  caseNo: { 'zh-CN': '业务编号', en: 'Case no.' },
  process: { 'zh-CN': '业务事项', en: 'Process' },
  state: { 'zh-CN': '当前环节', en: 'Step' },
  subject: { 'zh-CN': '服务对象', en: 'Subject' },
  idNumber: { 'zh-CN': '证件号码', en: 'ID number' },
  due: { 'zh-CN': '办理时限', en: 'Due' },
  overdue: { 'zh-CN': '已超期', en: 'Overdue' },
  online: { 'zh-CN': '网上申请', en: 'Online' },
  exchange: { 'zh-CN': '社保等部门推送', en: 'From another agency' },
  onlyOverdue: { 'zh-CN': '只看超期', en: 'Overdue only' },
  onlyMine: { 'zh-CN': '只看本岗位', en: 'My post only' },
  open: { 'zh-CN': '办理', en: 'Open' },
  openCase: { 'zh-CN': '办理 {caseNo}', en: 'Open {caseNo}' },
  claim: { 'zh-CN': '认领情况', en: 'Claim' },
  claimFilter: { 'zh-CN': '按认领筛选', en: 'Filter by claim' },
  allClaims: { 'zh-CN': '全部', en: 'All' },
  mineClaims: { 'zh-CN': '我认领的', en: 'Claimed by me' },
  othersClaims: { 'zh-CN': '他人认领的', en: 'Claimed by others' },
  unclaimedOnly: { 'zh-CN': '未认领', en: 'Unclaimed' },
  supervised: { 'zh-CN': '本科室全部待办（改派）', en: "All my office's tasks (to reassign)" },
});

/** The office supervisor's post code, as the server names it. */
const SUPERVISOR_POST = 'supervisor';

/**
 * The caseworker's inbox: open tasks offered to the user (role, and the task's post held) in the
 * user's org subtree, earliest deadline first, with who claimed each and the buttons to claim,
 * release, hand over and, for the office supervisor, reassign.
 */
export function Inbox({ user }: { user: SessionUser }) {
  const t = useMessages();
  const tm = useTaskMessages();
  const common = useCommon();
  const l = useLocalized();
  const locale = useLocale();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [mineOnly, setMineOnly] = useState(false);
  const [claim, setClaim] = useState('');
  const [supervised, setSupervised] = useState(false);
  const [reassigningAll, setReassigningAll] = useState(false);
  const isSupervisor = user.posts.some((post) => post.code === SUPERVISOR_POST);
  const query = new URLSearchParams();
  if (overdueOnly) query.set('overdue', 'true');
  if (mineOnly) query.set('mine', 'true');
  if (claim) query.set('claim', claim);
  if (supervised) query.set('supervised', 'true');
  const tasks = usePaged<TaskItem>(`/tasks?${query}`);

  return (
    <section aria-labelledby="inbox-title">
      <Space className="page-head" wrap>
        <Typography.Title level={2} id="inbox-title">{t('tasks')}</Typography.Title>
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>{t('onlyOverdue')}</Checkbox>
        {user.posts.length > 0 && <Checkbox checked={mineOnly} onChange={(e) => setMineOnly(e.target.checked)}>{t('onlyMine')}</Checkbox>}
        <Select
          aria-label={t('claimFilter')}
          className="cw-claim-filter"
          value={claim}
          onChange={setClaim}
          options={[
            { value: '', label: t('allClaims') },
            { value: 'mine', label: t('mineClaims') },
            { value: 'others', label: t('othersClaims') },
            { value: 'unclaimed', label: t('unclaimedOnly') },
          ]}
        />
        {isSupervisor && <Checkbox checked={supervised} onChange={(e) => setSupervised(e.target.checked)}>{t('supervised')}</Checkbox>}
        {isSupervisor && <Button onClick={() => setReassigningAll(true)}>{tm('reassignAll')}</Button>}
      </Space>
      {reassigningAll && (
        <ReassignAllDialog
          user={user}
          onCancel={() => setReassigningAll(false)}
          onDone={() => {
            setReassigningAll(false);
            tasks.reload();
          }}
        />
      )}
      {tasks.error !== null && (
        <Alert type="error" showIcon title={errorText(tasks.error, locale)} action={<Button onClick={tasks.reload}>{common('retry')}</Button>} />
      )}
      <ResponsiveTable<TaskItem>
        rowKey="id"
        size="middle"
        aria-label={t('tasks')}
        loading={tasks.loading}
        dataSource={tasks.data?.items ?? []}
        pagination={{ ...tasks.pagination, showTotal: (n) => common('total', { n }) }}
        locale={tableLocale(tasks.loading, common('empty'))}
        rowClassName={(row) => (row.overdue ? 'row-late' : '')}
        onRow={(row) => ({ onDoubleClick: () => navigate(`/cases/${row.caseId}`) })}
        columns={[
          {
            title: t('caseNo'),
            key: 'caseNo',
            render: (_, row) => (
              <>
                <a href={`#/cases/${row.caseId}`}>{row.caseNo}</a>
                {row.channel === 'online' && <Tag color="blue">{t('online')}</Tag>}
                {row.channel === 'exchange' && <Tag color="purple">{t('exchange')}</Tag>}
              </>
            ),
          },
          { title: t('process'), key: 'process', render: (_, row) => l(row.processTitle) },
          { title: t('state'), key: 'state', render: (_, row) => l(row.stateTitle) },
          { title: t('subject'), key: 'subject', className: 'cw-nowrap', render: (_, row) => <SubjectLink subject={row.subject} /> },
          { title: t('idNumber'), key: 'id', render: (_, row) => row.subject?.identifier ?? '—' },
          {
            title: t('due'),
            key: 'due',
            className: 'cw-nowrap',
            render: (_, row) => (
              <Space size={4}>
                {chinaTime(row.dueAt)}
                <ProvisionalTag provisional={row.dueProvisional} />
                {row.overdue && <Tag color="red">{t('overdue')}</Tag>}
              </Space>
            ),
          },
          { title: t('claim'), key: 'claim', render: (_, row) => <ClaimTag task={row} user={user} /> },
          { title: '', key: 'claimActions', render: (_, row) => <ClaimActions task={row} user={user} offered={!supervised} onChanged={tasks.reload} /> },
          { title: '', key: 'open', render: (_, row) => <Button size="small" aria-label={t('openCase', { caseNo: row.caseNo })} onClick={() => navigate(`/cases/${row.caseId}`)}>{t('open')}</Button> },
        ]}
      />
    </section>
  );
}
