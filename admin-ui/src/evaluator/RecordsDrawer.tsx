import { Alert, Button, Drawer, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorText } from '../api.ts';
import { chinaTime } from '../components/format.ts';
import { usePaged } from '../components/usePaged.ts';
import { useCommon, useLocale, useLocalized } from '../i18n.ts';
import { useMayDo } from '../session.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { countsDeadlines, scopeQuery } from './figures.ts';
import { useMessages } from './messages.ts';
import type { IndicatorSpec, PerformanceRecord, RecordsTarget } from './types.ts';

/** How many working days a step missed its deadline by, or that it kept it. */
function Lateness({ record }: { record: PerformanceRecord }) {
  const t = useMessages();
  if (record.onTime === false) return <Tag color="red">{record.workingDaysLate}</Tag>;
  return <Tag color={record.onTime ? 'green' : 'default'}>{record.onTime ? t('onTime') : t('noDeadline')}</Tag>;
}

/**
 * The performance records behind a figure, in a drawer, with the case (linking to it for those who may read cases), post,
 * org unit, deadline and working days late, latest first and paged. An on-time rate opens on
 * only the steps that missed their deadline; any other indicator on all the records it counts.
 */
export function RecordsDrawer({ spec, target, postNames, onClose }: { spec: IndicatorSpec; target: RecordsTarget; postNames: ReadonlyMap<string, string>; onClose: () => void }) {
  const t = useMessages();
  const common = useCommon();
  const l = useLocalized();
  const locale = useLocale();
  const [lateOnly, setLateOnly] = useState(() => countsDeadlines(spec));
  // Evaluators see the records, not the cases and the persons in them.
  const opensCases = useMayDo('cases.read');
  const records = usePaged<PerformanceRecord>(`/indicators/${encodeURIComponent(spec.id)}/records?${scopeQuery(target.scope, lateOnly ? { late: 'true' } : {})}`, 10);
  const title = t('recordsTitle', { indicator: l(spec.title), scope: target.label });
  return (
    <Drawer open size={960} title={title} onClose={onClose} destroyOnHidden>
      <Segmented
        className="evaluator-note"
        aria-label={t('whichRecords')}
        value={lateOnly ? 'late' : 'all'}
        onChange={(value) => setLateOnly(value === 'late')}
        options={[
          { value: 'late', label: t('onlyLate') },
          { value: 'all', label: t('allRecords') },
        ]}
      />
      {records.error !== null && (
        <Alert type="error" showIcon title={errorText(records.error, locale)} action={<Button size="small" onClick={records.reload}>{common('retry')}</Button>} />
      )}
      <Table<PerformanceRecord>
        rowKey={(record) => `${record.caseId}:${record.leftAt}:${record.event}`}
        size="small"
        aria-label={title}
        loading={records.loading}
        dataSource={records.data?.items ?? []}
        pagination={{ ...records.pagination, showTotal: (n) => common('total', { n }) }}
        locale={tableLocale(records.loading, lateOnly ? t('noLate') : common('empty'))}
        columns={[
          { title: t('caseNo'), key: 'caseNo', render: (_, record) => (opensCases ? <a href={`#/cases/${encodeURIComponent(record.caseId)}`}>{record.caseNo}</a> : record.caseNo) },
          { title: t('post'), key: 'post', render: (_, record) => (record.post ? (postNames.get(record.post) ?? record.post) : t('noPost')) },
          { title: t('unitColumn'), key: 'unit', render: (_, record) => record.orgUnit.name },
          { title: t('actor'), key: 'actor', render: (_, record) => record.actor.name ?? '—' },
          { title: t('deadline'), key: 'due', render: (_, record) => chinaTime(record.dueAt) },
          { title: t('completedAt'), key: 'left', render: (_, record) => chinaTime(record.leftAt) },
          { title: t('daysLate'), key: 'late', align: 'right', render: (_, record) => <Lateness record={record} /> },
        ]}
      />
    </Drawer>
  );
}
