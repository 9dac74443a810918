import { Alert, Button, Card, Tag, Typography } from 'antd';
import { errorText } from '../../api.ts';
import { chinaTime } from '../../components/format.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { usePaged } from '../../components/usePaged.ts';
import { useCommon, useLocale, useLocalized } from '../../i18n.ts';
import { useMayDo } from '../../session.ts';
import { tableLocale } from '../../shell/tableLocale.ts';
import type { Loaded } from '../../shell/useApi.ts';
import type { UnitRef } from '../types.ts';
import { AlertActions } from './AlertActions.tsx';
import { EvaluateQuarter } from './EvaluateQuarter.tsx';
import { useMarketMessages } from './messages.ts';
import { useRuleFigure } from './ruleFigure.ts';
import type { MonitoringAlert, RuleInForce, Thresholds } from './types.ts';

const STATUS_COLOR = { active: 'red', acknowledged: 'orange', resolved: 'green' } as const;

/** Who acknowledged and resolved an alert and when, and the note given. */
function Handling({ alert }: { alert: MonitoringAlert }) {
  const t = useMarketMessages();
  if (!alert.acknowledged && !alert.resolved && !alert.note) return <>—</>;
  return (
    <div>
      {alert.acknowledged && <div>{t('acknowledgedBy', { name: alert.acknowledged.by.name, at: chinaTime(alert.acknowledged.at) })}</div>}
      {alert.resolved && <div>{t('resolvedBy', { name: alert.resolved.by.name, at: chinaTime(alert.resolved.at) })}</div>}
      {alert.note && <Typography.Text type="secondary">{t('noteLine', { note: alert.note })}</Typography.Text>}
    </div>
  );
}

/**
 * 预警 The early-warning alerts of the unit's subtree for the quarter, with the rule, value and
 * threshold, who handled them and the note, and the thresholds in force. Those who may
 * (`monitoring.alerts`) acknowledge an active alert and resolve an acknowledged one with a note;
 * those who may (`monitoring.evaluate`) evaluate the quarter from here.
 */
export function Alerts({ unit, quarter, thresholds }: { unit: UnitRef; quarter: string; thresholds: Loaded<Thresholds> }) {
  const t = useMarketMessages();
  const common = useCommon();
  const l = useLocalized();
  const locale = useLocale();
  const figure = useRuleFigure();
  const mayHandle = useMayDo('monitoring.alerts');
  const mayEvaluate = useMayDo('monitoring.evaluate');
  const alerts = usePaged<MonitoringAlert>(`/monitoring/alerts?orgUnit=${encodeURIComponent(unit.id)}&period=${quarter}`, 10);
  // Keyed by text: an alert names its rule as stored.
  const rules = new Map<string, RuleInForce>((thresholds.data?.rules ?? []).map((rule) => [rule.rule, rule]));
  const title = (rule: string) => l(rules.get(rule)?.title) || rule;

  return (
    <Card size="small" title={<h3 id="market-alerts-title" className="evaluator-card-title">{t('alerts')}</h3>}>
      {mayEvaluate && <EvaluateQuarter unit={unit} quarter={quarter} onEvaluated={alerts.reload} />}
      {thresholds.data && (
        <Typography.Paragraph type="secondary" className="evaluator-card-note">
          {t('thresholdsInForce', { rules: thresholds.data.rules.map((rule) => `${l(rule.title)} ${figure(rule, rule.threshold)}`).join(t('listSeparator')) })}
        </Typography.Paragraph>
      )}
      {alerts.error !== null && (
        <Alert type="error" showIcon title={errorText(alerts.error, locale)} action={<Button size="small" onClick={alerts.reload}>{common('retry')}</Button>} />
      )}
      <ResponsiveTable<MonitoringAlert>
        rowKey="id"
        size="small"
        aria-label={t('alerts')}
        scroll={{ x: 'max-content' }}
        loading={alerts.loading}
        dataSource={alerts.data?.items ?? []}
        pagination={{ ...alerts.pagination, showTotal: (n) => common('total', { n }) }}
        locale={tableLocale(alerts.loading, common('empty'))}
        columns={[
          { title: t('unit'), key: 'unit', render: (_, alert) => alert.orgUnit.name },
          { title: t('rule'), key: 'rule', render: (_, alert) => title(alert.rule) },
          { title: t('value'), key: 'value', align: 'right', render: (_, alert) => figure(rules.get(alert.rule), alert.value) },
          { title: t('threshold'), key: 'threshold', align: 'right', render: (_, alert) => figure(rules.get(alert.rule), alert.threshold) },
          { title: t('status'), key: 'status', render: (_, alert) => <Tag color={STATUS_COLOR[alert.status]}>{t(alert.status)}</Tag> },
          { title: t('raisedAt'), key: 'raised', render: (_, alert) => chinaTime(alert.raisedAt) },
          { title: t('handling'), key: 'handling', render: (_, alert) => <Handling alert={alert} /> },
          ...(mayHandle ? [{ key: 'actions', render: (_: unknown, alert: MonitoringAlert) => <AlertActions alert={alert} ruleTitle={title(alert.rule)} onChanged={alerts.reload} /> }] : []),
        ]}
      />
    </Card>
  );
}
