import { Alert, Button, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText, type CaseItem } from '../api.ts';
import { defineMessages, useCommon, useLocale, useLocalized } from '../i18n.ts';
import { navigate } from '../router.ts';
import { usePaged } from '../components/usePaged.ts';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { tableLocale } from '../shell/tableLocale.ts';
import { chinaTime } from '../components/format.ts';
import { useMessages as useInboxMessages } from './Inbox.tsx';

const useMessages = defineMessages({
  cases: { 'zh-CN': '业务办件', en: 'Cases' },
  all: { 'zh-CN': '全部', en: 'All' },
  active: { 'zh-CN': '办理中', en: 'Active' },
  final: { 'zh-CN': '已办结', en: 'Closed' },
  status: { 'zh-CN': '状态', en: 'Status' },
  updated: { 'zh-CN': '更新时间', en: 'Updated' },
  startCase: { 'zh-CN': '新办业务', en: 'Start a case' },
});

/** Every case in the user's jurisdiction, newest first, by status. */
export function CaseList() {
  const t = useMessages();
  const columnsText = useInboxMessages();
  const common = useCommon();
  const l = useLocalized();
  const locale = useLocale();
  const [status, setStatus] = useState<'all' | 'active' | 'final'>('all');
  const cases = usePaged<CaseItem>(status === 'all' ? '/cases' : `/cases?status=${status}`);

  return (
    <section aria-labelledby="cases-title">
      <Space className="page-head" wrap>
        <Typography.Title level={2} id="cases-title">{t('cases')}</Typography.Title>
        <Segmented
          value={status}
          onChange={(value) => setStatus(value as typeof status)}
          options={[
            { value: 'all', label: t('all') },
            { value: 'active', label: t('active') },
            { value: 'final', label: t('final') },
          ]}
        />
        <Button type="primary" onClick={() => navigate('/cases/new')}>{t('startCase')}</Button>
      </Space>
      {cases.error !== null && (
        <Alert type="error" showIcon title={errorText(cases.error, locale)} action={<Button onClick={cases.reload}>{common('retry')}</Button>} />
      )}
      <ResponsiveTable<CaseItem>
        rowKey="id"
        size="middle"
        aria-label={t('cases')}
        loading={cases.loading}
        dataSource={cases.data?.items ?? []}
        pagination={{ ...cases.pagination, showTotal: (n) => common('total', { n }) }}
        locale={tableLocale(cases.loading, common('empty'))}
        columns={[
          { title: columnsText('caseNo'), key: 'caseNo', render: (_, row) => <a href={`#/cases/${row.id}`}>{row.caseNo}</a> },
          { title: columnsText('process'), key: 'process', render: (_, row) => l(row.processTitle) },
          { title: columnsText('state'), key: 'state', render: (_, row) => l(row.stateTitle) },
          { title: t('status'), key: 'status', render: (_, row) => <Tag color={row.status === 'active' ? 'processing' : 'default'}>{t(row.status)}</Tag> },
          { title: columnsText('subject'), key: 'subject', render: (_, row) => row.subject?.name ?? '—' },
          { title: columnsText('idNumber'), key: 'id', render: (_, row) => row.subject?.identifier ?? '—' },
          { title: t('updated'), key: 'updated', render: (_, row) => chinaTime(row.updatedAt) },
        ]}
      />
    </section>
  );
}
