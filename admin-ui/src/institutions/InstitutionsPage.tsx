import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText, type SessionUser } from '../api.ts';
import { usePaged } from '../components/usePaged.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { chinaToday, STATUS_COLOR } from './display.ts';
import { InstitutionDrawer } from './InstitutionDrawer.tsx';
import { InstitutionForm } from './InstitutionForm.tsx';
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
        <label>
          {t('validOn')} <Input type="date" aria-label={t('validOn')} value={validOn} onChange={(event) => setValidOn(event.target.value)} style={{ width: 160 }} />
        </label>
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
          { title: t('validity'), key: 'validity', render: (_, row) => <>{`${row.validFrom} ~ ${row.validUntil}`} {row.validUntil < today && <Tag color="red">{t('lapsed')}</Tag>}</> },
          { title: t('status'), key: 'status', render: (_, row) => <Tag color={STATUS_COLOR[row.status]}>{t(`status.${row.status}`)}</Tag> },
        ]}
      />
      {registering && <InstitutionForm onClose={() => setRegistering(false)} onSaved={() => { setRegistering(false); list.reload(); }} />}
      {openId && <InstitutionDrawer id={openId} canManage={canManage} onClose={() => setOpenId(null)} onChanged={list.reload} />}
    </section>
  );
}
