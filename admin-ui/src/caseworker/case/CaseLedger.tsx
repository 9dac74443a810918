import type { Answer } from '../../../../client/index.ts';
import { Card, Tag, Typography } from 'antd';
import { yuan } from '../../components/format.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useLocalized } from '../../i18n.ts';
import { useMayDo } from '../../session.ts';
import { useApiAt } from '../../shell/useApi.ts';
import { useCaseMessages } from './messages.ts';

type PayeeKind = LedgerItem['payee']['kind'];
type PaymentStatus = LedgerItem['paymentStatus'];

/** A ledger item as `GET /api/ledger/items` lists it: the payee's account is masked, never in the clear. */
type LedgerItem = Answer<'/api/ledger/items', 'get'>['items'][number];

const KIND_TEXT: Record<PayeeKind, { 'zh-CN': string; en: string }> = {
  person: { 'zh-CN': '个人', en: 'Person' },
  employer: { 'zh-CN': '用人单位', en: 'Employer' },
  institution: { 'zh-CN': '机构', en: 'Institution' },
  bank: { 'zh-CN': '银行', en: 'Bank' },
};

const STATUS_TEXT: Record<PaymentStatus, { 'zh-CN': string; en: string }> = {
  unpaid: { 'zh-CN': '待发放', en: 'Not yet paid' },
  issued: { 'zh-CN': '已生成批次', en: 'In a batch' },
  sent: { 'zh-CN': '已报送银行', en: 'Sent to the bank' },
  paid: { 'zh-CN': '已到账', en: 'Paid' },
  failed: { 'zh-CN': '发放失败', en: 'Failed' },
  reconciled: { 'zh-CN': '已对账', en: 'Reconciled' },
};

/** What has reached the payee: paid, or paid and reconciled. */
const PAID: ReadonlySet<PaymentStatus> = new Set(['paid', 'reconciled']);

/** The query of `GET /api/ledger/items` for a case, a person or an employer paid. */
function ledgerQuery(of: LedgerOf): string {
  if ('caseId' in of) return `caseId=${of.caseId}`;
  return 'personId' in of ? `personId=${of.personId}` : `employerId=${of.employerId}`;
}

type LedgerOf = { caseId: string } | { personId: string } | { employerId: string };

/**
 * The payments a case approved, for who may read the ledger: month, amount, who is paid (kind,
 * name, masked account, bank) and where the payment stands; an item held for want of the person's
 * account says so. Nothing is shown to others, nor for a case that paid nothing. Given a person
 * instead of a case: every payment of the person, from all their cases (the person page); given an
 * employer: the subsidies paid to it, each with the person it was for, linked to its case (the
 * employer page). With the count and totals approved and paid beneath. A card a payment on a phone,
 * where the table scrolled inside its card and hid the account and the status.
 */
export function CaseLedger(of: LedgerOf) {
  const t = useCaseMessages();
  const l = useLocalized();
  const mayRead = useMayDo('ledger.read');
  const loaded = useApiAt<{ items: LedgerItem[] }>(mayRead ? `/ledger/items?${ledgerQuery(of)}` : null);
  const items = loaded.data?.items ?? [];
  if (!mayRead || items.length === 0) return null;
  const toEmployer = 'employerId' in of;
  const approved = items.reduce((sum, item) => sum + item.amountFen, 0);
  const paid = items.filter((item) => PAID.has(item.paymentStatus)).reduce((sum, item) => sum + item.amountFen, 0);
  return (
    <Card size="small" title={<Typography.Title level={3} className="case-section-title" id="case-ledger-title">{t(toEmployer ? 'ledgerToEmployer' : 'ledger')}</Typography.Title>} role="region" aria-labelledby="case-ledger-title">
      <ResponsiveTable<LedgerItem>
        size="small"
        aria-label={t(toEmployer ? 'ledgerToEmployer' : 'ledger')}
        rowKey="id"
        pagination={false}
        dataSource={items}
        columns={[
          { key: 'period', title: t('ledgerPeriod'), dataIndex: 'period' },
          { key: 'amount', title: t('ledgerAmount'), align: 'right', render: (_, item) => yuan(item.amountFen) },
          toEmployer
            ? { key: 'person', title: t('ledgerFor'), render: (_, item) => <a href={`#/cases/${item.caseId}`}>{item.personName}</a> }
            : { key: 'payee', title: t('ledgerPayee'), render: (_, item) => `${l(KIND_TEXT[item.payee.kind])} · ${item.payee.name ?? '—'}` },
          // On the employer's page the employer is the payee of every line: the account column tells nothing there.
          ...(toEmployer ? [] : [{ key: 'account', title: t('paymentAccount'), render: (_: unknown, item: LedgerItem) => (item.payee.accountMasked ? `${item.payee.bank ?? ''} ${item.payee.accountMasked}`.trim() : '—') }]),
          {
            key: 'status',
            title: t('ledgerStatus'),
            render: (_, item) => (
              <Tag color={item.awaitingAccount || item.paymentStatus === 'failed' ? 'warning' : undefined} title={item.note ? l(item.note) : undefined}>
                {item.awaitingAccount ? t('awaitingAccount') : l(STATUS_TEXT[item.paymentStatus])}
              </Tag>
            ),
          },
        ]}
      />
      <Typography.Paragraph className="case-ledger-totals">
        {t('ledgerTotalsText', { count: items.length, approved: yuan(approved), paid: yuan(paid) })}
      </Typography.Paragraph>
    </Card>
  );
}
