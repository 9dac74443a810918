import { Breadcrumb, Button, Card, DatePicker, Form, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMessages } from './messages.ts';
import { DEFAULT_DAYS, addDays, asKind, chinaToday, isAfterToday, periodDays, quarterOf, type Period } from './period.ts';
import type { UnitRef, WorkloadRow } from './types.ts';

const day = (date: string) => dayjs(date);
const dateOf = (value: Dayjs) => value.format('YYYY-MM-DD');

/** The org units from the user's own down to the one looked at; each one above is a way back up. */
export function UnitTrail({ trail, onTrail }: { trail: readonly UnitRef[]; onTrail: (trail: UnitRef[]) => void }) {
  const t = useMessages();
  return (
    <Breadcrumb
      className="evaluator-trail"
      items={trail.map((unit, i) => ({
        key: unit.id,
        title:
          i === trail.length - 1 ? (
            <strong aria-current="location">{unit.name}</strong>
          ) : (
            <Button type="link" size="small" aria-label={t('backTo', { name: unit.name })} onClick={() => onTrail(trail.slice(0, i + 1))}>
              {unit.name}
            </Button>
          ),
      }))}
    />
  );
}

/** The period picker: a quarter, a month, or a date range with quick choices (the last 90 days, this year). */
function PeriodPicker({ period, onPeriod }: { period: Period; onPeriod: (period: Period) => void }) {
  const t = useMessages();
  const today = chinaToday(new Date());
  const future = (value: Dayjs) => isAfterToday(dateOf(value), period.kind, today);
  return (
    <>
      <Segmented<Period['kind']>
        aria-label={t('periodKind')}
        value={period.kind}
        onChange={(kind) => onPeriod(asKind(period, kind, today))}
        options={[
          { value: 'quarter', label: t('quarter') },
          { value: 'month', label: t('month') },
          { value: 'range', label: t('range') },
        ]}
      />
      {period.kind === 'quarter' && (
        <DatePicker
          id="evaluator-period"
          picker="quarter"
          allowClear={false}
          disabledDate={future}
          value={day(periodDays(period).from)}
          onChange={(value: Dayjs | null) => value && onPeriod({ kind: 'quarter', quarter: quarterOf(dateOf(value)) })}
        />
      )}
      {period.kind === 'month' && (
        <DatePicker
          id="evaluator-period"
          picker="month"
          allowClear={false}
          disabledDate={future}
          value={day(periodDays(period).from)}
          onChange={(value: Dayjs | null) => value && onPeriod({ kind: 'month', month: value.format('YYYY-MM') })}
        />
      )}
      {period.kind === 'range' && (
        <DatePicker.RangePicker
          id={{ start: 'evaluator-period', end: 'evaluator-period-end' }}
          allowClear={false}
          disabledDate={future}
          value={[day(period.from), day(period.to)]}
          presets={[
            { label: t('lastDays', { n: DEFAULT_DAYS }), value: [day(addDays(today, 1 - DEFAULT_DAYS)), day(today)] },
            { label: t('thisYear'), value: [day(`${today.slice(0, 4)}-01-01`), day(today)] },
          ]}
          onChange={(values) => {
            const [from, to] = values ?? [];
            if (from && to) onPeriod({ kind: 'range', from: dateOf(from), to: dateOf(to) });
          }}
        />
      )}
    </>
  );
}

/** The dashboard's filters: where (the org unit trail), when (the period) and which post; every figure below follows them. */
export function Filters(props: {
  trail: readonly UnitRef[];
  onTrail: (trail: UnitRef[]) => void;
  period: Period;
  onPeriod: (period: Period) => void;
  post: string | null;
  onPost: (post: string | null) => void;
  posts: readonly WorkloadRow[];
}) {
  const t = useMessages();
  const postOptions = props.posts.flatMap((row) => (row.post ? [{ value: row.post, label: row.name ?? row.post }] : []));
  return (
    <Card size="small" className="evaluator-filters" title={t('filters')}>
      <Form layout="inline" className="evaluator-filter-form">
        <Form.Item label={t('orgUnit')}>
          <UnitTrail trail={props.trail} onTrail={props.onTrail} />
        </Form.Item>
        <Form.Item label={t('period')} htmlFor="evaluator-period">
          <PeriodPicker period={props.period} onPeriod={props.onPeriod} />
        </Form.Item>
        <Form.Item label={t('post')} htmlFor="evaluator-post">
          <Select
            id="evaluator-post"
            className="evaluator-post"
            allowClear
            placeholder={t('allPosts')}
            value={props.post ?? undefined}
            onChange={(value: string | undefined) => props.onPost(value ?? null)}
            options={postOptions}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
