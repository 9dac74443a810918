import { Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, type SessionUser } from '../api.ts';
import { chinaTime } from '../components/format.ts';
import { useCommon } from '../i18n.ts';
import { Loadable } from '../shell/Loadable.tsx';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApiAt } from '../shell/useApi.ts';
import { ChangeSummary } from './ChangeSummary.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { useCalendarMessages } from './messages.ts';
import { ScheduleEditor, type ScheduleScope, type ScheduleStart } from './ScheduleEditor.tsx';
import type { CalendarOverview, ScheduleChangeResult, YearCalendar, YearSummary } from './types.ts';
import { useSourceName } from './useSourceName.ts';
import { YearDrawer } from './YearDrawer.tsx';

/** The ministry's org unit: its administrators keep the State Council's schedules. */
const MINISTRY = '000000';

type Editing = { scope: ScheduleScope; start: ScheduleStart } | { import: true } | null;

/**
 * The working-day calendar: whether it covers this year (and from 1 November next year), the
 * State Council's schedule of every year with its notice, and the province's own holidays.
 * A ministry administrator enters, corrects or imports the national schedules; a province's
 * administrator sets its own holidays; everyone else reads.
 */
export default function CalendarPage({ user }: { user: SessionUser }) {
  const t = useCalendarMessages();
  const common = useCommon();
  const sourceName = useSourceName();
  const overview = useApiAt<CalendarOverview>('/calendar');
  const [viewing, setViewing] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [done, setDone] = useState<ScheduleChangeResult | null>(null);
  const ministryAdmin = user.role === 'admin' && user.orgUnit.id === MINISTRY;
  const provinceAdmin = user.role === 'admin' && overview.data?.province?.id === user.orgUnit.id;

  const finished = (result: ScheduleChangeResult) => {
    setEditing(null);
    setDone(result);
    overview.reload();
  };
  /** Opens the editor on a year as it stands, to correct it. */
  const correct = async (scope: ScheduleScope, year: number) => {
    const calendar = await api<YearCalendar>('GET', `/calendar/years/${year}`);
    const schedule = scope.kind === 'national' ? calendar.national : calendar.province?.schedule;
    setEditing({ scope, start: { year, notice: schedule?.notice, days: schedule?.days ?? [] } });
  };
  const nextYear = (years: readonly YearSummary[]) => Math.max(new Date().getFullYear(), ...years.map((y) => y.year + 1));

  const columns = (scope: ScheduleScope, editable: boolean) => [
    { title: t('year'), dataIndex: 'year', key: 'year' },
    { title: t('noticeNumber'), key: 'number', render: (_: unknown, row: YearSummary) => row.notice.number ?? <Typography.Text type="secondary">{t('unknown')}</Typography.Text> },
    { title: t('noticeDate'), key: 'date', className: 'cw-nowrap', render: (_: unknown, row: YearSummary) => row.notice.date ?? '—' },
    { title: t('holidays'), dataIndex: 'holidays', key: 'holidays' },
    ...(scope.kind === 'national' ? [{ title: t('workdays'), dataIndex: 'workdays', key: 'workdays' }] : []),
    { title: t('source'), key: 'source', render: (_: unknown, row: YearSummary) => sourceName(row.source) },
    { title: t('enteredBy'), key: 'by', render: (_: unknown, row: YearSummary) => row.enteredBy ?? '—' },
    { title: t('enteredAt'), key: 'at', className: 'cw-nowrap', render: (_: unknown, row: YearSummary) => chinaTime(row.enteredAt) },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, row: YearSummary) => (
        <Space size={4}>
          <Button size="small" aria-label={t('viewYear', { year: row.year })} onClick={() => setViewing(row.year)}>{t('view')}</Button>
          {editable && <Button size="small" onClick={() => void correct(scope, row.year)}>{t('correct')}</Button>}
        </Space>
      ),
    },
  ];

  return (
    <section aria-labelledby="calendar-title">
      <Space className="page-head" wrap>
        <Typography.Title level={2} id="calendar-title">{t('title')}</Typography.Title>
        {ministryAdmin && overview.data && (
          <>
            <Button type="primary" onClick={() => setEditing({ scope: { kind: 'national' }, start: { year: nextYear(overview.data!.national) } })}>{t('enter')}</Button>
            <Button onClick={() => setEditing({ import: true })}>{t('importFile')}</Button>
          </>
        )}
        {provinceAdmin && overview.data?.province && (
          <Button onClick={() => setEditing({ scope: { kind: 'province', provinceId: user.orgUnit.id }, start: { year: nextYear(overview.data!.province!.years) } })}>{t('setProvincial')}</Button>
        )}
      </Space>
      {done && <ChangeSummary result={done} />}
      <Loadable loaded={overview}>
        {(data) => (
          <Space orientation="vertical" size={16} className="case-column">
            <Typography.Paragraph type="secondary" className="calendar-help">
              {t('summary', { version: data.status.version, year: data.status.lastScheduledYear ?? '—' })}
              {!ministryAdmin && !provinceAdmin && ` ${t('readOnly')}`}
            </Typography.Paragraph>
            <Card size="small" title={<Typography.Title level={3} className="case-section-title">{t('national')}</Typography.Title>}>
              <Table<YearSummary> size="small" rowKey="year" aria-label={t('national')} dataSource={data.national} pagination={{ pageSize: 10 }} locale={tableLocale(false, common('empty'))} columns={columns({ kind: 'national' }, ministryAdmin)} />
            </Card>
            {data.province && (
              <Card size="small" title={<Typography.Title level={3} className="case-section-title">{t('provincial')}</Typography.Title>}>
                <Table<YearSummary>
                  size="small"
                  rowKey="year"
                  aria-label={t('provincial')}
                  dataSource={data.province.years}
                  pagination={false}
                  locale={tableLocale(false, t('noProvincial'))}
                  columns={columns({ kind: 'province', provinceId: data.province.id }, provinceAdmin)}
                />
              </Card>
            )}
          </Space>
        )}
      </Loadable>
      {viewing !== null && <YearDrawer year={viewing} onClose={() => setViewing(null)} />}
      {editing && 'import' in editing && <ImportDialog onDone={finished} onCancel={() => setEditing(null)} />}
      {editing && 'scope' in editing && <ScheduleEditor scope={editing.scope} start={editing.start} onDone={finished} onCancel={() => setEditing(null)} />}
    </section>
  );
}
