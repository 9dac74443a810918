import { App, Button, Card, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../../api.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useCommon, useLocale, useLocalized } from '../../i18n.ts';
import { tableLocale } from '../../shell/tableLocale.ts';
import type { Loaded } from '../../shell/useApi.ts';
import type { UnitRef } from '../types.ts';
import { useMarketMessages } from './messages.ts';
import { useRuleFigure } from './ruleFigure.ts';
import type { RuleInForce, Thresholds } from './types.ts';

/** A threshold as typed: a percentage, or for a ratio rule the ratio itself (0.80 for 80). */
const typedOf = (rule: RuleInForce, percent: number) => (rule.shownAs === 'ratio' ? percent / 100 : percent);
/** The percentage the server takes for what was typed, to two decimals. */
const percentOf = (rule: RuleInForce, typed: number) => (rule.shownAs === 'ratio' ? Math.round(typed * 10_000) / 100 : typed);

/**
 * 预警阈值设置 The warning thresholds of the unit shown, for a configurator (`monitoring.configure`):
 * per rule the threshold in force and which level set it (this unit, one above, or the ministry
 * default), the ministry's bounds, and a new value typed in the rule's unit (%, or 倍 for a ratio).
 * The server checks the bounds; its refusal shows beside the rule.
 */
export function ThresholdsEditor({ unit, trail, thresholds }: { unit: UnitRef; trail: readonly UnitRef[]; thresholds: Loaded<Thresholds> }) {
  const t = useMarketMessages();
  const common = useCommon();
  const l = useLocalized();
  const locale = useLocale();
  const figure = useRuleFigure();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Record<string, number | null>>({});
  const [refusals, setRefusals] = useState<Record<string, unknown>>({});
  const [saving, setSaving] = useState<string | null>(null);

  const source = (rule: RuleInForce) => {
    if (rule.setAt === null) return t('sourceDefault');
    if (rule.setAt === unit.id) return t('sourceOwn');
    const above = trail.find((level) => level.id === rule.setAt);
    return above ? t('sourceAbove', { unit: above.name }) : t('sourceAboveUnnamed');
  };
  const unitOf = (rule: RuleInForce) => (rule.shownAs === 'ratio' ? t('unitRatio') : t('unitPercent'));

  const save = async (rule: RuleInForce) => {
    const typed = drafts[rule.rule];
    if (typed === null || typed === undefined) return;
    setSaving(rule.rule);
    setRefusals((current) => ({ ...current, [rule.rule]: null }));
    try {
      const threshold = percentOf(rule, typed);
      await call(client.PUT('/api/monitoring/thresholds', { body: { orgUnit: unit.id, rule: rule.rule, threshold } }));
      setDrafts((current) => ({ ...current, [rule.rule]: null }));
      void message.success(t('savedThreshold', { rule: l(rule.title), value: figure(rule, threshold) }));
      thresholds.reload();
    } catch (caught) {
      setRefusals((current) => ({ ...current, [rule.rule]: caught }));
    } finally {
      setSaving(null);
    }
  };

  return (
    <Card size="small" title={<h3 id="market-thresholds-title" className="evaluator-card-title">{t('thresholds')}</h3>}>
      <Typography.Paragraph type="secondary" className="evaluator-card-note">{t('thresholdsNote', { unit: unit.name })}</Typography.Paragraph>
      {thresholds.error !== null && <Typography.Text type="danger">{errorText(thresholds.error, locale)}</Typography.Text>}
      <ResponsiveTable<RuleInForce>
        rowKey="rule"
        size="small"
        aria-label={t('thresholds')}
        loading={thresholds.loading}
        dataSource={thresholds.data?.rules ?? []}
        pagination={false}
        locale={tableLocale(thresholds.loading, common('empty'))}
        columns={[
          { title: t('rule'), key: 'rule', render: (_, rule) => l(rule.title) },
          { title: t('inForce'), key: 'inForce', align: 'right', render: (_, rule) => figure(rule, rule.threshold) },
          { title: t('source'), key: 'source', render: (_, rule) => source(rule) },
          { title: t('bounds'), key: 'bounds', render: (_, rule) => t('boundsRange', { min: figure(rule, rule.min), max: figure(rule, rule.max) }) },
          {
            title: t('newThreshold'),
            key: 'edit',
            render: (_, rule) => {
              const refusal = refusals[rule.rule];
              return (
                <Space orientation="vertical" size={4}>
                  <Space wrap size="small">
                    <InputNumber<number>
                      aria-label={t('newThresholdOf', { rule: l(rule.title) })}
                      placeholder={String(typedOf(rule, rule.threshold))}
                      step={rule.shownAs === 'ratio' ? 0.01 : 1}
                      value={drafts[rule.rule] ?? null}
                      onChange={(value) => setDrafts((current) => ({ ...current, [rule.rule]: value }))}
                      onPressEnter={() => void save(rule)}
                      suffix={unitOf(rule)}
                    />
                    <Button
                      autoInsertSpace={false}
                      aria-label={t('saveThreshold', { rule: l(rule.title) })}
                      disabled={drafts[rule.rule] === null || drafts[rule.rule] === undefined}
                      loading={saving === rule.rule}
                      onClick={() => void save(rule)}
                    >
                      {t('save')}
                    </Button>
                  </Space>
                  {refusal !== null && refusal !== undefined && (
                    <Typography.Text type="danger" role="alert">{errorText(refusal, locale)}</Typography.Text>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
