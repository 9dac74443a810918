import { Alert, App, Button, Card, DatePicker, Form, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { download, errorText, type SessionUser } from '../api.ts';
import { yuan } from '../components/format.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApiAt } from '../shell/useApi.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { FUNDS, citiesOf, defaultFilters, exportOf, itemsOf, statisticsQuery, type Fund, type FundFigures, type FundFilters, type FundRow, type FundStatistics } from './figures.ts';
import { useMessages } from './messages.ts';

type Measure = 'approved' | 'paid' | 'failed' | 'pending' | 'returned';
const MEASURES: readonly Measure[] = ['approved', 'paid', 'failed', 'pending', 'returned'];

/**
 * 经费统计 (`#/funds`): the ledger per city, org unit, fund, item and month of approval, for
 * evaluators and administrators: approved, paid, failed, pending and returned amounts and
 * persons, with the totals, and the same table as CSV or Excel. A user above a city sees the
 * province and may pick one of its cities.
 */
export default function FundsPage({ user }: { user: SessionUser }) {
  const t = useMessages();
  const common = useCommon();
  const locale = useLocale();
  const { message } = App.useApp();
  const level = user.orgUnit.kind;
  const [filters, setFilters] = useState<FundFilters>(() => defaultFilters(level));
  const set = (change: Partial<FundFilters>) => setFilters((current) => ({ ...current, ...change }));
  const answerPath = `/ledger/fund-statistics?${statisticsQuery(filters)}`;
  const wholePath = `/ledger/fund-statistics?${statisticsQuery(defaultFilters(level))}`;
  const answer = useApiAt<FundStatistics>(answerPath);
  // The choices (cities, items) come from the whole scope, not from the filtered answer: the same answer while nothing is filtered.
  const wholeAnswer = useApiAt<FundStatistics>(answerPath === wholePath ? null : wholePath);
  const whole = answerPath === wholePath ? answer : wholeAnswer;
  const rows = answer.data?.rows ?? [];
  const aboveCity = level !== 'city';

  const save = (format: 'csv' | 'xlsx') => {
    const file = exportOf(filters, answer.data?.unit.id ?? user.orgUnit.id, format);
    download(file.path, file.fileName).catch((error: unknown) => message.error(t('exportFailed', { reason: errorText(error, locale) })));
  };

  const figureColumns = (measure: Measure): ColumnsType<FundRow>[number] => ({
    title: t(measure),
    children: [
      { title: t('amount'), key: `${measure}Fen`, align: 'right', render: (_, row) => yuan(row[`${measure}Fen`]) },
      { title: t('persons'), key: `${measure}Persons`, align: 'right', render: (_, row) => row[`${measure}Persons`] },
      ...(measure === 'returned' ? [{ title: t('times'), key: 'returnedPayments', align: 'right' as const, render: (_: unknown, row: FundRow) => row.returnedPayments }] : []),
    ],
  });
  const totalCells = (totals: FundFigures, start: number) =>
    MEASURES.flatMap((measure) => [
      <Table.Summary.Cell key={`${measure}Fen`} index={start++} align="right">{yuan(totals[`${measure}Fen`])}</Table.Summary.Cell>,
      <Table.Summary.Cell key={`${measure}Persons`} index={start++} align="right">{totals[`${measure}Persons`]}</Table.Summary.Cell>,
      ...(measure === 'returned' ? [<Table.Summary.Cell key="returnedPayments" index={start++} align="right">{totals.returnedPayments}</Table.Summary.Cell>] : []),
    ]);

  return (
    <section aria-labelledby="funds-title" className="funds-page">
      <Space className="page-head" wrap>
        <Typography.Title level={2} id="funds-title">{t('title')}</Typography.Title>
        {answer.data && <Typography.Text type="secondary">{answer.data.unit.name}</Typography.Text>}
      </Space>
      <Card size="small" title={t('filters')}>
        <Form layout="inline" className="evaluator-filter-form">
          {aboveCity && (
            <Form.Item label={t('scope')} htmlFor="funds-city">
              <Select
                id="funds-city"
                className="funds-select"
                value={filters.scope === 'province' ? '' : (filters.unit ?? '')}
                onChange={(value: string) => set(value ? { scope: 'city', unit: value } : { scope: 'province', unit: null })}
                options={[{ value: '', label: t('province') }, ...citiesOf(whole.data?.rows ?? [])]}
              />
            </Form.Item>
          )}
          <Form.Item label={t('months')} htmlFor="funds-from">
            <DatePicker.RangePicker
              id={{ start: 'funds-from', end: 'funds-to' }}
              picker="month"
              value={filters.from && filters.to ? [dayjs(`${filters.from}-01`), dayjs(`${filters.to}-01`)] : null}
              onChange={(values) => {
                const [from, to] = (values ?? []) as (Dayjs | null)[];
                set({ from: from?.format('YYYY-MM') ?? null, to: to?.format('YYYY-MM') ?? null });
              }}
            />
          </Form.Item>
          <Form.Item label={t('fund')} htmlFor="funds-fund">
            <Select
              id="funds-fund"
              className="funds-select"
              allowClear
              placeholder={t('allFunds')}
              value={filters.fund ?? undefined}
              onChange={(value: Fund | undefined) => set({ fund: value ?? null })}
              options={FUNDS.map((fund) => ({ value: fund, label: t(fund) }))}
            />
          </Form.Item>
          <Form.Item label={t('item')} htmlFor="funds-item">
            <Select
              id="funds-item"
              className="funds-select"
              allowClear
              showSearch
              placeholder={t('allItems')}
              value={filters.item ?? undefined}
              onChange={(value: string | undefined) => set({ item: value ?? null })}
              options={itemsOf(whole.data?.rows ?? []).map((item) => ({ value: item, label: item }))}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button onClick={() => save('csv')}>{t('exportCsv')}</Button>
              <Button onClick={() => save('xlsx')}>{t('exportXlsx')}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Alert className="evaluator-note" type="info" showIcon title={t('note')} />
      {answer.error !== null && (
        <Alert type="error" showIcon title={errorText(answer.error, locale)} action={<Button size="small" onClick={answer.reload}>{common('retry')}</Button>} />
      )}
      <ScrollRegion title={t('title')}>
        <Table<FundRow>
          rowKey={(row) => `${row.cityCode}|${row.orgUnitId ?? ''}|${row.fund}|${row.item}|${row.month}`}
          size="small"
          bordered
          aria-labelledby="funds-title"
          loading={answer.loading}
          dataSource={rows}
          pagination={false}
          locale={tableLocale(answer.loading, common('empty'))}
          columns={[
            ...(aboveCity ? [{ title: t('cityColumn'), key: 'city', render: (_: unknown, row: FundRow) => row.cityName ?? row.cityCode }] : []),
            { title: t('orgUnit'), key: 'orgUnit', render: (_, row) => row.orgUnitName ?? t('noOrgUnit') },
            { title: t('fund'), key: 'fund', render: (_, row) => t(row.fund) },
            { title: t('item'), dataIndex: 'item' },
            { title: t('month'), dataIndex: 'month' },
            ...MEASURES.map(figureColumns),
          ]}
          summary={() =>
            answer.data &&
            rows.length > 0 && (
              <Table.Summary.Row className="evaluator-total">
                <Table.Summary.Cell index={0} colSpan={aboveCity ? 5 : 4}>{t('total')}</Table.Summary.Cell>
                {totalCells(answer.data.totals, aboveCity ? 5 : 4)}
              </Table.Summary.Row>
            )
          }
        />
      </ScrollRegion>
    </section>
  );
}
