import { Card, Col, DatePicker, Form, Row } from 'antd';
import { useMayDo } from '../../session.ts';
import { useApi } from '../../shell/useApi.ts';
import dayjs, { type Dayjs } from 'dayjs';
import { UnitTrail } from '../Filters.tsx';
import { useMessages } from '../messages.ts';
import { chinaToday, isAfterToday, monthsUpTo, periodDays, quarterOf } from '../period.ts';
import type { UnitRef } from '../types.ts';
import { Alerts } from './Alerts.tsx';
import { useMarketMessages } from './messages.ts';
import { SupplyDemand } from './SupplyDemand.tsx';
import { ThresholdsEditor } from './ThresholdsEditor.tsx';
import { UnemploymentMonitor } from './UnemploymentMonitor.tsx';

/** Months of unemployment shown up to the quarter's end. */
const MONTHS = 6;

/**
 * 市场监测 The market monitoring tab for the org unit and a quarter: registered unemployment
 * per month and per unit below (drilling down), the quarter's supply and demand, the
 * early-warning alerts with their handling, and for a configurator the unit's thresholds.
 */
export function MarketTab({ trail, onTrail, quarter, onQuarter }: { trail: readonly UnitRef[]; onTrail: (trail: UnitRef[]) => void; quarter: string; onQuarter: (quarter: string) => void }) {
  const t = useMarketMessages();
  const filters = useMessages();
  const today = chinaToday(new Date());
  const unit = trail.at(-1)!;
  const months = monthsUpTo(quarter, today, MONTHS);
  const mayConfigure = useMayDo('monitoring.configure');
  // One reading for the alerts (titles, units) and the editor, which reads them again after a save.
  const thresholds = useApi('/api/monitoring/thresholds', { query: { orgUnit: unit.id } });
  return (
    <div className="evaluator-tab">
      <Card size="small" className="evaluator-filters" title={filters('filters')}>
        <Form layout="inline" className="evaluator-filter-form">
          <Form.Item label={filters('orgUnit')}>
            <UnitTrail trail={trail} onTrail={onTrail} />
          </Form.Item>
          <Form.Item label={t('quarter')} htmlFor="market-quarter">
            <DatePicker
              id="market-quarter"
              picker="quarter"
              allowClear={false}
              disabledDate={(value: Dayjs) => isAfterToday(value.format('YYYY-MM-DD'), 'quarter', today)}
              value={dayjs(periodDays({ kind: 'quarter', quarter }).from)}
              onChange={(value: Dayjs | null) => value && onQuarter(quarterOf(value.format('YYYY-MM-DD')))}
            />
          </Form.Item>
        </Form>
      </Card>
      <UnemploymentMonitor unit={unit} from={months.from} to={months.to} onDrill={(child) => onTrail([...trail, child])} />
      <Row gutter={[12, 12]} className="evaluator-row">
        <Col xs={24}>
          <SupplyDemand orgUnitId={unit.id} quarter={quarter} />
        </Col>
        <Col xs={24}>
          <Alerts unit={unit} quarter={quarter} thresholds={thresholds} />
        </Col>
        {mayConfigure && (
          <Col xs={24}>
            <ThresholdsEditor unit={unit} trail={trail} thresholds={thresholds} />
          </Col>
        )}
      </Row>
    </div>
  );
}
