import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useState, type ChangeEvent } from 'react';
import { call, client, errorText } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { ChangeSummary } from './ChangeSummary.tsx';
import { useCalendarMessages } from './messages.ts';
import type { ScheduleChangeResult } from './types.ts';
import { useScheduleRequest } from './useScheduleRequest.ts';

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
  const { preview, error, busy, send, reset } = useScheduleRequest(
    async (dryRun) => (file ? call(client.POST('/api/calendar/import', { body: { fileName: file.name, content: file.content, dryRun } })) : undefined),
    onDone,
  );

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    reset();
    setFile(chosen ? { name: chosen.name, content: await chosen.text() } : null);
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
