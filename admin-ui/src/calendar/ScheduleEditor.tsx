import { Alert, Button, Col, Form, Input, InputNumber, Modal, Row, Space, Typography } from 'antd';
import { api, ApiError, errorText } from '../api.ts';
import { useLocale, useLocalized } from '../i18n.ts';
import { ChangeSummary } from './ChangeSummary.tsx';
import { EntryList } from './EntryList.tsx';
import { useCalendarMessages } from './messages.ts';
import { daysOf, periodsOf, type HolidayPeriod, type MakeUpDay } from './schedule-days.ts';
import type { CalendarDay, Notice, ScheduleChangeResult } from './types.ts';
import { useScheduleRequest } from './useScheduleRequest.ts';

interface ScheduleFields {
  year: number;
  noticeNumber?: string;
  noticeDate?: string;
  noticeTitle?: string;
  holidays: HolidayPeriod[];
  workdays: MakeUpDay[];
}

/** Where the schedule is kept: the State Council's (with make-up working days), or a province's own holidays. */
export type ScheduleScope = { kind: 'national' } | { kind: 'province'; provinceId: string };

/** The schedule being corrected, or the year to start a new one at. */
export interface ScheduleStart {
  year: number;
  notice?: Notice;
  days?: CalendarDay[];
}

/** The problems a `CALENDAR_INVALID` refusal lists, each in the reader's language. */
function problemsOf(error: unknown, l: (text: { 'zh-CN': string; en: string }) => string): string[] {
  if (!(error instanceof ApiError) || error.body.code !== 'CALENDAR_INVALID') return [];
  const details = error.body.details as { problems?: { reason: { 'zh-CN': string; en: string } }[] } | null;
  return (details?.problems ?? []).map((p) => l(p.reason));
}

/**
 * Enters or corrects one year's schedule as the notice states it: the notice, the holiday periods
 * and (for the State Council's) the make-up working days. "Preview" asks the server what would
 * change without writing; "Enter" makes the new calendar version, after which open deadlines
 * are counted again. A refusal lists every problem.
 */
export function ScheduleEditor({ scope, start, onDone, onCancel }: { scope: ScheduleScope; start: ScheduleStart; onDone: (result: ScheduleChangeResult) => void; onCancel: () => void }) {
  const t = useCalendarMessages();
  const l = useLocalized();
  const locale = useLocale();
  const [form] = Form.useForm<ScheduleFields>();
  const national = scope.kind === 'national';
  const initial = periodsOf(start.days ?? []);
  const { preview, error, busy, send, reset } = useScheduleRequest(async (dryRun) => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return undefined;
    const path = national ? `/calendar/years/${values.year}` : `/calendar/provinces/${scope.provinceId}/years/${values.year}`;
    const notice = { number: values.noticeNumber?.trim() || null, date: values.noticeDate || null, ...(values.noticeTitle?.trim() ? { title: values.noticeTitle.trim() } : {}) };
    return api<ScheduleChangeResult>('PUT', path, { notice, days: daysOf(values.holidays ?? [], national ? (values.workdays ?? []) : []), dryRun });
  }, onDone);

  const problems = problemsOf(error, l);
  return (
    <Modal
      open
      width={760}
      title={national ? t('national') : t('provincial')}
      onCancel={onCancel}
      footer={
        <Space>
          <Button onClick={onCancel}>{t('cancel')}</Button>
          <Button onClick={() => void send(true)} loading={busy}>{t('preview')}</Button>
          <Button type="primary" onClick={() => void send(false)} loading={busy}>{t('save')}</Button>
        </Space>
      }
    >
      <Form<ScheduleFields>
        form={form}
        name="calendar-schedule"
        layout="vertical"
        onValuesChange={reset}
        initialValues={{
          year: start.year,
          noticeNumber: start.notice?.number ?? '',
          noticeDate: start.notice?.date ?? '',
          noticeTitle: national ? '' : (start.notice?.title ?? ''),
          holidays: initial.holidays.length > 0 ? initial.holidays : [{ name: '', from: '', to: '' }],
          workdays: initial.workdays,
        }}
      >
        {error !== null && (
          <Alert type="error" showIcon className="form-alert" title={t('refused', { reason: errorText(error, locale) })} description={problems.length > 0 ? <ul className="case-refusal-reasons">{problems.map((p) => <li key={p}>{p}</li>)}</ul> : undefined} />
        )}
        <Row gutter={12}>
          <Col xs={24} sm={6}>
            <Form.Item name="year" label={t('year')} rules={[{ required: true, message: t('required', { field: t('year') }) }]}>
              <InputNumber min={2000} max={2100} disabled={start.days !== undefined} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="noticeNumber" label={t('noticeNumber')}>
              <Input maxLength={80} placeholder="国办发明电〔2026〕×号" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="noticeDate" label={t('noticeDate')}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        {!national && (
          <Form.Item name="noticeTitle" label={t('noticeTitle')} rules={[{ required: true, message: t('required', { field: t('noticeTitle') }) }]}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Typography.Title level={4} className="calendar-form-title">{t('holidayPeriods')}</Typography.Title>
        <EntryList name="holidays" addLabel={t('addPeriod')} fields={[{ key: 'name', label: t('name') }, { key: 'from', label: t('from'), date: true }, { key: 'to', label: t('to'), date: true }]} />
        {national && (
          <>
            <Typography.Title level={4} className="calendar-form-title">{t('makeUpDays')}</Typography.Title>
            <EntryList name="workdays" addLabel={t('addDay')} fields={[{ key: 'name', label: t('name') }, { key: 'date', label: t('date'), date: true }]} />
          </>
        )}
      </Form>
      {preview && <ChangeSummary result={preview} />}
    </Modal>
  );
}
