import { Alert, Button, Card, Skeleton, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { errorText } from '../../api.ts';
import { useCommon, useLocale } from '../../i18n.ts';
import { tableLocale } from '../../shell/tableLocale.ts';
import { useApiAt } from '../../shell/useApi.ts';
import type { UnitRef } from '../types.ts';
import { useMarketMessages } from './messages.ts';
import type { Tally, UnemploymentByMonth, UnemploymentByUnit } from './types.ts';

const MonthlyChart = lazy(() => import('./MonthlyChart.tsx'));

const dash = (value: number | null) => value ?? '—';

/**
 * 失业监测 Registered unemployment of the unit's subtree per month (new registrations, exits,
 * registered at month end, average days registered of those who left) as a chart and its table,
 * and the same months per unit below, each of which drills down.
 */
export function UnemploymentMonitor({ unit, from, to, onDrill }: { unit: UnitRef; from: string; to: string; onDrill: (unit: UnitRef) => void }) {
  const t = useMarketMessages();
  const common = useCommon();
  const locale = useLocale();
  const query = `orgUnit=${encodeURIComponent(unit.id)}&from=${from}&to=${to}`;
  const months = useApiAt<UnemploymentByMonth>(`/monitoring/unemployment?${query}`);
  const units = useApiAt<UnemploymentByUnit>(`/monitoring/unemployment?${query}&by=unit`);
  const monthly = months.data;
  const rows = monthly?.months ?? [];
  const children = (units.data?.rows ?? []).filter((row) => row.orgUnit.id !== unit.id);
  const tallyColumns = [
    { title: t('inflow'), dataIndex: 'inflow', align: 'right' as const },
    { title: t('outflow'), dataIndex: 'outflow', align: 'right' as const },
    { title: t('stock'), dataIndex: 'stock', align: 'right' as const },
    { title: t('duration'), key: 'duration', align: 'right' as const, render: (_: unknown, row: Tally) => dash(row.averageDurationDays) },
  ];

  return (
    <Card size="small" title={<h3 id="market-unemployment-title" className="evaluator-card-title">{t('unemployment')}</h3>}>
      {months.error !== null && (
        <Alert type="error" showIcon title={errorText(months.error, locale)} action={<Button size="small" onClick={months.reload}>{common('retry')}</Button>} />
      )}
      {monthly && (
        <Typography.Paragraph type="secondary">{t('monthsNote', { from, to, opening: monthly.openingStock })}</Typography.Paragraph>
      )}
      {rows.length > 0 && (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
          <MonthlyChart
            ariaLabel={t('chartLabel')}
            months={rows.map((row) => row.month)}
            series={[
              { name: t('inflow'), values: rows.map((row) => row.inflow) },
              { name: t('outflow'), values: rows.map((row) => row.outflow) },
              { name: t('stock'), values: rows.map((row) => row.stock), line: true },
            ]}
          />
        </Suspense>
      )}
      <Table<Tally & { month: string }>
        rowKey="month"
        size="small"
        aria-labelledby="market-unemployment-title"
        loading={months.loading}
        dataSource={rows}
        pagination={false}
        locale={tableLocale(months.loading, common('empty'))}
        columns={[{ title: t('month'), dataIndex: 'month' }, ...tallyColumns]}
      />
      <h4 id="market-units-title" className="evaluator-subtitle">{t('byUnit')}</h4>
      {units.error !== null && (
        <Alert type="error" showIcon title={errorText(units.error, locale)} action={<Button size="small" onClick={units.reload}>{common('retry')}</Button>} />
      )}
      <Table<Tally & { orgUnit: UnitRef }>
        rowKey={(row) => row.orgUnit.id}
        size="small"
        aria-labelledby="market-units-title"
        loading={units.loading}
        dataSource={children}
        pagination={false}
        locale={tableLocale(units.loading, common('empty'))}
        columns={[
          {
            title: t('unit'),
            key: 'unit',
            render: (_, row) => (
              <Button type="link" size="small" className="evaluator-drill" aria-label={t('drillInto', { name: row.orgUnit.name })} onClick={() => onDrill({ id: row.orgUnit.id, name: row.orgUnit.name })}>
                {row.orgUnit.name}
              </Button>
            ),
          },
          ...tallyColumns,
        ]}
      />
    </Card>
  );
}
