import { Alert, Button, Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../api.ts';
import { useCommon, useLocale, useLocalized } from '../i18n.ts';
import type { Loaded } from '../shell/useApi.ts';
import { formatFigure, workloadSummary } from './figures.ts';
import { useMessages } from './messages.ts';
import type { IndicatorSpec, IndicatorValue, Scope, Workload } from './types.ts';

/** One headline figure: a titled number with a line saying what it counts, or the server's message with a retry. */
export function FigureCard({ title, loaded, value, note }: { title: string; loaded: Loaded<unknown>; value: ReactNode; note: ReactNode }) {
  const common = useCommon();
  const locale = useLocale();
  return (
    <Card size="small" className="evaluator-card" role="group" aria-label={title}>
      {loaded.error !== null ? (
        <Alert type="error" showIcon title={errorText(loaded.error, locale)} action={<Button size="small" onClick={loaded.reload}>{common('retry')}</Button>} />
      ) : (
        <>
          <Statistic title={title} loading={loaded.loading || loaded.data === null} valueRender={() => value} />
          <Typography.Text type="secondary" className="evaluator-card-note">{loaded.data === null ? '\u00a0' : note}</Typography.Text>
        </>
      )}
    </Card>
  );
}

/** What an indicator counted, and whether any of it rests on provisional deadlines or was counted again after a calendar change. */
function IndicatorNote({ value }: { value: IndicatorValue }) {
  const t = useMessages();
  const { provisionalRecords, recalculatedRecords } = value.calendar;
  return (
    <>
      {t('fraction', { n: value.numerator, d: value.denominator })}
      {provisionalRecords > 0 && <span className="evaluator-calendar-note">{t('provisionalRecords', { n: provisionalRecords })}</span>}
      {recalculatedRecords > 0 && <span className="evaluator-calendar-note">{t('recalculatedRecords', { n: recalculatedRecords })}</span>}
    </>
  );
}

/**
 * The headline figures of the scope: the chosen indicator with its numerator and denominator
 * (one of `values`, the catalogue's figures for the same scope), and from the workload per
 * post the average handling time in working days, the steps handled and the open and overdue
 * tasks now.
 */
export function HeadlineCards({ spec, scope, values, workload }: { spec: IndicatorSpec; scope: Scope; values: Loaded<Map<string, IndicatorValue>>; workload: Loaded<Workload> }) {
  const t = useMessages();
  const l = useLocalized();
  const figure: Loaded<IndicatorValue> = { ...values, data: values.data?.get(spec.id) ?? null };
  const summary = workload.data ? workloadSummary(workload.data.rows, scope.post) : null;
  return (
    <Row gutter={[12, 12]} className="evaluator-cards">
      <Col xs={24} sm={12} xl={6}>
        <FigureCard
          title={l(spec.title)}
          loaded={figure}
          value={<span className="evaluator-figure">{figure.data ? formatFigure(figure.data.value, figure.data.factor) : ''}</span>}
          note={figure.data ? <IndicatorNote value={figure.data} /> : ''}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <FigureCard
          title={t('averageTime')}
          loaded={workload}
          value={
            <span className="evaluator-figure">
              {summary === null || summary.averageWorkingDays === null ? '—' : <>{summary.averageWorkingDays} <small>{t('workingDays')}</small></>}
            </span>
          }
          note={t('averageNote')}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <FigureCard
          title={t('throughput')}
          loaded={workload}
          value={<span className="evaluator-figure">{summary?.handled ?? 0} <small>{t('steps')}</small></span>}
          note={t('throughputNote')}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <FigureCard
          title={t('openTasks')}
          loaded={workload}
          value={<span className="evaluator-figure">{summary?.openTasks ?? 0}</span>}
          note={<Typography.Text type={summary && summary.overdueTasks > 0 ? 'danger' : 'secondary'}>{t('overdueTasks', { n: summary?.overdueTasks ?? 0 })}</Typography.Text>}
        />
      </Col>
    </Row>
  );
}
