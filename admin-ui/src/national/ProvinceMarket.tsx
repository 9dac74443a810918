import { Alert, Button, Card, DatePicker, Form, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../api.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { chinaToday, isAfterToday, periodDays, quarterOf } from '../evaluator/period.ts';
import { codeLabel, useDivisionNames } from '../forms/code-tables.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApi } from '../shell/useApi.ts';
import { marketCells, type ProvinceFigures } from './market-cells.ts';
import { useNationalMessages } from './messages.ts';
import { ProvinceAnswer } from './ProvinceAnswer.tsx';

/**
 * 各省求人倍率: each province's demand, job seekers and ratio for a quarter, as the province answered
 * the national node over the exchange; a province that did not answer says so, with the error's code,
 * and shows no figure (never a zero).
 */
export function ProvinceMarket() {
  const t = useNationalMessages();
  const common = useCommon();
  const locale = useLocale();
  const today = chinaToday(new Date());
  const [quarter, setQuarter] = useState(() => quarterOf(today));
  const loaded = useApi('/api/national/supply-demand', { query: { quarter } });
  const rows = loaded.data ?? [];
  const names = useDivisionNames(rows.map((row) => row.province));

  return (
    <Card size="small" title={<h3 id="national-market-title" className="evaluator-card-title">{t('market')}</h3>}>
      <Form layout="inline" className="evaluator-filter-form">
        <Form.Item label={t('quarter')} htmlFor="national-quarter">
          <DatePicker
            id="national-quarter"
            picker="quarter"
            allowClear={false}
            disabledDate={(value: Dayjs) => isAfterToday(value.format('YYYY-MM-DD'), 'quarter', today)}
            value={dayjs(periodDays({ kind: 'quarter', quarter }).from)}
            onChange={(value: Dayjs | null) => value && setQuarter(quarterOf(value.format('YYYY-MM-DD')))}
          />
        </Form.Item>
      </Form>
      {loaded.error !== null && (
        <Alert type="error" showIcon title={errorText(loaded.error, locale)} action={<Button size="small" onClick={loaded.reload}>{common('retry')}</Button>} />
      )}
      <ScrollRegion title={t('market')}>
        <Table<ProvinceFigures>
          rowKey="province"
          size="small"
          aria-labelledby="national-market-title"
          className="national-market"
          loading={loaded.loading}
          dataSource={rows}
          pagination={false}
          locale={tableLocale(loaded.loading, t('noProvinces'))}
          columns={[
            { title: t('province'), key: 'province', render: (_, row) => codeLabel(row.province, names(row.province) ?? row.name) },
            { title: t('demand'), key: 'demand', align: 'right', render: (_, row) => marketCells(row).demand },
            { title: t('supply'), key: 'supply', align: 'right', render: (_, row) => marketCells(row).supply },
            { title: t('ratio'), key: 'ratio', align: 'right', render: (_, row) => marketCells(row).ratio },
            { title: t('answer'), key: 'answer', render: (_, row) => <ProvinceAnswer error={marketCells(row).error} t={t} /> },
          ]}
        />
      </ScrollRegion>
      <Typography.Paragraph type="secondary" className="evaluator-card-note">{t('marketNote')}</Typography.Paragraph>
    </Card>
  );
}
