import { Alert, Button, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { errorText, type SessionUser } from '../api.ts';
import { chinaTime } from '../components/format.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApi } from '../shell/useApi.ts';
import { JobDrawer } from './JobDrawer.tsx';
import { MappingEditor } from './MappingEditor.tsx';
import { useMessages } from './messages.ts';
import type { ImportJob, ImportKind, ImportStatus } from './types.ts';
import { UploadCard } from './UploadCard.tsx';

const STATUS_COLOR: Record<ImportStatus, string> = { validated: 'orange', approved: 'blue', committed: 'green', discarded: 'default' };

/**
 * 批量导入 (`#/imports`): upload a file of a kind for its dry run (with a saved column template or
 * the default headers), the column mapping editor, and the city's import history (who uploaded and
 * approved, when, the counts); an import opens in a drawer with its report, approval and progress.
 */
export default function ImportsPage({ user }: { user: SessionUser }) {
  const t = useMessages();
  const common = useCommon();
  const locale = useLocale();
  const kinds = useApi('/api/imports/kinds');
  const [kind, setKind] = useState<ImportKind>('persons');
  const history = useApi('/api/imports', { query: { pageSize: 50 } });
  const [openId, setOpenId] = useState<string | null>(null);
  const [templatesRound, setTemplatesRound] = useState(0);
  const spec = kinds.data?.items.find((item) => item.kind === kind);
  const reload = history.reload;
  const changed = useCallback(() => reload(), [reload]);

  return (
    <section aria-labelledby="imports-title" className="payments-page">
      <Typography.Title level={2} id="imports-title">{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {kinds.error !== null && <Alert type="error" showIcon title={errorText(kinds.error, locale)} />}
      {kinds.data && <UploadCard key={`${kind}-${templatesRound}`} kinds={kinds.data.items} kind={kind} onKind={setKind} onUploaded={(job) => (history.reload(), setOpenId(job.id))} />}
      {spec && <MappingEditor key={spec.kind} spec={spec} onSaved={() => setTemplatesRound((n) => n + 1)} />}
      <Typography.Title level={3} id="imports-history-title">{t('history')}</Typography.Title>
      {history.error !== null && <Alert type="error" showIcon title={errorText(history.error, locale)} action={<Button size="small" onClick={history.reload}>{common('retry')}</Button>} />}
      <Table<ImportJob>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        aria-labelledby="imports-history-title"
        loading={history.loading}
        dataSource={history.data?.items ?? []}
        pagination={false}
        locale={tableLocale(history.loading, common('empty'))}
        columns={[
          { title: t('file'), key: 'file', render: (_, job) => <Button type="link" size="small" onClick={() => setOpenId(job.id)}>{job.fileName}</Button> },
          { title: t('kind'), key: 'kind', render: (_, job) => kinds.data?.items.find((item) => item.kind === job.kind)?.title[locale] ?? job.kind },
          { title: t('status'), key: 'status', render: (_, job) => <Tag color={STATUS_COLOR[job.status]}>{t(`status.${job.status}`)}</Tag> },
          { title: t('rows'), dataIndex: 'totalRows', align: 'right' },
          { title: t('accepted'), dataIndex: 'acceptedRows', align: 'right' },
          { title: t('warnings'), dataIndex: 'warningRows', align: 'right' },
          { title: t('errors'), dataIndex: 'errorRows', align: 'right' },
          { title: t('committed'), key: 'committed', align: 'right', render: (_, job) => `${job.committedRows} / ${job.commitTotal}` },
          { title: t('uploadedBy'), key: 'uploadedBy', render: (_, job) => job.uploadedBy.name },
          { title: t('uploadedAt'), key: 'uploadedAt', render: (_, job) => chinaTime(job.uploadedAt) },
          { title: t('approvedBy'), key: 'approvedBy', render: (_, job) => job.approvedBy?.name ?? '—' },
          { title: t('committedAt'), key: 'committedAt', render: (_, job) => chinaTime(job.committedAt) },
        ]}
      />
      {openId && <JobDrawer jobId={openId} user={user} onClose={() => setOpenId(null)} onChanged={changed} />}
    </section>
  );
}
