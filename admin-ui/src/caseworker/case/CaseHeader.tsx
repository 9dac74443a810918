import { Button, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useLocalized } from '../../i18n.ts';
import { ProvisionalTag } from '../../calendar/ProvisionalTag.tsx';
import { chinaTime } from '../../components/format.ts';
import { useCaseMessages } from './messages.ts';
import { PersonDetails } from './PersonDetails.tsx';
import { EmployerDetails } from '../records/EmployerDetails.tsx';
import type { CaseDetail } from './types.ts';

/** Whether an active case has passed its deadline. */
function isOverdue(detail: Pick<CaseDetail, 'status' | 'dueAt'>, now = Date.now()): boolean {
  return detail.status === 'active' && detail.dueAt !== null && Date.parse(detail.dueAt) < now;
}

/** The case at a glance: number, process, current state, status and outcome, subject, deadline, definition version. */
export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const t = useCaseMessages();
  const l = useLocalized();
  const overdue = isOverdue(detail);
  const [showing, setShowing] = useState(false);
  return (
    <Descriptions
      className="case-header"
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'caseNo', label: t('caseNo'), children: detail.caseNo },
        { key: 'process', label: t('process'), children: l(detail.processTitle) },
        { key: 'state', label: t('state'), children: <Tag color={detail.status === 'active' ? 'processing' : 'default'}>{l(detail.stateTitle)}</Tag> },
        {
          key: 'status',
          label: t('status'),
          children: (
            <Space size={4}>
              {t(detail.status)}
              {detail.outcome && <Tag color={detail.outcome === 'completed' ? 'success' : 'warning'}>{t(detail.outcome)}</Tag>}
            </Space>
          ),
        },
        {
          key: 'subject',
          label: t('subject'),
          // The name and the links wrap as wholes on a phone: squeezed onto one line, the English "Profile" broke mid-word.
          children: detail.subject ? (
            <Space size={4} wrap>
              {t('subjectWithId', { name: detail.subject.name, id: detail.subject.identifier })}
              <Button type="link" size="small" onClick={() => setShowing(true)}>{t('showPerson')}</Button>
              <a href={`#/${detail.subject.type === 'person' ? 'persons' : 'employers'}/${detail.subject.id}`}>{t('openProfile')}</a>
              {showing && detail.subject.type === 'person' && <PersonDetails personId={detail.subject.id} onClose={() => setShowing(false)} />}
              {showing && detail.subject.type === 'employer' && <EmployerDetails employerId={detail.subject.id} onClose={() => setShowing(false)} />}
            </Space>
          ) : (
            '—'
          ),
        },
        {
          key: 'due',
          label: t('due'),
          children: (
            <Space size={4}>
              {chinaTime(detail.dueAt)}
              <ProvisionalTag provisional={detail.status === 'active' && detail.dueProvisional} />
              {overdue && <Tag color="red">{t('overdue')}</Tag>}
            </Space>
          ),
        },
        { key: 'opened', label: t('opened'), children: chinaTime(detail.createdAt) },
        { key: 'closed', label: t('closed'), children: chinaTime(detail.closedAt) },
        { key: 'definition', label: t('definition'), children: t('definitionVersion', { n: detail.definitionVersion, plugin: detail.pluginId, version: detail.pluginVersion }) },
      ]}
    />
  );
}
