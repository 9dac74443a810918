import { Alert, Button, Card, Table } from 'antd';
import { errorText } from '../api.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import type { Loaded } from '../shell/useApi.ts';
import { workloadSummary } from './figures.ts';
import { useMessages } from './messages.ts';
import type { Workload, WorkloadRow } from './types.ts';

/** The workload per post of the scope: steps handled, average and 90th-percentile working days, open and overdue tasks now; the chosen post stands out. */
export function WorkloadTable({ workload, post }: { workload: Loaded<Workload>; post: string | null }) {
  const t = useMessages();
  const common = useCommon();
  const locale = useLocale();
  const rows = workload.data?.rows ?? [];
  const total = workloadSummary(rows, null);
  const dash = (value: number | null) => value ?? '—';
  return (
    <Card size="small" title={<h3 id="evaluator-workload-title" className="evaluator-card-title">{t('workload')}</h3>}>
      {workload.error !== null && (
        <Alert type="error" showIcon title={errorText(workload.error, locale)} action={<Button size="small" onClick={workload.reload}>{common('retry')}</Button>} />
      )}
      <Table<WorkloadRow>
        rowKey={(row) => row.post ?? ''}
        size="small"
        aria-labelledby="evaluator-workload-title"
        loading={workload.loading}
        dataSource={rows}
        pagination={false}
        locale={tableLocale(workload.loading, common('empty'))}
        rowClassName={(row) => (post !== null && row.post === post ? 'evaluator-selected' : '')}
        columns={[
          { title: t('post'), key: 'post', render: (_, row) => row.name ?? row.post ?? t('noPost') },
          { title: t('throughput'), dataIndex: 'handled', align: 'right' },
          { title: t('average'), key: 'average', align: 'right', render: (_, row) => dash(row.averageWorkingDays) },
          { title: t('p90'), key: 'p90', align: 'right', render: (_, row) => dash(row.p90WorkingDays) },
          { title: t('open'), dataIndex: 'openTasks', align: 'right' },
          { title: t('overdue'), key: 'overdue', align: 'right', render: (_, row) => <span className={row.overdueTasks > 0 ? 'evaluator-danger' : ''}>{row.overdueTasks}</span> },
        ]}
        summary={() =>
          rows.length > 0 && (
            <Table.Summary.Row className="evaluator-total">
              <Table.Summary.Cell index={0}>{t('total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{total.handled}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{dash(total.averageWorkingDays)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">—</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{total.openTasks}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">{total.overdueTasks}</Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
}
