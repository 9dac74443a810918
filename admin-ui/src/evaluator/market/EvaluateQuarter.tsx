import { Alert, Button, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { chinaToday, periodDays } from '../period.ts';
import type { UnitRef } from '../types.ts';
import { useMarketMessages } from './messages.ts';

/**
 * 评估本季度 Evaluating every warning rule for an ended quarter at the unit and the units below
 * (`monitoring.evaluate`), after a confirmation; then how many alerts it raised, and how many
 * were there before (the server never raises one twice). An unfinished quarter is not offered.
 */
export function EvaluateQuarter({ unit, quarter, onEvaluated }: { unit: UnitRef; quarter: string; onEvaluated: () => void }) {
  const t = useMarketMessages();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ unit: string; quarter: string; raised: number; existing: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const ended = periodDays({ kind: 'quarter', quarter }).to < chinaToday(new Date());
  // What is shown belongs to the unit and quarter it was run for.
  const shown = result && result.unit === unit.id && result.quarter === quarter ? result : null;

  const evaluate = async () => {
    setBusy(true);
    setError(null);
    try {
      const evaluation = await call(client.POST('/api/monitoring/warnings/evaluate', { body: { orgUnit: unit.id, quarter } }));
      const raised = evaluation.alerts.filter((alert) => alert.created).length;
      setResult({ unit: unit.id, quarter, raised, existing: evaluation.alerts.length - raised });
      onEvaluated();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="small" className="evaluator-note">
      <Space wrap>
        {ended ? (
          <Popconfirm title={t('evaluateConfirm', { unit: unit.name, quarter })} okText={t('evaluateRun')} cancelText={t('cancel')} onConfirm={evaluate}>
            <Button type="primary" autoInsertSpace={false} loading={busy}>{t('evaluate')}</Button>
          </Popconfirm>
        ) : (
          <>
            <Button disabled autoInsertSpace={false}>{t('evaluate')}</Button>
            <Typography.Text type="secondary">{t('evaluateUnfinished', { quarter })}</Typography.Text>
          </>
        )}
      </Space>
      {shown && <Alert type="success" showIcon role="status" title={t('evaluated', { quarter: shown.quarter, raised: shown.raised, existing: shown.existing })} />}
      {error !== null && <Alert type="error" showIcon title={errorText(error, locale)} />}
    </Space>
  );
}
