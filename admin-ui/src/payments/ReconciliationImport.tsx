import { Alert, Button, Card, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { labelled } from '../shell/punctuation.ts';
import { useMessages } from './messages.ts';
import type { ReconciliationResult } from './types.ts';

/** The first line the bank's reconciliation file must have (the server checks it). */
const RECONCILIATION_HEADER = 'payment_no,id_number,amount_fen,result,bank_reference,message';

/**
 * 导入对账文件: reads the bank's CSV in the browser and posts it (`POST /reconciliations`,
 * `{ fileName, content }`); shows how many lines matched, and each unmatched line's number and
 * reason (not the line itself: it holds an ID number).
 */
export function ReconciliationImport({ onImported }: { onImported: () => void }) {
  const t = useMessages();
  const locale = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReconciliationResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      const content = await file.text();
      if (content.trim() === '') throw new Error(t('emptyFile'));
      setResult(await api<ReconciliationResult>('POST', '/reconciliations', { fileName: file.name, content }));
      onImported();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('reconcile')} className="form-alert">
      <Typography.Paragraph type="secondary">{t('reconcileHint', { header: RECONCILIATION_HEADER })}</Typography.Paragraph>
      <Space wrap>
        <label>
          {t('chooseFile')}{' '}
          <input type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </label>
        <Button autoInsertSpace={false} disabled={!file || busy} loading={busy} onClick={() => void submit()}>{t('reconcile')}</Button>
      </Space>
      {error !== null && <Alert className="payments-result" type="error" showIcon title={errorText(error, locale)} />}
      {result && (
        <Alert
          className="payments-result"
          type={result.unmatched.length > 0 ? 'warning' : 'success'}
          showIcon
          role="status"
          title={t('reconciled', { lines: result.lineCount, matched: result.matchedCount, unmatched: result.unmatched.length })}
          description={
            result.unmatched.length > 0 && (
              <List size="small" dataSource={result.unmatched} renderItem={(line) => <List.Item>{labelled(t('lineNo', { n: line.lineNo }), t(`reason.${line.reason}`), locale)}</List.Item>} />
            )
          }
        />
      )}
    </Card>
  );
}
