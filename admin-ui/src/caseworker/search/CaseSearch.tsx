import { Alert, App, Button, Input, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { Answer } from '../../../../client/index.ts';
import { download, errorText, type CaseItem } from '../../api.ts';
import { chinaTime } from '../../components/format.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { usePaged } from '../../components/usePaged.ts';
import { useCommon, useLocale, useLocalized } from '../../i18n.ts';
import { navigate } from '../../router.ts';
import { tableLocale } from '../../shell/tableLocale.ts';
import { useApi, useApiAt } from '../../shell/useApi.ts';
import { useSearchMessages } from './messages.ts';
import { OfficeFilter } from './OfficeFilter.tsx';
import { SubjectLink } from './SubjectLink.tsx';
import { apiQuery, useSearchQuery } from './useSearchQuery.ts';
import '../caseworker.css';

const CHANNELS = ['window', 'coordination', 'import', 'online', 'national', 'exchange'] as const;
const SORTS = ['updatedAt.desc', 'createdAt.desc', 'createdAt.asc', 'caseNo.asc'] as const;

/**
 * 办件查询: every case in the user's jurisdiction, found by case number, ID number, name or pinyin
 * initials, filtered by process and its step, status, office, channel and opening day, sorted, and exported (CSV or
 * Excel, recorded). The filters live in the URL. On a phone the results are cards, not a table.
 */
export default function CaseSearch() {
  const t = useSearchMessages();
  const common = useCommon();
  const l = useLocalized();
  const locale = useLocale();
  const { message } = App.useApp();
  const [filters, change] = useSearchQuery();
  const query = apiQuery(filters);
  const cases = usePaged<CaseItem>(query ? `/cases?${query}` : '/cases');
  const processes = useApi('/api/processes');
  // The chosen process's states, in the order its definition lists them, by their names.
  const process = useApiAt<Answer<'/api/processes/{processId}', 'get'>>(filters.processId ? `/processes/${encodeURIComponent(filters.processId)}` : null);
  const stateOptions = Object.entries(process.data?.definition.states ?? {}).map(([id, state]) => ({ value: id, label: l(state.title) }));
  const exportAs = (format: 'csv' | 'xlsx') => {
    download(`/cases/export?${query}${query ? '&' : ''}format=${format}`, `cases.${format}`).catch((error: unknown) => message.error(t('exportFailed', { reason: errorText(error, locale) })));
  };
  const processOptions = [...(processes.data?.items ?? [])]
    .map((p) => ({ value: p.id, label: l(p.title) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));

  return (
    <section aria-labelledby="cases-title">
      <Space className="page-head" wrap>
        <Typography.Title level={2} id="cases-title">{t('cases')}</Typography.Title>
        <Button type="primary" onClick={() => navigate('/cases/new')}>{t('startCase')}</Button>
      </Space>
      <Space className="cw-search-filters" wrap role="search">
        <Input.Search
          key={filters.q ?? ''}
          className="cw-search-text"
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          defaultValue={filters.q}
          allowClear
          enterButton
          onSearch={(q) => change({ q: q.trim() })}
        />
        <Select aria-label={t('process')} value={filters.processId ?? ''} onChange={(processId) => change({ processId, state: '' })} options={[{ value: '', label: t('allProcesses') }, ...processOptions]} popupMatchSelectWidth={false} />
        <Select
          aria-label={t('state')}
          title={filters.processId ? undefined : t('stateNeedsProcess')}
          disabled={!filters.processId}
          value={filters.processId ? (filters.state ?? '') : ''}
          onChange={(state) => change({ state })}
          options={[{ value: '', label: t('allStates') }, ...stateOptions]}
          popupMatchSelectWidth={false}
        />
        <OfficeFilter value={filters.orgUnitId} onChange={(orgUnitId) => change({ orgUnitId })} />
        <Segmented
          aria-label={t('status')}
          value={filters.status ?? ''}
          onChange={(status) => change({ status: String(status) })}
          options={[
            { value: '', label: t('all') },
            { value: 'active', label: t('active') },
            { value: 'final', label: t('final') },
          ]}
        />
        <Select aria-label={t('channel')} value={filters.channel ?? ''} onChange={(channel) => change({ channel })} options={[{ value: '', label: t('allChannels') }, ...CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))]} />
        <Input className="cw-search-date" type="date" aria-label={t('openedFrom')} value={filters.from ?? ''} onChange={(e) => change({ from: e.target.value })} />
        <Input className="cw-search-date" type="date" aria-label={t('openedTo')} value={filters.to ?? ''} onChange={(e) => change({ to: e.target.value })} />
        <Select aria-label={t('sort')} value={filters.sort ?? 'updatedAt.desc'} onChange={(sort) => change({ sort })} options={SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))} popupMatchSelectWidth={false} />
        <Button onClick={() => change(null)}>{t('clear')}</Button>
        <Button onClick={() => exportAs('csv')}>{t('exportCsv')}</Button>
        <Button onClick={() => exportAs('xlsx')}>{t('exportXlsx')}</Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('exportNote')}</Typography.Paragraph>
      {cases.error !== null && <Alert type="error" showIcon title={errorText(cases.error, locale)} action={<Button onClick={cases.reload}>{common('retry')}</Button>} />}
      <ResponsiveTable<CaseItem>
        rowKey="id"
        size="middle"
        aria-label={t('cases')}
        loading={cases.loading}
        dataSource={cases.data?.items ?? []}
        pagination={{ ...cases.pagination, showTotal: (n) => common('total', { n }) }}
        locale={tableLocale(cases.loading, common('empty'))}
        columns={[
          { title: t('caseNo'), key: 'caseNo', className: 'cw-nowrap', render: (_, row) => <a href={`#/cases/${row.id}`}>{row.caseNo}</a> },
          { title: t('process'), key: 'process', render: (_, row) => l(row.processTitle) },
          { title: t('state'), key: 'state', render: (_, row) => l(row.stateTitle) },
          { title: t('status'), key: 'status', render: (_, row) => <Tag color={row.status === 'active' ? 'processing' : 'default'}>{t(row.status)}</Tag> },
          { title: t('subject'), key: 'subject', className: 'cw-nowrap', render: (_, row) => <SubjectLink subject={row.subject} /> },
          { title: t('idNumber'), key: 'id', className: 'cw-nowrap', render: (_, row) => row.subject?.identifier ?? '—' },
          { title: t('channel'), key: 'channel', render: (_, row) => t(`channel.${row.channel}`) },
          { title: t('updated'), key: 'updated', className: 'cw-nowrap', render: (_, row) => chinaTime(row.updatedAt) },
        ]}
      />
    </section>
  );
}
