import { Alert, Button, Descriptions, Drawer, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../api.ts';
import { chinaTime } from '../components/format.ts';
import { useCommon, useLocale, type Locale } from '../i18n.ts';
import { joinNames, labelled } from '../shell/punctuation.ts';
import { useApiAt } from '../shell/useApi.ts';
import { InstitutionForm } from './InstitutionForm.tsx';
import { chinaToday, shownStatus } from './display.ts';
import { useInstitutionMessages } from './messages.ts';
import { StatusChange } from './StatusChange.tsx';
import { StatusTag } from './StatusTag.tsx';
import type { HistoryEntry, InstitutionRecord, InstitutionStatus } from './types.ts';

/** The fields a correction may change, named as the form names them. */
const FIELDS = ['name', 'licenceNo', 'validFrom', 'validUntil', 'occupations'] as const;

/** What a history entry changed, in one line: the fields (by their names in the UI language) with old and new values, or the status move. */
function changeLine(entry: HistoryEntry, statusName: (status: string) => string, fieldName: (field: string) => string, locale: Locale): string {
  if (entry.action === 'institution.update') return Object.entries(entry.details.changes).map(([field, { from, to }]) => labelled(fieldName(field), `${JSON.stringify(from)} → ${JSON.stringify(to)}`, locale)).join(locale === 'zh-CN' ? '；' : '; ');
  if (entry.action === 'institution.status') return `${statusName(entry.details.from)} → ${statusName(entry.details.to)}`;
  return '';
}

/** The statuses an institution may move to from `status`: revoked is final. */
const NEXT: Record<InstitutionStatus, InstitutionStatus[]> = { active: ['suspended', 'revoked'], suspended: ['active', 'revoked'], revoked: [] };

/** One institution in a drawer: its record, its history, and for those who manage the register, correction and status changes. */
export function InstitutionDrawer({ id, canManage, onClose, onChanged }: { id: string; canManage: boolean; onClose: () => void; onChanged: () => void }) {
  const t = useInstitutionMessages();
  const common = useCommon();
  const locale = useLocale();
  const record = useApiAt<InstitutionRecord>(`/institutions/${encodeURIComponent(id)}`);
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState<InstitutionStatus | null>(null);
  const item = record.data;
  const changed = () => {
    record.reload();
    onChanged();
  };
  const statusName = (status: string) => t(`status.${status as InstitutionStatus}`);
  const fieldName = (field: string) => ((FIELDS as readonly string[]).includes(field) ? t(field as (typeof FIELDS)[number]) : field);
  const actionName = { active: t('reinstate'), suspended: t('suspend'), revoked: t('revoke') };

  return (
    <Drawer open size={720} title={item?.name ?? common('loading')} onClose={onClose} destroyOnHidden>
      {record.error !== null && <Alert type="error" showIcon title={errorText(record.error, locale)} action={<Button autoInsertSpace={false} size="small" onClick={record.reload}>{common('retry')}</Button>} />}
      {item && (
        <>
          {canManage && (
            <Space className="form-alert" wrap>
              {item.status !== 'revoked' && <Button autoInsertSpace={false} onClick={() => setEditing(true)}>{t('correct')}</Button>}
              {NEXT[item.status].map((status) => (
                <Button autoInsertSpace={false} key={status} danger={status === 'revoked'} onClick={() => setMoving(status)}>{actionName[status]}</Button>
              ))}
            </Space>
          )}
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('creditCode')}>{item.creditCode}</Descriptions.Item>
            <Descriptions.Item label={t('kind')}>{t(`kind.${item.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('licenceNo')}>{item.licenceNo}</Descriptions.Item>
            <Descriptions.Item label={t('validity')}>{`${item.validFrom} ~ ${item.validUntil}`}</Descriptions.Item>
            <Descriptions.Item label={t('occupations')}>{joinNames(item.occupations, locale) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('status')}><StatusTag status={shownStatus(item, chinaToday())} /></Descriptions.Item>
          </Descriptions>
          <Typography.Title level={4}>{t('history')}</Typography.Title>
          <List
            size="small"
            aria-label={t('history')}
            dataSource={[...item.history].reverse()}
            renderItem={(entry) => (
              <List.Item>
                <List.Item.Meta
                  title={`${chinaTime(entry.at)} ${entry.actorName ?? ''} ${t(`action.${entry.action}`)}`}
                  description={[changeLine(entry, statusName, fieldName, locale), entry.action !== 'institution.register' ? labelled(t('reason'), entry.details.reason, locale) : ''].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
          {editing && <InstitutionForm editing={item} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); changed(); }} />}
          {moving && <StatusChange institution={item} status={moving} title={actionName[moving]} onClose={() => setMoving(null)} onChanged={() => { setMoving(null); changed(); }} />}
        </>
      )}
    </Drawer>
  );
}
