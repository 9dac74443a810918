import { Alert, Button, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { errorText, type SessionUser } from '../api.ts';
import { usePaged } from '../components/usePaged.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { chinaToday, shownStatus } from './display.ts';
import { InstitutionDrawer } from './InstitutionDrawer.tsx';
import { InstitutionForm } from './InstitutionForm.tsx';
import { StatusTag } from './StatusTag.tsx';
import { useInstitutionMessages } from './messages.ts';
import { KINDS, STATUSES, type Institution } from './types.ts';

/** 机构名录: the city's institutions with filters; reviewers and admins register, correct and change their status. */
export default function InstitutionsPage({ user }: { user: SessionUser }) {
  const t = useInstitutionMessages();
  const common = useCommon();
  const locale = useLocale();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [validOn, setValidOn] = useState('');
  const [registering, setRegistering] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const canManage = user.permissions.includes('institutions.manage');
  const filters = new URLSearchParams(Object.entries({ q: q.trim(), kind, status, validOn }).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const list = usePaged<Institution>(`/institutions?${filters.toString()}`);
  const today = chinaToday();
  // The date picker's month and weekday names follow the UI language.
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);

  return (
    <section aria-labelledby="institutions-title">
      <Space className="page-head" wrap>
        <Typography.Title level={2} id="institutions-title">{t('title')}</Typography.Title>
        {canManage && <Button autoInsertSpace={false} type="primary" onClick={() => setRegistering(true)}>{t('register')}</Button>}
      </Space>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Space wrap className="form-alert">
        <Input.Search allowClear placeholder={t('search')} aria-label={t('search')} onSearch={setQ} style={{ width: 280 }} />
        <Select allowClear placeholder={t('anyKind')} aria-label={t('filterKind')} value={kind} onChange={setKind} style={{ width: 200 }} options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        <Select allowClear placeholder={t('anyStatus')} aria-label={t('filterStatus')} value={status} onChange={setStatus} style={{ width: 140 }} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <DatePicker
          aria-label={t('validOn')}
          placeholder={t('validOn')}
          value={validOn ? dayjs(validOn) : null}
          onChange={(day: Dayjs | null) => setValidOn(day ? day.format('YYYY-MM-DD') : '')}
          style={{ width: 160 }}
        />
      </Space>
      {list.error !== null && <Alert type="error" showIcon title={errorText(list.error, locale)} action={<Button autoInsertSpace={false} onClick={list.reload}>{common('retry')}</Button>} />}
      <Table<Institution>
        rowKey="id"
        size="middle"
        aria-label={t('title')}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ ...list.pagination, showTotal: (n) => common('total', { n }) }}
        locale={tableLocale(list.loading, common('empty'))}
        columns={[
          { title: t('name'), key: 'name', render: (_, row) => <Button autoInsertSpace={false} type="link" onClick={() => setOpenId(row.id)}>{row.name}</Button> },
          { title: t('creditCode'), dataIndex: 'creditCode' },
          { title: t('kind'), key: 'kind', render: (_, row) => t(`kind.${row.kind}`) },
          { title: t('licenceNo'), dataIndex: 'licenceNo' },
          { title: t('validity'), key: 'validity', render: (_, row) => `${row.validFrom} ~ ${row.validUntil}` },
          { title: t('status'), key: 'status', render: (_, row) => <StatusTag status={shownStatus(row, today)} /> },
        ]}
      />
      {registering && <InstitutionForm onClose={() => setRegistering(false)} onSaved={() => { setRegistering(false); list.reload(); }} />}
      {openId && <InstitutionDrawer id={openId} canManage={canManage} onClose={() => setOpenId(null)} onChanged={list.reload} />}
    </section>
  );
}
