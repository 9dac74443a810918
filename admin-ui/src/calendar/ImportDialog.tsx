import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useState, type ChangeEvent } from 'react';
import { api, errorText } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { ChangeSummary } from './ChangeSummary.tsx';
import { useCalendarMessages } from './messages.ts';
import type { ScheduleChangeResult } from './types.ts';

/** The header a schedule CSV starts with, as the server expects it. */
const CSV_HEADER = 'year,notice_number,notice_date,date,kind,name';

/**
 * Imports the State Council's schedules from a CSV or JSON file: the file is read in the browser,
 * checked by the server on a dry run (what each year would change), then imported in one go.
 */
export function ImportDialog({ onDone, onCancel }: { onDone: (result: ScheduleChangeResult) => void; onCancel: () => void }) {
  const t = useCalendarMessages();
  const locale = useLocale();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<ScheduleChangeResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setPreview(null);
    setError(null);
    setFile(chosen ? { name: chosen.name, content: await chosen.text() } : null);
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api<ScheduleChangeResult>('POST', '/calendar/import', { fileName: file.name, content: file.content, dryRun });
      if (dryRun) setPreview(result);
      else onDone(result);
    } catch (caught) {
      setPreview(null);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('importFile')}
      onCancel={onCancel}
      footer={
        <Space>
          <Button onClick={onCancel}>{t('cancel')}</Button>
          <Button disabled={!file} loading={busy} onClick={() => void send(true)}>{t('preview')}</Button>
          <Button type="primary" disabled={!file} loading={busy} onClick={() => void send(false)}>{t('importNow')}</Button>
        </Space>
      }
    >
      <label className="calendar-file">
        <span>{t('file')}</span>
        <input type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => void choose(e)} />
      </label>
      <Typography.Paragraph type="secondary" className="calendar-help">{t('fileHelp', { header: CSV_HEADER })}</Typography.Paragraph>
      {file && <Typography.Paragraph>{t('fileChosen', { file: file.name })}</Typography.Paragraph>}
      {error !== null && <Alert type="error" showIcon title={t('refused', { reason: errorText(error, locale) })} />}
      {preview && <ChangeSummary result={preview} />}
    </Modal>
  );
}
