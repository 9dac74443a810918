import { Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { useCommon } from '../i18n.ts';
import { chinaTime } from '../components/format.ts';
import { Loadable } from '../shell/Loadable.tsx';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApiAt } from '../shell/useApi.ts';
import { useCalendarMessages } from './messages.ts';
import { periodsOf } from './schedule-days.ts';
import type { CalendarDay, YearCalendar } from './types.ts';
import { useSourceName } from './useSourceName.ts';

/** A schedule's days as the notice states them: each holiday period, then each make-up working day. */
function DayList({ days }: { days: CalendarDay[] }) {
  const t = useCalendarMessages();
  const { holidays, workdays } = periodsOf(days);
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        ...holidays.map((p) => ({ key: `h-${p.from}`, label: p.name, children: p.from === p.to ? p.from : `${p.from} — ${p.to}` })),
        ...workdays.map((d) => ({ key: `w-${d.date}`, label: `${d.name} · ${t('workdays')}`, children: d.date })),
      ]}
    />
  );
}

/** One year: the State Council's schedule, the province's own holidays, and every version entered, with who and when. */
export function YearDrawer({ year, onClose }: { year: number; onClose: () => void }) {
  const t = useCalendarMessages();
  const common = useCommon();
  const sourceName = useSourceName();
  const loaded = useApiAt<YearCalendar>(`/calendar/years/${year}`);
  return (
    <Drawer open size={640} title={t('yearTitle', { year })} onClose={onClose} destroyOnHidden>
      <Loadable loaded={loaded}>
        {(data) => (
          <>
            {data.national && (
              <section aria-label={t('national')}>
                <Typography.Title level={4}>{data.national.notice.title}</Typography.Title>
                <Typography.Paragraph type="secondary">
                  {[data.national.notice.number ?? t('unknown'), data.national.notice.date ?? ''].filter(Boolean).join(' · ')}
                </Typography.Paragraph>
                <DayList days={data.national.days} />
              </section>
            )}
            {data.province?.schedule && (
              <section aria-label={t('provincial')} className="calendar-section">
                <Typography.Title level={4}>{data.province.schedule.notice.title}</Typography.Title>
                <DayList days={data.province.schedule.days} />
              </section>
            )}
            <Typography.Title level={4} className="calendar-section">{t('history')}</Typography.Title>
            <Table
              size="small"
              rowKey={(row) => `${row.scope}-${row.version}`}
              pagination={false}
              locale={tableLocale(false, common('empty'))}
              dataSource={data.history}
              columns={[
                { title: t('version'), dataIndex: 'version', key: 'version' },
                { title: '', key: 'scope', render: (_, row) => <Tag>{row.scope === '000000' ? t('scopeNational') : t('scopeProvince')}</Tag> },
                { title: t('source'), key: 'source', render: (_, row) => sourceName(row.source) },
                { title: t('enteredBy'), key: 'by', render: (_, row) => row.enteredBy ?? '—' },
                { title: t('enteredAt'), key: 'at', render: (_, row) => chinaTime(row.enteredAt) },
              ]}
            />
          </>
        )}
      </Loadable>
    </Drawer>
  );
}
