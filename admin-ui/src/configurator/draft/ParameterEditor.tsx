import { Button, DatePicker, InputNumber, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLocalized } from '../../i18n.ts';
import { LockBadge, ProblemBadge } from '../badges.tsx';
import { useLockText } from '../useLockText.ts';
import type { EffectiveLock, EffectiveParameter, OverlayProblem, ParameterValue } from '../types.ts';
import { outOfBounds } from './bounds.ts';
import { useBoundsText } from './useBoundsText.ts';
import { useDraftMessages, type DraftMessage } from './messages.ts';
import { useProblemsText } from './ProblemList.tsx';

const DATE = 'YYYY-MM-DD';

/** The parameter's value in force today, as text. */
function shownValue(parameter: EffectiveParameter, l: (text: { 'zh-CN': string; en: string }) => string): string {
  const value = parameter.value;
  if (parameter.unit !== 'codes') return String(value);
  const codes = value as readonly string[];
  return codes.map((code) => l(parameter.options.find((o) => o.code === code)?.title ?? { 'zh-CN': code, en: code })).join('、');
}

/**
 * The plugin's parameters with the ministry's bounds and today's value, and the values this level
 * sets, each from an effective date: numbers within the bounds (a value outside them is kept as
 * typed, marked and refused beside the input with the bounds, and verification blocks publishing),
 * code lists from the ministry's catalogue. Locked parameters and those with problems are marked.
 */
export function ParameterEditor({
  parameters,
  values,
  locks,
  problems,
  levelName,
  onChange,
}: {
  parameters: readonly EffectiveParameter[];
  values: readonly ParameterValue[];
  locks: readonly EffectiveLock[];
  problems: readonly OverlayProblem[];
  levelName: (level: string) => string;
  onChange: (values: ParameterValue[]) => void;
}) {
  const t = useDraftMessages();
  const l = useLocalized();
  const boundsText = useBoundsText();
  const lockText = useLockText(levelName);
  const problemsText = useProblemsText(parameters);
  const problemsOf = (row: EffectiveParameter) => problems.filter((p) => p.element === `parameters.${row.id}`);
  const update = (index: number, change: Partial<ParameterValue>) => onChange(values.map((entry, i) => (i === index ? { ...entry, ...change } : entry)));
  const tomorrow = dayjs().add(1, 'day').format(DATE);

  return (
    <Table<EffectiveParameter>
      rowKey="id"
      size="small"
      aria-label={t('tabParameters')}
      dataSource={[...parameters]}
      pagination={false}
      rowClassName={(row) => (problemsOf(row).length > 0 ? 'config-row-problem' : '')}
      columns={[
        {
          title: t('parameter'),
          key: 'title',
          render: (_, row) => {
            const locked = lockText(locks.filter((entry) => entry.element === `parameters.${row.id}`));
            const rowProblems = problemsOf(row);
            return (
              <>
                {locked && <LockBadge text={locked} />}
                {rowProblems.length > 0 && <ProblemBadge text={problemsText(rowProblems)} />}
                {l(row.title)}
                <div>
                  <code className="config-path-code">{row.id}</code>
                </div>
                {row.legalBasis && <div className="config-rule-basis">{t('legalBasis', { basis: row.legalBasis })}</div>}
              </>
            );
          },
        },
        {
          title: t('bounds'),
          key: 'bounds',
          render: (_, row) =>
            row.unit === 'codes' ? `${row.options.length} ${t('unit.codes')}` : row.min === row.max ? t('fixed') : boundsText(row),
        },
        { title: t('valueToday'), key: 'today', render: (_, row) => shownValue(row, l) },
        {
          title: t('localValues'),
          key: 'local',
          width: '46%',
          render: (_, row) => {
            const title = l(row.title);
            const fixed = row.unit !== 'codes' && row.min === row.max;
            const entries = values.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.id === row.id);
            return (
              <Space orientation="vertical" size={4}>
                {entries.map(({ entry, index }) => {
                  const refused = outOfBounds(row, entry.value);
                  return (
                    <Space key={index} wrap size={4}>
                      <DatePicker
                        aria-label={t('effectiveFrom', { parameter: title })}
                        value={dayjs(entry.from, DATE)}
                        allowClear={false}
                        onChange={(date) => date && update(index, { from: date.format(DATE) })}
                      />
                      {row.unit === 'codes' ? (
                        <Select
                          mode="multiple"
                          aria-label={t('valueOf', { parameter: title })}
                          style={{ minWidth: 240 }}
                          value={Array.isArray(entry.value) ? entry.value : []}
                          onChange={(codes: string[]) => update(index, { value: codes })}
                          options={row.options.map((option) => ({ value: option.code, label: l(option.title) }))}
                        />
                      ) : (
                        <InputNumber
                          aria-label={t('valueOf', { parameter: title })}
                          aria-invalid={refused}
                          status={refused ? 'error' : undefined}
                          precision={0}
                          value={typeof entry.value === 'number' ? entry.value : null}
                          onChange={(value) => value !== null && update(index, { value })}
                          suffix={t(`unit.${row.unit}` as DraftMessage)}
                        />
                      )}
                      {refused && (
                        <Typography.Text type="danger" role="alert">
                          {t('outOfBounds', { bounds: boundsText(row) })}
                        </Typography.Text>
                      )}
                      <Button size="small" danger aria-label={`${t('remove')} ${title} ${entry.from}`} onClick={() => onChange(values.filter((_, i) => i !== index))}>
                        {t('remove')}
                      </Button>
                    </Space>
                  );
                })}
                {fixed ? (
                  <Typography.Text type="secondary">{t('fixed')}</Typography.Text>
                ) : (
                  <Button size="small" aria-label={`${t('addValue')} ${title}`} onClick={() => onChange([...values, { id: row.id, from: tomorrow, value: row.unit === 'codes' ? [...(row.value as readonly string[] | undefined ?? row.default)] : typeof row.value === 'number' ? row.value : row.default }])}>
                    {t('addValue')}
                  </Button>
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
