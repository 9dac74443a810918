import { Alert, Button, Drawer, List, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../api.ts';
import { chinaTime } from '../components/format.ts';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApi, useApiAt } from '../shell/useApi.ts';
import { useMessages } from './messages.ts';
import type { ReconciliationDetail, ReconciliationSummary } from './types.ts';

/** The lines of one past import that matched nothing: number, payment number, reason. */
function UnmatchedLines({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useMessages();
  const locale = useLocale();
  const detail = useApiAt<ReconciliationDetail>(`/reconciliations/${encodeURIComponent(id)}`);
  const data = detail.data;
  return (
    <Drawer open onClose={onClose} title={data ? t('unmatchedOf', { file: data.fileName }) : t('unmatchedLines')} rootClassName="reconciliation-drawer">
      {detail.error !== null && <Alert type="error" showIcon title={errorText(detail.error, locale)} />}
      {data && (
        <>
          <Typography.Paragraph>{t('importedLine', { at: chinaTime(data.importedAt), by: data.importedBy.name, lines: data.lineCount, matched: data.matchedCount, unmatched: data.unmatchedCount })}</Typography.Paragraph>
          <List
            size="small"
            dataSource={data.unmatched}
            locale={{ emptyText: t('noUnmatched') }}
            renderItem={(line) => (
              <List.Item>{t(line.paymentNo ? 'unmatchedLine' : 'unmatchedLineNoPayment', { n: line.lineNo, paymentNo: line.paymentNo ?? '', reason: t(`reason.${line.reason}`) })}</List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}

/**
 * 对账导入记录: the city's past reconciliation imports, newest first (when, who, file, lines matched
 * and unmatched), from which an import's unmatched lines open; cards on a phone.
 */
export function ReconciliationHistory() {
  const t = useMessages();
  const common = useCommon();
  const locale = useLocale();
  const list = useApi('/api/reconciliations', { query: { pageSize: 20 } });
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      <Typography.Title level={3} id="payments-reconciliations-title">{t('reconciliations')}</Typography.Title>
      {list.error !== null && <Alert type="error" showIcon title={errorText(list.error, locale)} action={<Button size="small" onClick={list.reload}>{common('retry')}</Button>} />}
      <ResponsiveTable<ReconciliationSummary>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        aria-label={t('reconciliations')}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={tableLocale(list.loading, common('empty'))}
        columns={[
          { title: t('importedAt'), key: 'importedAt', render: (_, r) => chinaTime(r.importedAt) },
          { title: t('importedBy'), key: 'importedBy', render: (_, r) => r.importedBy.name },
          { title: t('fileName'), dataIndex: 'fileName' },
          { title: t('matched'), dataIndex: 'matchedCount', align: 'right' },
          {
            title: t('unmatched'),
            key: 'unmatched',
            align: 'right',
            render: (_, r) =>
              r.unmatchedCount === 0 ? 0 : (
                <Button type="link" size="small" aria-label={t('openUnmatched', { n: r.unmatchedCount, file: r.fileName })} onClick={() => setOpenId(r.id)}>
                  {r.unmatchedCount}
                </Button>
              ),
          },
        ]}
      />
      {openId && <UnmatchedLines id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}
