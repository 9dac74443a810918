import { App, Button, Card, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../../api.ts';
import { chinaTime } from '../../components/format.ts';
import { useLocale, useLocalized } from '../../i18n.ts';
import { useMayDo } from '../../session.ts';
import { useApi } from '../../shell/useApi.ts';
import { DocumentSheet } from './DocumentSheet.tsx';
import { useDocumentMessages } from './messages.ts';
import type { DocumentStatus, IssuedDocument, PrintedDocument } from './types.ts';
import './documents.css';

const STATUS_COLOR: Record<DocumentStatus, string | undefined> = { valid: 'success', revoked: 'error', superseded: undefined };

/** Asks a reviewer for the reason, then revokes a printed copy. */
function RevokeButton({ caseId, document, onRevoked }: { caseId: string; document: IssuedDocument; onRevoked: () => void }) {
  const t = useDocumentMessages();
  const locale = useLocale();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async ({ reason }: { reason: string }) => {
    try {
      await call(client.POST('/api/cases/{id}/documents/{documentId}/revoke', { params: { path: { id: caseId, documentId: document.id } }, body: { reason } }));
      setOpen(false);
      onRevoked();
    } catch (error) {
      message.error(errorText(error, locale));
    }
  };
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)}>
        {t('revoke')}
      </Button>
      <Modal open={open} title={`${t('revoke')} · ${document.number}`} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('revoke')} okButtonProps={{ danger: true }} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="reason" label={t('revokeReason')} rules={[{ required: true, whitespace: true, message: t('revokeReasonRequired') }, { max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * The documents a case prints (受理回执, 就业创业证, decision notices, the summary), as its package
 * declares them: printing one fills it from the case, shows the A4 sheet with its QR code, and
 * opens the browser's print; the copies printed before are listed with whether each still stands.
 */
export function CaseDocuments({ caseId }: { caseId: string }) {
  const t = useDocumentMessages();
  const l = useLocalized();
  const locale = useLocale();
  const { message } = App.useApp();
  const mayRevoke = useMayDo('documents.revoke');
  const loaded = useApi('/api/cases/{id}/documents', { path: { id: caseId } });
  const [printed, setPrinted] = useState<PrintedDocument | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const print = async (kind: string) => {
    setBusy(kind);
    try {
      setPrinted(await call(client.POST('/api/cases/{id}/documents', { params: { path: { id: caseId } }, body: { kind } })));
      loaded.reload();
    } catch (error) {
      message.error(errorText(error, locale));
    } finally {
      setBusy(null);
    }
  };

  const available = loaded.data?.available ?? [];
  const issued = loaded.data?.issued ?? [];
  return (
    <Card size="small" title={<Typography.Title level={3} className="case-section-title" id="case-documents-title">{t('documents')}</Typography.Title>} role="region" aria-labelledby="case-documents-title">
      {available.length === 0 ? (
        <Typography.Text type="secondary">{t('none')}</Typography.Text>
      ) : (
        <Space wrap>
          {available.map((document) => (
            <Button key={document.kind} className="button-long-label" loading={busy === document.kind} onClick={() => void print(document.kind)}>
              {t('print')} {l(document.title)}
            </Button>
          ))}
        </Space>
      )}
      {issued.length > 0 && (
        <List
          size="small"
          className="case-documents-issued"
          header={t('issued')}
          dataSource={issued}
          renderItem={(document) => (
            <List.Item
              actions={[
                <a key="verify" href={document.verifyPath} target="_blank" rel="noreferrer">
                  {t('verify')}
                </a>,
                ...(mayRevoke && document.status === 'valid' ? [<RevokeButton key="revoke" caseId={caseId} document={document} onRevoked={loaded.reload} />] : []),
              ]}
            >
              <List.Item.Meta title={l(document.title)} description={`${document.number} · ${chinaTime(document.issuedAt)}`} />
              <Tag color={STATUS_COLOR[document.status]}>{t(document.status)}</Tag>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={printed !== null}
        title={printed ? l(printed.title) : ''}
        width={860}
        onCancel={() => setPrinted(null)}
        footer={[
          <Button key="close" onClick={() => setPrinted(null)}>
            {t('close')}
          </Button>,
          <Button key="print" type="primary" onClick={() => window.print()}>
            {t('printNow')}
          </Button>,
        ]}
        destroyOnHidden
      >
        <div className="print-preview">{printed && <DocumentSheet document={printed} />}</div>
      </Modal>
    </Card>
  );
}
