import { Alert, App, Button, Descriptions, Drawer, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { call, client, download, errorText, type SessionUser } from '../api.ts';
import { chinaTime, yuan } from '../components/format.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApi } from '../shell/useApi.ts';
import { useMessages } from './messages.ts';
import { useActor } from './useActor.tsx';
import { bankFileName, type BankDelivery, type Payment, type PaymentStatus } from './types.ts';

const STATUS_COLOR: Record<PaymentStatus, string> = { issued: 'orange', sent: 'blue', paid: 'green', failed: 'red', reconciled: 'green' };

/**
 * A batch in a drawer: its figures and its payments (payee, masked account, bank, amount, status,
 * failure reason); approving its sending to the bank for those who may (the server refuses its
 * issuer, and the refusal shows here); the bank file as a CSV download.
 */
export function BatchDrawer({ batchId, user, onClose, onChanged }: { batchId: string; user: SessionUser; onClose: () => void; onChanged: () => void }) {
  const t = useMessages();
  const common = useCommon();
  const locale = useLocale();
  const actor = useActor(user);
  const { message } = App.useApp();
  const detail = useApi('/api/payment-batches/{id}', { path: { id: batchId } });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const batch = detail.data;

  const send = async () => {
    if (!batch) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const sent = await call(client.POST('/api/payment-batches/{id}/send', { params: { path: { id: batch.id } } }));
      setNotice(t('sent', { batchNo: sent.batchNo }));
      detail.reload();
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const saveBankFile = () => {
    if (!batch) return;
    download(`/payment-batches/${encodeURIComponent(batch.id)}/bank-file`, bankFileName(batch)).catch((caught: unknown) =>
      message.error(t('downloadFailed', { reason: errorText(caught, locale) })),
    );
  };

  const bankDelivery = (bank: BankDelivery) =>
    bank.state === 'sending'
      ? t('bank.sending', { attempts: bank.attempts, error: bank.lastError ?? '—', next: bank.nextAttemptAt ? chinaTime(bank.nextAttemptAt) : '—' })
      : bank.state === 'undeliverable'
        ? t('bank.undeliverable', { attempts: bank.attempts, error: bank.lastError ?? '—' })
        : bank.state === 'delivered'
          ? t('bank.delivered', { at: chinaTime(bank.deliveredAt) })
          : t('bank.reconciled');

  const title = batch ? t('batchTitle', { batchNo: batch.batchNo }) : common('loading');
  return (
    <Drawer open size={1100} title={title} onClose={onClose} destroyOnHidden rootClassName="payments-drawer">
      {detail.error !== null && (
        <Alert type="error" showIcon title={errorText(detail.error, locale)} action={<Button size="small" onClick={detail.reload}>{common('retry')}</Button>} />
      )}
      {batch && (
        <>
          <Descriptions size="small" column={3} className="form-alert">
            <Descriptions.Item label={t('fund')}>{t(batch.fund)}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>{t(`batch.${batch.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('total')}>{`${yuan(batch.totalFen)}（${batch.paymentCount}）`}</Descriptions.Item>
            <Descriptions.Item label={t('issuedBy')}>{actor(batch.issuedBy)}</Descriptions.Item>
            <Descriptions.Item label={t('issuedAt')}>{chinaTime(batch.issuedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('sentBy')}>{actor(batch.sentBy)}</Descriptions.Item>
            {batch.bank && <Descriptions.Item label={t('bankExchange')} span={3}>{bankDelivery(batch.bank)}</Descriptions.Item>}
          </Descriptions>
          <Space className="form-alert" wrap>
            {user.permissions.includes('payments.approve') && batch.status === 'issued' && (
              <Popconfirm title={t('sendConfirm', { batchNo: batch.batchNo })} okText={t('confirmSend')} cancelText={t('cancel')} onConfirm={send}>
                <Button type="primary" autoInsertSpace={false} loading={busy}>{t('send')}</Button>
              </Popconfirm>
            )}
            {user.permissions.includes('payments.prepare') && <Button autoInsertSpace={false} onClick={saveBankFile}>{t('bankFile')}</Button>}
          </Space>
          {error !== null && <Alert className="form-alert" type="error" showIcon title={errorText(error, locale)} />}
          {notice && <Alert className="form-alert" type="success" showIcon role="status" title={notice} />}
        </>
      )}
      <Table<Payment>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        aria-label={title}
        loading={detail.loading}
        dataSource={batch?.payments ?? []}
        pagination={false}
        locale={tableLocale(detail.loading, common('empty'))}
        columns={[
          { title: t('paymentNo'), dataIndex: 'paymentNo' },
          { title: t('payeeKind'), key: 'kind', render: (_, p) => t(`payee.${p.payee.kind}`) },
          { title: t('payee'), key: 'payee', render: (_, p) => p.payee.name ?? p.personName },
          { title: t('account'), key: 'account', render: (_, p) => p.payee.accountMasked ?? '—' },
          { title: t('bank'), key: 'bank', render: (_, p) => p.payee.bank ?? '—' },
          { title: t('amount'), key: 'amount', align: 'right', render: (_, p) => yuan(p.amountFen) },
          { title: t('status'), key: 'status', render: (_, p) => <Tag color={STATUS_COLOR[p.status]}>{t(`payment.${p.status}`)}</Tag> },
          { title: t('failureReason'), key: 'failureReason', render: (_, p) => p.failureReason ?? '' },
        ]}
      />
    </Drawer>
  );
}
