import { App, Button, Card, Popconfirm, Table, Typography } from 'antd';
import { call, client, errorText } from '../api.ts';
import { chinaTime } from '../components/format.ts';
import { useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApi } from '../shell/useApi.ts';
import { useExchangeMessages } from './messages.ts';
import type { DeadLetter } from './types.ts';

/**
 * The city's dead letters on 数据交换: messages the receiver refused for good or that were not acknowledged
 * after the last attempt, with the last answer; each put back in the outbox once its cause is mended.
 */
export function DeadLetters({ nameOf, onPutBack }: { nameOf: (code: string) => string; onPutBack: () => void }) {
  const t = useExchangeMessages();
  const locale = useLocale();
  const { message } = App.useApp();
  const letters = useApi('/api/admin/exchange/dead-letters');
  const putBack = (letter: DeadLetter) =>
    call(client.POST('/api/admin/exchange/dead-letters/{seq}/put-back', { params: { path: { seq: letter.seq } } })).then(
      () => {
        message.success(t('putBackDone'));
        letters.reload();
        onPutBack();
      },
      (error: unknown) => message.error(errorText(error, locale)),
    );

  return (
    <Card size="small" title={t('deadLetters')}>
      <Typography.Paragraph type="secondary">{t('deadLettersIntro')}</Typography.Paragraph>
      <Table<DeadLetter>
        className="exchange-dead-letters"
        size="small"
        rowKey="seq"
        pagination={false}
        loading={letters.loading}
        dataSource={letters.data?.items ?? []}
        locale={tableLocale(letters.loading, t('noDeadLetters'))}
        scroll={{ x: true }}
        columns={[
          { title: t('receiver'), dataIndex: 'receiver', render: nameOf },
          { title: t('service'), dataIndex: 'service', render: (service: string) => <Typography.Text code>{service}</Typography.Text> },
          { title: t('businessKey'), dataIndex: 'businessKey' },
          { title: t('attemptsMade'), dataIndex: 'attempts' },
          { title: t('lastError'), dataIndex: 'lastError', render: (error: string | null) => (error ? <Typography.Text type="danger">{error}</Typography.Text> : '—') },
          { title: t('deadAt'), dataIndex: 'deadAt', render: chinaTime },
          {
            title: '',
            render: (_, letter) => (
              <Popconfirm title={t('putBackConfirm')} okText={t('putBack')} cancelText={t('cancel')} onConfirm={() => putBack(letter)}>
                <Button size="small">{t('putBack')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
