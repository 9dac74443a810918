import { Alert, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { useLocalized } from '../i18n.ts';
import { formatFigure } from '../evaluator/figures.ts';
import type { IndicatorSpec } from '../evaluator/types.ts';
import { useCatalogue } from '../shell/useCatalogue.ts';
import { useMessages } from './messages.ts';
import type { Figure, PeriodReview } from './types.ts';

const NO_INDICATORS: { items: IndicatorSpec[] } = { items: [] };

interface Row {
  id: string;
  title: string;
  factor: number;
  frozen: Figure | undefined;
  live: Figure | undefined;
  change: { numerator: number; denominator: number } | undefined;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * 冻结值与当前值 Each indicator's frozen figure beside the same figure computed now, with the
 * change since approval; a row whose figure moved is marked (as a late row is) and tagged 有变动.
 * Before approval only the figures now are shown, the ones approval would freeze.
 */
export function FiguresComparison({ review }: { review: PeriodReview }) {
  const t = useMessages();
  const l = useLocalized();
  const specs = new Map(useCatalogue('/indicators', NO_INDICATORS).items.map((spec) => [spec.id, spec]));
  const { figures, live, differences } = review;
  if (!live) return <Alert type="info" showIcon title={t('hidden')} />;
  const ids = [...new Set([...Object.keys(figures ?? {}), ...Object.keys(live)])].sort();
  const rows: Row[] = ids.map((id) => {
    const spec = specs.get(id);
    return { id, title: spec ? l(spec.title) : id, factor: spec?.factor ?? 1, frozen: figures?.[id], live: live[id], change: differences?.[id] };
  });
  const shown = (figure: Figure | undefined, factor: number) =>
    figure ? t('fraction', { value: formatFigure(figure.value, factor), n: figure.numerator, d: figure.denominator }) : '—';
  const columns: ColumnsType<Row> = [
    { title: t('indicator'), key: 'indicator', render: (_, row) => row.title },
    ...(figures ? [{ title: t('frozen'), key: 'frozen', align: 'right' as const, render: (_: unknown, row: Row) => shown(row.frozen, row.factor) }] : []),
    { title: t('live'), key: 'live', align: 'right', render: (_, row) => (row.change ? <span className="evaluator-danger">{shown(row.live, row.factor)}</span> : shown(row.live, row.factor)) },
    ...(figures
      ? [
          {
            title: t('difference'),
            key: 'difference',
            render: (_: unknown, row: Row) =>
              row.change ? <Tag color="red">{`${t('changed')} ${signed(row.change.numerator)}/${signed(row.change.denominator)}`}</Tag> : <Tag>{t('unchanged')}</Tag>,
          },
        ]
      : []),
  ];
  const changed = Object.keys(differences ?? {}).length;
  return (
    <>
      {!figures && <Alert className="evaluator-note" type="info" showIcon title={t('notFrozen')} />}
      {changed > 0 && <Alert className="evaluator-note" type="warning" showIcon title={t('changedNote', { n: changed })} />}
      <ResponsiveTable<Row>
        rowKey="id"
        size="small"
        aria-label={t('figures')}
        dataSource={rows}
        pagination={false}
        rowClassName={(row) => (row.change ? 'row-late' : '')}
        columns={columns}
      />
    </>
  );
}
