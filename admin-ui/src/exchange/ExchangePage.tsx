import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../api.ts';
import { chinaTime } from '../components/format.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApi } from '../shell/useApi.ts';
import { useExchangeMessages } from './messages.ts';
import type { ExchangeMember, OutboxRow } from './types.ts';
import { DeadLetters } from './DeadLetters.tsx';
import { MemberForm, PeerKeyForm, RouteForm } from './WiringForms.tsx';

/** Which dialog is open. */
type Dialog = { kind: 'member'; member?: ExchangeMember } | { kind: 'key'; member: ExchangeMember } | { kind: 'route' } | { kind: 'bank' } | null;

/**
 * 数据交换 (`#/admin/exchange`), for the city's administrator: the members of the exchange with their
 * public keys (the city's own, made and rotated here; the peers', registered as they hand them over),
 * which peer answers each service of the city and which bank takes its payment batches, and the
 * outbox by receiver with why messages wait, and the messages given up (dead letters), to put back.
 */
export default function ExchangePage() {
  const t = useExchangeMessages();
  const common = useCommon();
  const locale = useLocale();
  const { message } = App.useApp();
  const answer = useApi('/api/admin/exchange');
  const [dialog, setDialog] = useState<Dialog>(null);
  const data = answer.data;
  const name = (code: string) => data?.members.find((m) => m.code === code)?.name ?? code;
  const saved = () => {
    setDialog(null);
    message.success(t('saved'));
    answer.reload();
  };
  const makeKey = (member: ExchangeMember) =>
    call(client.POST('/api/admin/exchange/members/{code}/own-key', { params: { path: { code: member.code } } })).then(saved, (error: unknown) => message.error(errorText(error, locale)));
  const copy = (publicKey: string) => void navigator.clipboard?.writeText(publicKey).then(() => message.success(t('copied')));

  const keyList = (member: ExchangeMember) =>
    member.keys.length === 0 ? (
      <Typography.Text type="secondary">{t('noKey')}</Typography.Text>
    ) : (
      <Space orientation="vertical" size={0}>
        {member.keys.map((key) => (
          <Space key={key.keyId} size={4} wrap>
            <Typography.Text code>{key.keyId}</Typography.Text>
            <Typography.Text type={key.validUntil ? 'secondary' : undefined}>
              {t('validity', { from: chinaTime(key.validFrom), until: key.validUntil ? t('until', { until: chinaTime(key.validUntil) }) : '' })}
            </Typography.Text>
            {member.servedHere && !key.validUntil && <Button size="small" type="link" onClick={() => copy(key.publicKey)}>{t('copyKey')}</Button>}
          </Space>
        ))}
      </Space>
    );

  const memberActions = (member: ExchangeMember) => (
    <Space wrap size={4}>
      <Button size="small" autoInsertSpace={false} onClick={() => setDialog({ kind: 'member', member })}>{t('edit')}</Button>
      {member.servedHere && (
        <Popconfirm title={t('rotateConfirm')} okText={t('rotateKey')} cancelText={t('cancel')} onConfirm={() => makeKey(member)}>
          <Button size="small">{t('rotateKey')}</Button>
        </Popconfirm>
      )}
      {!member.servedHere && member.keys.length === 0 && <Button size="small" onClick={() => makeKey(member)}>{t('makeKey')}</Button>}
      {!member.servedHere && <Button size="small" onClick={() => setDialog({ kind: 'key', member })}>{t('addKey')}</Button>}
    </Space>
  );

  return (
    <section aria-labelledby="exchange-title" className="exchange-page">
      <Typography.Title level={2} id="exchange-title">{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {answer.error !== null && <Alert type="error" showIcon title={errorText(answer.error, locale)} action={<Button size="small" onClick={answer.reload}>{common('retry')}</Button>} />}

      <Card size="small" title={t('members')} extra={<Button onClick={() => setDialog({ kind: 'member' })}>{t('addMember')}</Button>}>
        <Table<ExchangeMember>
          className="exchange-members"
          size="small"
          rowKey="code"
          pagination={false}
          loading={answer.loading}
          dataSource={data?.members ?? []}
          locale={tableLocale(answer.loading, t('noKey'))}
          scroll={{ x: true }}
          columns={[
            { title: t('code'), dataIndex: 'code' },
            { title: t('name'), dataIndex: 'name' },
            { title: t('side'), render: (_, m) => (m.servedHere ? <Tag color="blue">{t('ours')}</Tag> : m.keys.length > 0 ? <Tag>{t('peer')}</Tag> : '—') },
            { title: t('address'), render: (_, m) => m.address ?? <Typography.Text type="secondary">{t('noAddress')}</Typography.Text> },
            { title: t('keys'), render: (_, m) => keyList(m) },
            { title: '', render: (_, m) => memberActions(m) },
          ]}
        />
      </Card>

      <Card size="small" title={t('services')} extra={<Button onClick={() => setDialog({ kind: 'route' })}>{t('route')}</Button>}>
        <Table
          className="exchange-services"
          size="small"
          rowKey="service"
          pagination={false}
          dataSource={data?.services ?? []}
          locale={tableLocale(answer.loading, t('noServices'))}
          columns={[
            { title: t('service'), dataIndex: 'service', render: (service: string) => <Typography.Text code>{service}</Typography.Text> },
            { title: t('client'), dataIndex: 'client', render: name },
            { title: t('provider'), dataIndex: 'provider', render: name },
          ]}
        />
      </Card>

      <Card size="small" title={t('bank')} extra={<Button onClick={() => setDialog({ kind: 'bank' })}>{t('connectBank')}</Button>}>
        <Typography.Text className="exchange-bank">{data?.bank ? `${name(data.bank.member)} → ${name(data.bank.bank)}` : t('noBank')}</Typography.Text>
      </Card>

      <Card size="small" title={t('outbox')}>
        <Table<OutboxRow>
          className="exchange-outbox"
          size="small"
          rowKey="receiver"
          pagination={false}
          dataSource={data?.outbox ?? []}
          locale={tableLocale(answer.loading, t('noOutbox'))}
          scroll={{ x: true }}
          columns={[
            { title: t('receiver'), dataIndex: 'receiver', render: name },
            { title: t('pending'), dataIndex: 'pending' },
            { title: t('delivered'), dataIndex: 'delivered' },
            { title: t('dead'), dataIndex: 'dead', render: (dead: number) => (dead > 0 ? <Typography.Text type="danger">{dead}</Typography.Text> : dead) },
            { title: t('attempts'), dataIndex: 'attemptsMax' },
            { title: t('nextAttempt'), dataIndex: 'nextAttemptAt', render: (at: string | null) => (at ? chinaTime(at) : '—') },
            { title: t('lastError'), dataIndex: 'lastError', render: (error: string | null) => (error ? <Typography.Text type="danger">{error}</Typography.Text> : '—') },
          ]}
        />
      </Card>

      <DeadLetters nameOf={name} onPutBack={answer.reload} />

      {dialog?.kind === 'member' && <MemberForm member={dialog.member} onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog?.kind === 'key' && <PeerKeyForm member={dialog.member} onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog?.kind === 'route' && data && <RouteForm members={data.members} onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog?.kind === 'bank' && data && <RouteForm bank members={data.members} onClose={() => setDialog(null)} onSaved={saved} />}
    </section>
  );
}
