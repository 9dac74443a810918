import { Alert, App, Button, Card, Segmented, Skeleton, Space, Table } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { download, errorText } from '../api.ts';
import { useCommon, useLocale, useLocalized } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApiAt } from '../shell/useApi.ts';
import { countsDeadlines, exportOf, formatFigure, hasChildUnits, scopeQuery, totalOf } from './figures.ts';
import { useMessages } from './messages.ts';
import type { DrillBy, DrillDownResult, DrillRow, IndicatorSpec, RecordsTarget, Scope, UnitRef } from './types.ts';

// ECharts is fetched only when a drill-down has rows to draw.
const FigureChart = lazy(() => import('./FigureChart.tsx'));

/**
 * An indicator one level down from the scope's org unit: per child unit (clicking one drills
 * into it) or per post, as a bar chart and its table twin with a total row that adds up to the
 * parent figure. Below the bottom of the org tree (an office) it is shown per post. Each row
 * opens the records behind it; the whole split exports as CSV or XLSX.
 */
export function DrillDown(props: { spec: IndicatorSpec; scope: Scope; unit: UnitRef; onDrill: (unit: UnitRef) => void; onRecords: (target: RecordsTarget) => void }) {
  const { spec, scope, unit, onDrill, onRecords } = props;
  const t = useMessages();
  const common = useCommon();
  const l = useLocalized();
  const locale = useLocale();
  const { message } = App.useApp();
  const [by, setBy] = useState<DrillBy>('unit');
  const path = (split: DrillBy) => `/indicators/${encodeURIComponent(spec.id)}/drilldown?${scopeQuery(scope, { by: split })}`;
  const units = useApiAt<DrillDownResult>(by === 'unit' ? path('unit') : null);
  // A unit with records but none below it is the bottom of the tree: split it per post instead.
  const unitRows = units.data;
  const fellBack = by === 'unit' && !units.loading && unitRows !== null && unitRows.rows.length > 0 && !hasChildUnits(unitRows);
  const shownBy: DrillBy = by === 'post' || fellBack ? 'post' : 'unit';
  const posts = useApiAt<DrillDownResult>(shownBy === 'post' ? path('post') : null);
  const shown = shownBy === 'post' ? posts : units;
  const rows = shown.data?.rows ?? [];
  const percent = spec.factor === 100;
  const title = l(spec.title);
  // An on-time rate lists its late steps; any other indicator the records it counts.
  const lateFirst = countsDeadlines(spec);
  const recordsButton = (target: RecordsTarget) => (
    <Button size="small" aria-label={t(lateFirst ? 'lateOf' : 'recordsOf', { name: target.label })} onClick={() => onRecords(target)}>
      {t(lateFirst ? 'lateRecords' : 'records')}
    </Button>
  );

  const isChild = (row: DrillRow): row is DrillRow & { key: string } => shownBy === 'unit' && row.key !== null && row.key !== unit.id;
  const labelOf = (row: DrillRow) => {
    if (shownBy === 'unit') return row.key === unit.id ? t('ownLevel', { name: row.name ?? unit.name }) : (row.name ?? row.key ?? '');
    return row.key === null ? t('noPost') : (row.name ?? row.key);
  };
  /** The records behind a row: a child unit's subtree or a post's steps; not for the unit's own level or steps without a post. */
  const recordsOf = (row: DrillRow): RecordsTarget | null => {
    if (row.key === null || (shownBy === 'unit' && !isChild(row))) return null;
    return { scope: shownBy === 'unit' ? { ...scope, orgUnitId: row.key } : { ...scope, post: row.key }, label: labelOf(row) };
  };
  const total = totalOf(rows, spec.factor);

  const save = (format: 'csv' | 'xlsx') => {
    const file = exportOf(spec.id, scope, shownBy, format);
    download(file.path, file.fileName).catch((error: unknown) => message.error(t('exportFailed', { reason: errorText(error, locale) })));
  };

  return (
    <Card
      size="small"
      title={<h3 id="evaluator-drill-title" className="evaluator-card-title">{t('drillDown')} · {title}</h3>}
    >
      <Space className="evaluator-toolbar" wrap>
        <Segmented<DrillBy>
          aria-label={t('splitBy')}
          value={shownBy}
          onChange={setBy}
          options={[
            { value: 'unit', label: t('byUnit'), disabled: fellBack },
            { value: 'post', label: t('byPost') },
          ]}
        />
        <Button onClick={() => save('csv')}>{t('exportCsv')}</Button>
        <Button onClick={() => save('xlsx')}>{t('exportXlsx')}</Button>
      </Space>
      {fellBack && <Alert className="evaluator-note" type="info" showIcon title={t('bottomReached', { unit: unit.name })} />}
      {shown.error !== null && (
        <Alert type="error" showIcon title={errorText(shown.error, locale)} action={<Button size="small" onClick={shown.reload}>{common('retry')}</Button>} />
      )}
      {rows.length > 0 && (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
          <FigureChart
            percent={percent}
            ariaLabel={t('chartLabel', { indicator: title })}
            bars={rows.map((row) => ({ label: labelOf(row), value: row.value, detail: t('fraction', { n: row.numerator, d: row.denominator }) }))}
            onSelect={(index) => {
              const row = rows[index];
              if (row && isChild(row)) onDrill({ id: row.key, name: labelOf(row) });
            }}
          />
        </Suspense>
      )}
      <Table<DrillRow>
        rowKey={(row) => row.key ?? ''}
        size="small"
        aria-labelledby="evaluator-drill-title"
        loading={shown.loading}
        dataSource={rows}
        pagination={false}
        locale={tableLocale(shown.loading, common('empty'))}
        columns={[
          {
            title: shownBy === 'unit' ? t('unitColumn') : t('post'),
            key: 'name',
            render: (_, row) =>
              isChild(row) ? (
                <Button type="link" size="small" className="evaluator-drill" aria-label={t('drillInto', { name: labelOf(row) })} onClick={() => onDrill({ id: row.key, name: labelOf(row) })}>
                  {labelOf(row)}
                </Button>
              ) : (
                labelOf(row)
              ),
          },
          { title: t('numerator'), dataIndex: 'numerator', align: 'right' },
          { title: t('denominator'), dataIndex: 'denominator', align: 'right' },
          { title: t('value'), key: 'value', align: 'right', render: (_, row) => formatFigure(row.value, spec.factor) },
          {
            title: t('records'),
            key: 'records',
            render: (_, row) => {
              const target = recordsOf(row);
              return target && recordsButton(target);
            },
          },
        ]}
        summary={() =>
          rows.length > 0 && (
            <Table.Summary.Row className="evaluator-total">
              <Table.Summary.Cell index={0}>{t('total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{total.numerator}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{total.denominator}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{formatFigure(total.value, spec.factor)}</Table.Summary.Cell>
              <Table.Summary.Cell index={4}>{recordsButton({ scope, label: unit.name })}</Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
}
