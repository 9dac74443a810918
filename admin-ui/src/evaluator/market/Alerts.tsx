import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { errorText } from '../../api.ts';
import { chinaTime } from '../../components/format.ts';
import { usePaged } from '../../components/usePaged.ts';
import { useCommon, useLocale, useLocalized } from '../../i18n.ts';
import { tableLocale } from '../../shell/tableLocale.ts';
import { useApi } from '../../shell/useApi.ts';
import { useMarketMessages } from './messages.ts';
import type { MonitoringAlert, Thresholds } from './types.ts';

const STATUS_COLOR = { active: 'red', acknowledged: 'orange', resolved: 'green' } as const;

/** 预警 The early-warning alerts of the unit's subtree for the quarter, with the rule, value and threshold, and the thresholds in force. */
export function Alerts({ orgUnitId, quarter }: { orgUnitId: string; quarter: string }) {
  const t = useMarketMessages();
  const common = useCommon();
  const l = useLocalized();
  const locale = useLocale();
  const unit = encodeURIComponent(orgUnitId);
  const alerts = usePaged<MonitoringAlert>(`/monitoring/alerts?orgUnit=${unit}&period=${quarter}`, 10);
  const thresholds = useApi<Thresholds>(`/monitoring/thresholds?orgUnit=${unit}`);
  const rules = new Map((thresholds.data?.rules ?? []).map((rule) => [rule.rule, rule]));
  // Values and thresholds are percentages: with their unit, and a ratio's as the ratio it is (80 beside a 求人倍率 of 2 read as 80 倍).
  const figure = (rule: string, n: number) =>
    rules.get(rule)?.shownAs === 'ratio' ? t('ratioPercent', { ratio: (n / 100).toFixed(2), n }) : t('percent', { n });

  return (
    <Card size="small" title={<h3 id="market-alerts-title" className="evaluator-card-title">{t('alerts')}</h3>}>
      {thresholds.data && (
        <Typography.Paragraph type="secondary" className="evaluator-card-note">
          {t('thresholdsInForce', { rules: thresholds.data.rules.map((rule) => `${l(rule.title)} ${figure(rule.rule, rule.threshold)}`).join(t('listSeparator')) })}
        </Typography.Paragraph>
      )}
      {alerts.error !== null && (
        <Alert type="error" showIcon title={errorText(alerts.error, locale)} action={<Button size="small" onClick={alerts.reload}>{common('retry')}</Button>} />
      )}
      <Table<MonitoringAlert>
        rowKey="id"
        size="small"
        aria-labelledby="market-alerts-title"
        loading={alerts.loading}
        dataSource={alerts.data?.items ?? []}
        pagination={{ ...alerts.pagination, showTotal: (n) => common('total', { n }) }}
        locale={tableLocale(alerts.loading, common('empty'))}
        columns={[
          { title: t('unit'), key: 'unit', render: (_, alert) => alert.orgUnit.name },
          { title: t('rule'), key: 'rule', render: (_, alert) => l(rules.get(alert.rule)?.title) || alert.rule },
          { title: t('value'), key: 'value', align: 'right', render: (_, alert) => figure(alert.rule, alert.value) },
          { title: t('threshold'), key: 'threshold', align: 'right', render: (_, alert) => figure(alert.rule, alert.threshold) },
          { title: t('status'), key: 'status', render: (_, alert) => <Tag color={STATUS_COLOR[alert.status]}>{t(alert.status)}</Tag> },
          { title: t('raisedAt'), key: 'raised', render: (_, alert) => chinaTime(alert.raisedAt) },
        ]}
      />
    </Card>
  );
}
