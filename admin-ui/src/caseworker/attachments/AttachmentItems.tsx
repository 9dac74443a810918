import { App, Button, Input, Space, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { call, client, errorText } from '../../api.ts';
import { chinaTime } from '../../components/format.ts';
import { useLocale, useLocalized } from '../../i18n.ts';
import { downloadAttachment, formatSize } from './attachment-api.ts';
import { useAttachmentMessages } from './messages.ts';
import type { Attachment } from './types.ts';
import './attachments.css';

const TYPE_LABEL: Record<Attachment['mediaType'], string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/**
 * Files attached to a step or a case: name, material, type, size, who and when; each can be
 * downloaded (opened by the browser's viewer) and, on an active case, withdrawn with a reason.
 * A withdrawn file stays listed, struck through, with who withdrew it and why.
 */
export function AttachmentItems({ items, mayWithdraw, onChanged, label }: { items: readonly Attachment[]; mayWithdraw: boolean; onChanged: () => void; label: string }) {
  const t = useAttachmentMessages();
  const l = useLocalized();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const reason = useRef('');
  if (items.length === 0) return null;

  const withdraw = (attachment: Attachment) => {
    reason.current = '';
    void modal.confirm({
      title: t('withdrawTitle', { name: attachment.fileName }),
      content: <Input.TextArea aria-label={t('withdrawReason')} placeholder={t('withdrawReason')} maxLength={500} onChange={(event) => (reason.current = event.target.value)} />,
      okText: t('withdrawOk'),
      cancelText: t('cancel'),
      onOk: async () => {
        if (!reason.current.trim()) {
          message.error(t('reasonRequired'));
          throw new Error('no reason');
        }
        try {
          await call(client.POST('/api/cases/{id}/attachments/{attachmentId}/withdraw', { params: { path: { id: attachment.caseId, attachmentId: attachment.id } }, body: { reason: reason.current.trim() } }));
          onChanged();
        } catch (error) {
          message.error(errorText(error, locale));
          throw error;
        }
      },
    });
  };

  return (
    <ul className="attachment-items" aria-label={label}>
      {items.map((a) => (
        <li key={a.id} className={a.withdrawn ? 'attachment-withdrawn' : undefined}>
          <Space size={6} wrap>
            <Typography.Text delete={a.withdrawn !== null} className="attachment-name">
              {a.fileName}
            </Typography.Text>
            {a.materialTitle && <Tag>{l(a.materialTitle)}</Tag>}
            <Typography.Text type="secondary">{`${TYPE_LABEL[a.mediaType]} · ${formatSize(a.sizeBytes)}`}</Typography.Text>
            <Button size="small" type="link" onClick={() => void downloadAttachment(a).catch((error: unknown) => message.error(errorText(error, locale)))}>
              {t('download')}
            </Button>
            {mayWithdraw && !a.withdrawn && (
              <Button size="small" type="link" danger onClick={() => withdraw(a)}>
                {t('withdraw')}
              </Button>
            )}
            {a.withdrawn && <Tag color="default">{t('withdrawn')}</Tag>}
          </Space>
          <div className="attachment-who">{t('uploadedBy', { name: a.uploadedBy.name, at: chinaTime(a.uploadedAt) })}</div>
          {a.withdrawn && <div className="attachment-who">{t('withdrawnBy', { name: a.withdrawn.by.name, at: chinaTime(a.withdrawn.at), reason: a.withdrawn.reason })}</div>}
        </li>
      ))}
    </ul>
  );
}
