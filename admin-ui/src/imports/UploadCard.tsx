import { Alert, Button, Card, Form, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { useApi } from '../shell/useApi.ts';
import { useMessages } from './messages.ts';
import type { ImportJob, ImportKind, KindSpec } from './types.ts';
import { uploadFile } from './upload-file.ts';

/** A refused header as a line: the missing and the unknown columns the server named. */
function headerProblem(error: unknown): { missing: string; unknown: string } | null {
  if (!(error instanceof ApiError) || error.body.code !== 'IMPORT_HEADER_INVALID') return null;
  const details = error.body.details as { missing: { header: string }[]; unknown: { header: string }[] };
  return { missing: details.missing.map((m) => m.header).join('、') || '—', unknown: details.unknown.map((u) => u.header).join('、') || '—' };
}

/**
 * 上传文件: the kind, a saved column template (or the default headers) and the file; posts it for
 * its dry run and hands the import to the page (a file uploaded before comes back as that import).
 */
export function UploadCard({ kinds, kind, onKind, onUploaded }: { kinds: KindSpec[]; kind: ImportKind; onKind: (kind: ImportKind) => void; onUploaded: (job: ImportJob) => void }) {
  const t = useMessages();
  const locale = useLocale();
  const templates = useApi('/api/import-templates', { query: { kind } });
  const [templateId, setTemplateId] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const header = headerProblem(error);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const job = await uploadFile(file, { kind, templateId });
      if (job.alreadyImported) setNotice(t('alreadyImported', { status: t(`status.${job.status}`) }));
      onUploaded(job);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('upload')} className="form-alert">
      <Form layout="inline">
        <Form.Item label={t('kind')} htmlFor="import-kind">
          <Select id="import-kind" className="funds-select" value={kind} onChange={(value: ImportKind) => (onKind(value), setTemplateId(undefined))} options={kinds.map((spec) => ({ value: spec.kind, label: spec.title[locale] }))} />
        </Form.Item>
        <Form.Item label={t('template')} htmlFor="import-template">
          <Select
            id="import-template"
            className="funds-select"
            allowClear
            placeholder={t('defaultHeaders')}
            value={templateId}
            onChange={(value?: string) => setTemplateId(value)}
            options={(templates.data?.items ?? []).map((template) => ({ value: template.id, label: template.name }))}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <label>
              {t('chooseFile')}{' '}
              <input type="file" data-testid="import-file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
            </label>
            <Button type="primary" autoInsertSpace={false} disabled={!file || busy} loading={busy} onClick={() => void submit()}>{t('dryRun')}</Button>
          </Space>
        </Form.Item>
      </Form>
      {error !== null && <Alert className="payments-result" type="error" showIcon title={errorText(error, locale)} description={header && t('headerInvalid', header)} />}
      {notice && <Alert className="payments-result" type="info" showIcon role="status" title={notice} />}
    </Card>
  );
}
