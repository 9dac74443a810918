import { App, Button, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api.ts';
import { useLocale, useLocalized } from '../../i18n.ts';
import { ACCEPT, acceptedName, formatSize, uploadAttachment } from './attachment-api.ts';
import { AttachmentItems } from './AttachmentItems.tsx';
import { useAttachmentMessages } from './messages.ts';
import type { Attachment, Material } from './types.ts';
import './attachments.css';

/** One material's upload button: checked in the browser (extension, size) before it is sent, its progress shown while it goes. */
function MaterialUpload({ caseId, event, material, maxBytes, onUploaded }: { caseId: string; event: string; material: Material; maxBytes: number; onUploaded: () => void }) {
  const t = useAttachmentMessages();
  const l = useLocalized();
  const locale = useLocale();
  const { message } = App.useApp();
  const [inFlight, setInFlight] = useState<UploadFile[]>([]);
  const title = l(material.title);
  return (
    <Upload
      accept={ACCEPT}
      multiple
      fileList={inFlight}
      showUploadList={{ showRemoveIcon: false }}
      onChange={({ fileList }) => setInFlight(fileList.filter((file) => file.status === 'uploading'))}
      beforeUpload={(file) => {
        if (!acceptedName(file.name)) {
          message.error(t('wrongType', { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        if (file.size > maxBytes) {
          message.error(t('tooLarge', { name: file.name, size: formatSize(maxBytes) }));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onProgress, onSuccess, onError }) => {
        uploadAttachment(caseId, file as File, event, material.code, (percent) => onProgress?.({ percent }))
          .then((stored) => {
            onSuccess?.(stored);
            message.success(t('uploaded', { name: stored.fileName }));
            onUploaded();
          })
          .catch((error: unknown) => {
            onError?.(error as Error);
            message.error(`${(file as File).name}: ${errorText(error, locale)}`);
          });
      }}
    >
      <Button className="button-long-label" aria-label={t('choose', { material: title })}>{t('choose', { material: title })}</Button>
    </Upload>
  );
}

/**
 * The upload area of a step form: one row per material the step declares (marked required or
 * optional), with the files already attached for it in this state, each withdrawable. The server
 * refuses the step when a required one is missing; this shows what is there before it is sent.
 */
export function MaterialUploads({ caseId, state, event, materials, attachments, maxBytes, onChanged }: {
  caseId: string;
  state: string;
  event: string;
  materials: readonly Material[];
  attachments: readonly Attachment[];
  maxBytes: number;
  onChanged: () => void;
}) {
  const t = useAttachmentMessages();
  const l = useLocalized();
  if (materials.length === 0) return null;
  const pending = attachments.filter((a) => a.step?.state === state && a.step.event === event && a.step.seq === null);
  return (
    <section className="material-uploads" aria-label={t('materials')}>
      <Typography.Text strong>{t('materials')}</Typography.Text>
      <Typography.Text type="secondary">{` · ${t('hint', { size: formatSize(maxBytes) })}`}</Typography.Text>
      {materials.map((material) => (
        <div key={material.code} className="material-row" data-material={material.code}>
          <Space size={8} wrap>
            <Typography.Text>{l(material.title)}</Typography.Text>
            <Tag color={material.required ? 'red' : 'default'}>{material.required ? t('required') : t('optional')}</Tag>
            <MaterialUpload caseId={caseId} event={event} material={material} maxBytes={maxBytes} onUploaded={onChanged} />
          </Space>
          <AttachmentItems items={pending.filter((a) => a.material === material.code)} mayWithdraw onChanged={onChanged} label={l(material.title)} />
        </div>
      ))}
    </section>
  );
}
