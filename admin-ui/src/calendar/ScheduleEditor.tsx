import { Alert, Button, Col, Form, Input, InputNumber, Modal, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorText } from '../api.ts';
import { useLocale, useLocalized } from '../i18n.ts';
import { ChangeSummary } from './ChangeSummary.tsx';
import { useCalendarMessages } from './messages.ts';
import { daysOf, periodsOf, type HolidayPeriod, type MakeUpDay } from './schedule-days.ts';
import type { CalendarDay, Notice, ScheduleChangeResult } from './types.ts';

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
  const [preview, setPreview] = useState<ScheduleChangeResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const national = scope.kind === 'national';
  const initial = periodsOf(start.days ?? []);

  const send = async (dryRun: boolean) => {
    const values = await form.validateFields();
    const path = national ? `/calendar/years/${values.year}` : `/calendar/provinces/${scope.provinceId}/years/${values.year}`;
    const notice = { number: values.noticeNumber?.trim() || null, date: values.noticeDate || null, ...(values.noticeTitle?.trim() ? { title: values.noticeTitle.trim() } : {}) };
    const body = { notice, days: daysOf(values.holidays ?? [], national ? (values.workdays ?? []) : []), dryRun };
    setBusy(true);
    setError(null);
    try {
      const result = await api<ScheduleChangeResult>('PUT', path, body);
      if (dryRun) setPreview(result);
      else onDone(result);
    } catch (caught) {
      setPreview(null);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('required', { field }) }];
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
        onValuesChange={() => setPreview(null)}
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
            <Form.Item name="year" label={t('year')} rules={required(t('year'))}>
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
          <Form.Item name="noticeTitle" label={t('noticeTitle')} rules={required(t('noticeTitle'))}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Typography.Title level={4} className="calendar-form-title">{t('holidayPeriods')}</Typography.Title>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={8} key={field.key} align="top">
                  <Col xs={24} sm={7}>
                    <Form.Item name={[field.name, 'name']} label={t('name')} rules={required(t('name'))}>
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={11} sm={7}>
                    <Form.Item name={[field.name, 'from']} label={t('from')} rules={required(t('from'))}>
                      <Input type="date" />
                    </Form.Item>
                  </Col>
                  <Col xs={11} sm={7}>
                    <Form.Item name={[field.name, 'to']} label={t('to')} rules={required(t('to'))}>
                      <Input type="date" />
                    </Form.Item>
                  </Col>
                  <Col xs={2} sm={3} className="calendar-remove">
                    <Button type="link" danger onClick={() => remove(field.name)}>{t('remove')}</Button>
                  </Col>
                </Row>
              ))}
              <Button onClick={() => add({ name: '', from: '', to: '' })}>{t('addPeriod')}</Button>
            </>
          )}
        </Form.List>
        {national && (
          <>
            <Typography.Title level={4} className="calendar-form-title">{t('makeUpDays')}</Typography.Title>
            <Form.List name="workdays">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Row gutter={8} key={field.key} align="top">
                      <Col xs={24} sm={7}>
                        <Form.Item name={[field.name, 'name']} label={t('name')} rules={required(t('name'))}>
                          <Input maxLength={40} />
                        </Form.Item>
                      </Col>
                      <Col xs={22} sm={14}>
                        <Form.Item name={[field.name, 'date']} label={t('date')} rules={required(t('date'))}>
                          <Input type="date" />
                        </Form.Item>
                      </Col>
                      <Col xs={2} sm={3} className="calendar-remove">
                        <Button type="link" danger onClick={() => remove(field.name)}>{t('remove')}</Button>
                      </Col>
                    </Row>
                  ))}
                  <Button onClick={() => add({ name: '', date: '' })}>{t('addDay')}</Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </Form>
      {preview && <ChangeSummary result={preview} />}
    </Modal>
  );
}
