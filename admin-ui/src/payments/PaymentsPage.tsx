import { Alert, Button, Card, Form, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { call, client, errorText, type SessionUser } from '../api.ts';
import { chinaTime, yuan } from '../components/format.ts';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApi } from '../shell/useApi.ts';
import { BatchDrawer } from './BatchDrawer.tsx';
import { useMessages } from './messages.ts';
import { useActor } from './useActor.tsx';
import { ReconciliationHistory } from './ReconciliationHistory.tsx';
import { ReconciliationImport } from './ReconciliationImport.tsx';
import { FUNDS, type Batch, type BatchStatus, type Fund, type IssuedBatch } from './types.ts';

const PAGE_SIZE = 20;
const STATUS_COLOR: Record<BatchStatus, string> = { issued: 'orange', sent: 'blue', reconciled: 'green' };

/**
 * 资金发放 (`#/payments`): the city's payment batches, newest first; issuing a batch of one fund
 * (who may: `payments.prepare`), its payments in a drawer, approving its sending to the bank
 * (`payments.approve`, not by its issuer), the bank file, the import of the bank's
 * reconciliation file and the past imports with their unmatched lines.
 */
export default function PaymentsPage({ user }: { user: SessionUser }) {
  const t = useMessages();
  const common = useCommon();
  const locale = useLocale();
  const actor = useActor(user);
  const mayIssue = user.permissions.includes('payments.prepare');
  const [page, setPage] = useState(1);
  const list = useApi('/api/payment-batches', { query: { page, pageSize: PAGE_SIZE } });
  const [fund, setFund] = useState<Fund | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<IssuedBatch | null>(null);
  const [issueError, setIssueError] = useState<unknown>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [imports, setImports] = useState(0);
  const items = list.data?.items ?? [];

  const issue = async () => {
    if (!fund) return;
    setBusy(true);
    setIssued(null);
    setIssueError(null);
    try {
      const batch = await call(client.POST('/api/payment-batches', { body: { fund } }));
      setIssued(batch);
      setPage(1);
      list.reload();
    } catch (caught) {
      setIssueError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="payments-title" className="payments-page">
      <Typography.Title level={2} id="payments-title">{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {mayIssue && (
        <Card size="small" title={t('issue')} className="form-alert">
          <Form layout="inline">
            <Form.Item label={t('fund')} htmlFor="payments-fund">
              <Select
                id="payments-fund"
                className="funds-select"
                placeholder={t('chooseFund')}
                value={fund}
                onChange={(value: Fund) => setFund(value)}
                options={FUNDS.map((value) => ({ value, label: t(value) }))}
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" autoInsertSpace={false} disabled={!fund || busy} loading={busy} onClick={() => void issue()}>{t('issueAction')}</Button>
            </Form.Item>
          </Form>
          {issueError !== null && <Alert className="payments-result" type="error" showIcon title={errorText(issueError, locale)} />}
          {issued && (
            <Alert
              className="payments-result"
              type="success"
              showIcon
              role="status"
              title={t('issued', { batchNo: issued.batchNo, count: issued.paymentCount, total: yuan(issued.totalFen) })}
              action={<Button size="small" onClick={() => setOpenId(issued.id)}>{t('open')}</Button>}
            />
          )}
          {issued && issued.awaitingAccount.count > 0 && (
            <Alert
              className="payments-result"
              type="warning"
              showIcon
              title={t('awaitingAccount', { count: issued.awaitingAccount.count })}
              description={
                <>
                  <div>{issued.awaitingAccount.message[locale]}</div>
                  <List
                    size="small"
                    dataSource={issued.awaitingAccount.items}
                    renderItem={(item) => <List.Item>{`${item.personName} · ${item.item} · ${item.period} · ${yuan(item.amountFen)}`}</List.Item>}
                  />
                </>
              }
            />
          )}
        </Card>
      )}
      {mayIssue && (
        <ReconciliationImport
          onImported={() => {
            list.reload();
            setImports((n) => n + 1);
          }}
        />
      )}
      <Typography.Title level={3}>{t('batches')}</Typography.Title>
      {list.error !== null && (
        <Alert type="error" showIcon title={errorText(list.error, locale)} action={<Button size="small" onClick={list.reload}>{common('retry')}</Button>} />
      )}
      <ResponsiveTable<Batch>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        aria-label={t('batches')}
        loading={list.loading}
        dataSource={items}
        pagination={false}
        locale={tableLocale(list.loading, common('empty'))}
        columns={[
          { title: t('batchNo'), key: 'batchNo', render: (_, batch) => <Button type="link" size="small" onClick={() => setOpenId(batch.id)}>{batch.batchNo}</Button> },
          { title: t('fund'), key: 'fund', render: (_, batch) => t(batch.fund) },
          { title: t('status'), key: 'status', render: (_, batch) => <Tag color={STATUS_COLOR[batch.status]}>{t(`batch.${batch.status}`)}</Tag> },
          { title: t('count'), dataIndex: 'paymentCount', align: 'right' },
          { title: t('total'), key: 'total', align: 'right', render: (_, batch) => yuan(batch.totalFen) },
          { title: t('issuedBy'), key: 'issuedBy', render: (_, batch) => actor(batch.issuedBy) },
          { title: t('issuedAt'), key: 'issuedAt', render: (_, batch) => chinaTime(batch.issuedAt) },
          { title: t('sentBy'), key: 'sentBy', render: (_, batch) => actor(batch.sentBy) },
          { title: t('sentAt'), key: 'sentAt', render: (_, batch) => chinaTime(batch.sentAt) },
        ]}
      />
      {(page > 1 || items.length === PAGE_SIZE) && (
        <Space className="payments-pager">
          <Button size="small" aria-label={t('previous')} disabled={page === 1} onClick={() => setPage(page - 1)}>‹</Button>
          <span>{page}</span>
          <Button size="small" aria-label={t('next')} disabled={items.length < PAGE_SIZE} onClick={() => setPage(page + 1)}>›</Button>
        </Space>
      )}
      {openId && <BatchDrawer batchId={openId} user={user} onClose={() => setOpenId(null)} onChanged={list.reload} />}
      {/* Read again after each import. */}
      {mayIssue && <ReconciliationHistory key={imports} />}
    </section>
  );
}
