import { DatePicker, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaToday, isAfterToday, quarterOf } from '../evaluator/period.ts';
import { useMessages } from './messages.ts';
import { reviewDays, switchKind } from './reviewView.ts';

/** The review period picker: a quarter or a month (what the API reviews), none after today's. */
export function ReviewPeriodPicker({ period, onPeriod }: { period: string; onPeriod: (period: string) => void }) {
  const t = useMessages();
  const today = chinaToday(new Date());
  const kind = period[5] === 'Q' ? 'quarter' : 'month';
  const value = dayjs(reviewDays(period).from);
  return (
    <>
      <Segmented<'quarter' | 'month'>
        aria-label={t('periodKind')}
        value={kind}
        onChange={(next) => next !== kind && onPeriod(switchKind(period, today))}
        options={[
          { value: 'quarter', label: t('quarter') },
          { value: 'month', label: t('month') },
        ]}
      />
      <DatePicker
        id="review-period"
        picker={kind}
        allowClear={false}
        disabledDate={(day: Dayjs) => isAfterToday(day.format('YYYY-MM-DD'), kind, today)}
        value={value}
        onChange={(day: Dayjs | null) => day && onPeriod(kind === 'quarter' ? quarterOf(day.format('YYYY-MM-DD')) : day.format('YYYY-MM'))}
      />
    </>
  );
}
