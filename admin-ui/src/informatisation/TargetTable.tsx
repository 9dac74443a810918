import { Table, Tag, Typography } from 'antd';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useMessages } from './messages.ts';
import type { Stage, TargetRow } from './types.ts';

const STAGE_COLOURS: Record<Stage, string> = { notStarted: 'default', partial: 'orange', reached: 'green' };

/** The ten targets: how each is measured, what was counted, the value against the threshold and the stage tag. */
export function TargetTable({ rows, loading }: { rows: readonly TargetRow[]; loading: boolean }) {
  const t = useMessages();
  const common = useCommon();
  const locale = useLocale();
  return (
    <Table<TargetRow>
      rowKey="id"
      size="small"
      bordered
      tableLayout="fixed"
      className="informatisation-targets"
      aria-labelledby="informatisation-title"
      loading={loading}
      dataSource={[...rows]}
      pagination={false}
      locale={tableLocale(loading, common('empty'))}
      columns={[
        { title: t('target'), key: 'target', width: 120, render: (_, row) => <Typography.Text strong>{row.title[locale]}</Typography.Text> },
        {
          title: t('measure'),
          key: 'measure',
          render: (_, row) => (
            <>
              {row.measure[locale]}
              {row.note && <Typography.Paragraph type="secondary" className="informatisation-note">{row.note[locale]}</Typography.Paragraph>}
            </>
          ),
        },
        { title: t('counted'), key: 'counted', align: 'right', width: 140, render: (_, row) => (row.numerator === null ? '—' : `${row.numerator} / ${row.denominator}`) },
        { title: t('value'), key: 'value', align: 'right', width: 90, render: (_, row) => (row.value === null ? '—' : `${row.value}%`) },
        { title: t('threshold'), key: 'threshold', align: 'right', width: 100, render: (_, row) => `${row.threshold}%` },
        {
          title: t('stage'),
          key: 'stage',
          width: 120,
          render: (_, row) => (
            <Tag color={STAGE_COLOURS[row.stage]} data-stage={row.stage}>
              {t(row.stage)}
            </Tag>
          ),
        },
      ]}
    />
  );
}
