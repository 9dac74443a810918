import { Alert, Button, Card, Descriptions, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, call, client, errorText, type CaseItem, type Page } from '../../api.ts';
import { useLocale, useLocalized } from '../../i18n.ts';
import { navigate } from '../../router.ts';
import { useStartMessages } from './messages.ts';
import type { ChosenSubject, ProcessSummary } from './types.ts';

interface Refusal {
  error: unknown;
  /** The subject's active case of this process, when the refusal is that one is running. */
  existing: CaseItem | null;
}

/** The subject's active case of the process, to offer instead of a second one; null if none can be found. */
async function activeCase(processId: string, subjectId: string): Promise<CaseItem | null> {
  const query = new URLSearchParams({ status: 'active', processId, subjectId, pageSize: '1' });
  const found = await api<Page<CaseItem>>('GET', `/cases?${query}`).catch(() => null);
  return found?.items[0] ?? null;
}

/**
 * The chosen process and subject with the button that opens the case and goes to its page. The
 * button takes the focus when a subject is chosen, so Enter starts the case. A refusal is shown
 * with the server's message; when the subject already has this case running, it links to it.
 */
export function StartPanel({ process, subject, canStart, onClear }: { process: ProcessSummary; subject: ChosenSubject; canStart: boolean; onClear: () => void }) {
  const t = useStartMessages();
  const l = useLocalized();
  const locale = useLocale();
  const [starting, setStarting] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const startButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setRefusal(null);
    startButton.current?.focus();
  }, [subject.id, process.id]);

  const start = async () => {
    setStarting(true);
    setRefusal(null);
    try {
      const opened = await call(client.POST('/api/cases', { body: { processId: process.id, subjectId: subject.id } }));
      navigate(`/cases/${opened.id}`);
    } catch (error) {
      const running = error instanceof ApiError && error.status === 409;
      setRefusal({ error, existing: running ? await activeCase(process.id, subject.id) : null });
      setStarting(false);
    }
  };

  return (
    <Card size="small" title={t('startTitle')} className="start-panel">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'process', label: t('process'), children: l(process.title) },
          { key: 'subject', label: t('subject'), children: subject.name },
          { key: 'identifier', label: subject.kind === 'person' ? t('idNumber') : t('creditCode'), children: <span className="start-identifier">{subject.identifier}</span> },
        ]}
      />
      {subject.warnings.map((warning) => (
        <Alert key={warning.code} type="warning" showIcon title={t('areaUnknown', { area: warning.areaCode })} className="start-warning" />
      ))}
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={errorText(refusal.error, locale)}
          className="start-warning"
          action={refusal.existing && <Button size="small" onClick={() => navigate(`/cases/${refusal.existing!.id}`)}>{t('openExisting', { caseNo: refusal.existing.caseNo })}</Button>}
        />
      )}
      <Space>
        <Button type="primary" ref={startButton} onClick={start} loading={starting} disabled={!canStart}>
          {t('start')}
        </Button>
        <Button onClick={onClear}>{t('changeSubject')}</Button>
      </Space>
    </Card>
  );
}
