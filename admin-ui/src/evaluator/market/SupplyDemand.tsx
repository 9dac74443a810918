import { Alert, Button, Card, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api.ts';
import { useCommon, useLocale, useLocalized } from '../../i18n.ts';
import { tableLocale } from '../../shell/tableLocale.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useApi } from '../../shell/useApi.ts';
import { useMarketMessages } from './messages.ts';
import { BREAKDOWNS, type Breakdown, type SupplyDemandRow } from './types.ts';

const share = (value: number | null) => (value === null ? '—' : `${value}%`);
const dash = (value: number | null) => value ?? '—';
const signed = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value > 0 ? `+${value}` : String(value));

/**
 * 职业供求分析 The quarter's supply and demand in the unit's subtree by a breakdown (city,
 * district, occupation, …): demand, job seekers, their shares, 求人倍率 and its change on the
 * previous quarter, with the total row and the cities the change leaves out.
 */
export function SupplyDemand({ orgUnitId, quarter }: { orgUnitId: string; quarter: string }) {
  const t = useMarketMessages();
  const common = useCommon();
  const l = useLocalized();
  const locale = useLocale();
  const [by, setBy] = useState<Breakdown>('city');
  const loaded = useApi('/api/analysis/supply-demand', { query: { orgUnit: orgUnitId, quarter, by } });
  const table = loaded.data;
  const rows = table?.rows ?? [];
  const total = table?.total;
  const leftOut = table?.previousQuarter.leftOutCities ?? [];

  return (
    <Card size="small" title={<h3 id="market-supply-title" className="evaluator-card-title">{t('supplyDemand')}</h3>}>
      <Segmented<Breakdown>
        className="evaluator-toolbar"
        aria-label={t('breakdown')}
        value={by}
        onChange={setBy}
        options={BREAKDOWNS.map((value) => ({ value, label: t(value) }))}
      />
      {loaded.error !== null && (
        <Alert type="error" showIcon title={errorText(loaded.error, locale)} action={<Button size="small" onClick={loaded.reload}>{common('retry')}</Button>} />
      )}
      <ScrollRegion title={t('supplyDemand')}>
        <Table<SupplyDemandRow>
          rowKey="key"
          size="small"
          aria-labelledby="market-supply-title"
          loading={loaded.loading}
          dataSource={rows}
          pagination={false}
          locale={tableLocale(loaded.loading, common('empty'))}
          columns={[
            { title: t('group'), key: 'label', render: (_, row) => l(row.label) || row.key },
            { title: t('demand'), dataIndex: 'demand', align: 'right' },
            { title: t('share'), key: 'demandShare', align: 'right', render: (_, row) => share(row.demandShare) },
            { title: t('supply'), dataIndex: 'supply', align: 'right' },
            { title: t('share'), key: 'supplyShare', align: 'right', render: (_, row) => share(row.supplyShare) },
            { title: t('ratio'), key: 'ratio', align: 'right', render: (_, row) => dash(row.ratio) },
            { title: t('ratioChange'), key: 'change', align: 'right', render: (_, row) => signed(row.vsPreviousQuarter?.ratioChange) },
          ]}
          summary={() =>
            total &&
            rows.length > 0 && (
              <Table.Summary.Row className="evaluator-total">
                <Table.Summary.Cell index={0}>{t('total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">{total.demand}</Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">{share(total.demandShare)}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{total.supply}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">{share(total.supplyShare)}</Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">{dash(total.ratio)}</Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">{signed(total.vsPreviousQuarter?.ratioChange)}</Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      </ScrollRegion>
      {leftOut.length > 0 && (
        <Typography.Paragraph type="secondary" className="evaluator-card-note">
          {t('leftOut', { cities: leftOut.map((city) => city.name ?? city.code).join(t('listSeparator')) })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
