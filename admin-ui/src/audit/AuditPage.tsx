import type { Answer } from '../../../client/index.ts';
import { Alert, Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../api.ts';
import { chinaTime } from '../components/format.ts';
import { usePaged } from '../components/usePaged.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { ACTIONS, useAuditMessages } from './messages.ts';

type AccessEntry = Answer<'/api/audit/access-log', 'get'>['items'][number];

interface Filters {
  actor?: string;
  action?: string;
  targetId?: string;
}

/** 审计: the auditor searches the access log of their subtree and verifies its hash chain. */
export default function AuditPage() {
  const t = useAuditMessages();
  const common = useCommon();
  const locale = useLocale();
  const [filters, setFilters] = useState<Filters>({});
  const [check, setCheck] = useState<{ ok: boolean; rows: number; brokenAt: number | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const entries = usePaged<AccessEntry>(`/audit/access-log?${query}`);
  const actionName = (action: string) => ((ACTIONS as readonly string[]).includes(action) ? t(action as (typeof ACTIONS)[number]) : action);
  const verify = async () => {
    setError(null);
    try {
      setCheck(await call(client.GET('/api/audit/access-log/verify')));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-labelledby="audit-title">
      <Space className="page-head" wrap>
        <Typography.Title level={2} id="audit-title">{t('title')}</Typography.Title>
        <Button onClick={() => void verify()}>{t('verify')}</Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {check && <Alert className="form-alert" type={check.ok ? 'success' : 'error'} showIcon role="status" title={check.ok ? t('intact', { rows: check.rows }) : t('broken', { id: check.brokenAt ?? '?' })} />}
      {(error ?? entries.error) !== null && <Alert className="form-alert" type="error" showIcon title={errorText(error ?? entries.error, locale)} />}
      <Form<Filters> layout="inline" name="audit-filter" onFinish={(values) => setFilters(values)} className="form-alert">
        <Form.Item name="actor" label={t('actor')}>
          <Input allowClear maxLength={64} />
        </Form.Item>
        <Form.Item name="action" label={t('action')}>
          <Select allowClear style={{ minWidth: 160 }} placeholder={t('any')} options={ACTIONS.map((a) => ({ value: a, label: t(a) }))} />
        </Form.Item>
        <Form.Item name="targetId" label={t('targetId')}>
          <Input allowClear maxLength={64} />
        </Form.Item>
        <Button type="primary" htmlType="submit">{t('search')}</Button>
      </Form>
      <Table<AccessEntry>
        rowKey="id"
        size="small"
        aria-label={t('title')}
        loading={entries.loading}
        dataSource={entries.data?.items ?? []}
        pagination={{ ...entries.pagination, showTotal: (n) => common('total', { n }) }}
        locale={tableLocale(entries.loading, common('empty'))}
        columns={[
          { title: t('when'), key: 'at', className: 'cw-nowrap', render: (_, e) => chinaTime(e.at) },
          { title: t('actor'), key: 'actor', render: (_, e) => e.actorName ?? '—' },
          { title: t('action'), key: 'action', render: (_, e) => actionName(e.action) },
          { title: t('target'), key: 'target', render: (_, e) => (e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—') },
          { title: t('purpose'), key: 'purpose', render: (_, e) => e.purpose ?? '' },
          { title: t('address'), key: 'address', render: (_, e) => e.address ?? '—' },
        ]}
      />
    </section>
  );
}
