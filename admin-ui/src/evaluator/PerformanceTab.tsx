import { Alert, Button, Col, Row } from 'antd';
import { useMemo, useState } from 'react';
import { navigate } from '../router.ts';
import { Loadable } from '../shell/Loadable.tsx';
import { useApiAt } from '../shell/useApi.ts';
import { DrillDown } from './DrillDown.tsx';
import { scopeQuery } from './figures.ts';
import { Filters } from './Filters.tsx';
import { HeadlineCards } from './HeadlineCards.tsx';
import { IndicatorCatalogue } from './IndicatorCatalogue.tsx';
import { useMessages } from './messages.ts';
import { OutcomeCards } from './OutcomeCards.tsx';
import { periodDays, type Period } from './period.ts';
import { RecordsDrawer } from './RecordsDrawer.tsx';
import type { IndicatorSpec, RecordsTarget, Scope, UnitRef, Workload } from './types.ts';
import { useIndicatorValues } from './useIndicatorValues.ts';
import { WorkloadTable } from './WorkloadTable.tsx';

/** The indicator the dashboard opens on when the route names none. */
const DEFAULT_INDICATOR = 'unemployment-registration-on-time-rate';

/**
 * The performance tab: filters (org unit, period, post), headline figures, the indicator
 * catalogue with values, the chosen indicator's drill-down along the org tree down to posts
 * with the late records behind each figure and its export, the outcome indicators, and the workload per post.
 */
export function PerformanceTab({ indicatorId, trail, onTrail, period, onPeriod, post, onPost }: { indicatorId: string | undefined; trail: readonly UnitRef[]; onTrail: (trail: UnitRef[]) => void; period: Period; onPeriod: (period: Period) => void; post: string | null; onPost: (post: string | null) => void }) {
  const t = useMessages();
  const [records, setRecords] = useState<RecordsTarget | null>(null);
  const unit = trail.at(-1)!;
  const scope: Scope = { orgUnitId: unit.id, ...periodDays(period), post };
  const catalogue = useApiAt<{ items: IndicatorSpec[] }>('/indicators');
  // Read once for the catalogue and the headline card, which shows one of them.
  const values = useIndicatorValues(catalogue.data?.items.map((item) => item.id) ?? [], scope);
  const workload = useApiAt<Workload>(`/workload?${scopeQuery({ ...scope, post: null })}`);
  const postNames = useMemo(() => new Map((workload.data?.rows ?? []).flatMap((row) => (row.post && row.name ? [[row.post, row.name] as const] : []))), [workload.data]);

  return (
    <div className="evaluator-tab">
      <Filters trail={trail} onTrail={onTrail} period={period} onPeriod={onPeriod} post={post} onPost={onPost} posts={workload.data?.rows ?? []} />
      <Loadable loaded={catalogue}>
        {({ items }) => {
          const spec = items.find((item) => item.id === (indicatorId ?? DEFAULT_INDICATOR)) ?? (indicatorId ? undefined : items[0]);
          return (
            <>
              {spec ? (
                <HeadlineCards spec={spec} scope={scope} values={values} workload={workload} />
              ) : (
                <Alert
                  className="evaluator-note"
                  type="warning"
                  showIcon
                  title={t('unknownIndicator', { id: indicatorId ?? '' })}
                  action={<Button size="small" onClick={() => navigate('/dashboard')}>{t('showDefault')}</Button>}
                />
              )}
              <Row gutter={[12, 12]} className="evaluator-row">
                <Col xs={24} xl={10}>
                  <IndicatorCatalogue specs={items} values={values} selected={spec?.id ?? ''} />
                </Col>
                {spec && (
                  <Col xs={24} xl={14}>
                    <DrillDown key={`${spec.id}:${unit.id}`} spec={spec} scope={scope} unit={unit} onDrill={(child) => onTrail([...trail, child])} onRecords={setRecords} />
                  </Col>
                )}
              </Row>
              {spec && records && <RecordsDrawer spec={spec} target={records} postNames={postNames} onClose={() => setRecords(null)} />}
            </>
          );
        }}
      </Loadable>
      <OutcomeCards scope={scope} />
      <WorkloadTable workload={workload} post={post} />
    </div>
  );
}
