import { Alert, App, Button, Checkbox, Descriptions, Drawer, Popconfirm, Progress, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, download, errorText, type SessionUser } from '../api.ts';
import { chinaTime } from '../components/format.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApi } from '../shell/useApi.ts';
import { useMessages } from './messages.ts';
import type { ImportIssue, ImportJob } from './types.ts';

const PAGE_SIZE = 50;
/** How often the drawer asks for the progress while a commit runs. */
const POLL_MS = 1000;

/**
 * An import in a drawer: its counts, the dry-run findings page by page (row, field, masked value,
 * bilingual reason) and the XLSX report; approving it (a reviewer other than the uploader: the
 * server refuses the uploader, and the refusal shows here), discarding it, and the commit's progress
 * polled until it ends, with resuming after a failure.
 */
export function JobDrawer({ jobId, user, onClose, onChanged }: { jobId: string; user: SessionUser; onClose: () => void; onChanged: () => void }) {
  const t = useMessages();
  const common = useCommon();
  const locale = useLocale();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const job = useApi('/api/imports/{id}', { path: { id: jobId } });
  const issues = useApi('/api/imports/{id}/issues', { path: { id: jobId }, query: { page, pageSize: PAGE_SIZE, ...(onlyErrors ? { severity: 'error' as const } : {}) } });
  const [error, setError] = useState<unknown>(null);
  const data = job.data;
  const committing = data?.status === 'approved' && data.failure === null;

  useEffect(() => {
    if (!committing) return;
    const timer = setTimeout(job.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [committing, data, job.reload]);
  useEffect(() => {
    if (data?.status === 'committed') onChanged();
  }, [data?.status, onChanged]);

  const act = async (path: string) => {
    setError(null);
    try {
      await api<ImportJob>('POST', `/imports/${jobId}/${path}`);
      job.reload();
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };
  const saveReport = () =>
    download(`/imports/${jobId}/report`, `${data?.fileName ?? 'import'}-report.xlsx`).catch((caught: unknown) => message.error(t('downloadFailed', { reason: errorText(caught, locale) })));
  const mayApprove = user.permissions.includes('imports.approve');

  return (
    <Drawer open size={860} rootClassName="imports-drawer" title={data ? `${t('report')} · ${data.fileName}` : t('report')} onClose={onClose}>
      {job.error !== null && <Alert type="error" showIcon title={errorText(job.error, locale)} />}
      {data && (
        <Space orientation="vertical" className="case-column">
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('status')}><Tag>{t(`status.${data.status}`)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('rows')}>{data.totalRows}</Descriptions.Item>
            <Descriptions.Item label={t('accepted')}>{data.acceptedRows}</Descriptions.Item>
            <Descriptions.Item label={t('warnings')}>{data.warningRows}</Descriptions.Item>
            <Descriptions.Item label={t('errors')}>{data.errorRows}</Descriptions.Item>
            <Descriptions.Item label={t('committed')}>{`${data.committedRows} / ${data.commitTotal}`}</Descriptions.Item>
            <Descriptions.Item label={t('uploadedBy')}>{`${data.uploadedBy.name} · ${chinaTime(data.uploadedAt)}`}</Descriptions.Item>
            <Descriptions.Item label={t('approvedBy')}>{data.approvedBy ? `${data.approvedBy.name} · ${chinaTime(data.approvedAt)}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('skipped')}>{data.skippedRows}</Descriptions.Item>
          </Descriptions>
          {data.status !== 'validated' && data.status !== 'discarded' && (
            <div aria-label={t('progress')}>
              <Progress percent={data.commitTotal === 0 ? 100 : Math.floor((data.committedRows * 100) / data.commitTotal)} status={data.failure ? 'exception' : data.status === 'committed' ? 'success' : 'active'} />
            </div>
          )}
          {data.failure && <Alert type="warning" showIcon title={t('failure', { code: data.failure })} action={mayApprove && <Button size="small" onClick={() => void act('commit')}>{t('resume')}</Button>} />}
          {error !== null && <Alert type="error" showIcon title={errorText(error, locale)} />}
          <Space wrap>
            <Button onClick={() => void saveReport()}>{t('download')}</Button>
            {data.status === 'validated' && mayApprove && (
              <Popconfirm title={t('approveConfirm', { count: data.commitTotal })} okText={t('confirmApprove')} cancelText={t('cancel')} onConfirm={() => void act('approve')}>
                <Button type="primary" autoInsertSpace={false} disabled={data.uploadedBy.id === user.id} title={data.uploadedBy.id === user.id ? t('ownImport') : undefined}>{t('approve')}</Button>
              </Popconfirm>
            )}
            {data.status === 'validated' && <Button danger autoInsertSpace={false} onClick={() => void act('discard')}>{t('discard')}</Button>}
          </Space>
          <Checkbox checked={onlyErrors} onChange={(event) => (setOnlyErrors(event.target.checked), setPage(1))}>{t('onlyErrors')}</Checkbox>
          <Table<ImportIssue>
            size="small"
            rowKey={(issue) => `${issue.rowNo}-${issue.field}-${issue.code}`}
            loading={issues.loading}
            dataSource={issues.data?.items ?? []}
            locale={tableLocale(issues.loading, common('empty'))}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: issues.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
            columns={[
              { title: t('row'), dataIndex: 'rowNo', align: 'right' },
              { title: t('field'), key: 'field', render: (_, issue) => issue.fieldTitle[locale] },
              { title: t('value'), key: 'value', render: (_, issue) => issue.value ?? '' },
              { title: t('severity'), key: 'severity', render: (_, issue) => <Tag color={issue.severity === 'error' ? 'red' : 'orange'}>{t(issue.severity)}</Tag> },
              { title: t('reason'), key: 'reason', render: (_, issue) => issue.reason[locale] },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
