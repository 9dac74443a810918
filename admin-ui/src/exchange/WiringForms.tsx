import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { call, client as platform, errorText } from '../api.ts';
import { requiredRule } from '../caseworker/start/form-rules.ts';
import { useLocale } from '../i18n.ts';
import { useExchangeMessages } from './messages.ts';
import type { ExchangeMember } from './types.ts';

/** What a wiring form does: its title, fields and the request its values make. */
interface WiringFormProps<T> {
  title: string;
  name: string;
  initialValues?: Partial<T>;
  send: (values: T) => Promise<unknown>;
  onClose: () => void;
  onSaved: () => void;
  children: React.ReactNode;
}

/** A dialog with one form: the server's refusal shown above the fields, nothing closed until it saved. */
function WiringForm<T extends object>({ title, name, initialValues, send, onClose, onSaved, children }: WiringFormProps<T>) {
  const t = useExchangeMessages();
  const locale = useLocale();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (values: T) => {
    setSaving(true);
    setError(null);
    try {
      await send(values);
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden>
      {error !== null && <Alert type="error" showIcon className="form-alert" title={errorText(error, locale)} />}
      <Form<T> name={name} layout="vertical" initialValues={initialValues} onFinish={(values) => void submit(values)}>
        {children}
        <Space>
          <Button autoInsertSpace={false} type="primary" htmlType="submit" loading={saving}>{t('save')}</Button>
          <Button autoInsertSpace={false} onClick={onClose}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

type Done = { onClose: () => void; onSaved: () => void };

/** Registers a member (a peer, or one of the city's own before its key is made), or changes its name and address. */
export function MemberForm({ member, ...done }: { member?: ExchangeMember } & Done) {
  const t = useExchangeMessages();
  const required = (field: string) => requiredRule(t('required', { field }));
  return (
    <WiringForm<{ code: string; name: string; address?: string }>
      title={member ? member.name : t('addMember')}
      name="exchange-member"
      initialValues={member ? { code: member.code, name: member.name, address: member.address ?? '' } : {}}
      send={({ code, name, address }) => call(platform.PUT('/api/admin/exchange/members/{code}', { params: { path: { code: code.trim() } }, body: { name, address: address?.trim() ? address.trim() : null } }))}
      {...done}
    >
      <Form.Item name="code" label={t('code')} rules={[required(t('code'))]}>
        <Input maxLength={64} autoComplete="off" disabled={Boolean(member)} placeholder="350200-900" />
      </Form.Item>
      <Form.Item name="name" label={t('name')} rules={[required(t('name'))]}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="address" label={t('address')}>
        <Input maxLength={300} autoComplete="off" placeholder="https://si.example.gov.cn/api/exchange" />
      </Form.Item>
    </WiringForm>
  );
}

/** Registers a peer's public key as the peer handed it over. */
export function PeerKeyForm({ member, ...done }: { member: ExchangeMember } & Done) {
  const t = useExchangeMessages();
  const required = (field: string) => requiredRule(t('required', { field }));
  return (
    <WiringForm<{ keyId: string; publicKey: string; validFrom: string; validUntil?: string }>
      title={`${t('addKey')}：${member.name}`}
      name="exchange-peer-key"
      send={({ validFrom, validUntil, ...key }) =>
        call(platform.POST('/api/admin/exchange/members/{code}/keys', { params: { path: { code: member.code } }, body: { ...key, validFrom: new Date(validFrom).toISOString(), validUntil: validUntil ? new Date(validUntil).toISOString() : null } }))
      }
      {...done}
    >
      <Form.Item name="keyId" label={t('keyId')} rules={[required(t('keyId'))]}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="publicKey" label={t('publicKey')} rules={[required(t('publicKey'))]}>
        <Input.TextArea rows={3} maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="validFrom" label={t('validFrom')} rules={[required(t('validFrom'))]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="validUntil" label={t('validUntil')}>
          <Input type="datetime-local" />
        </Form.Item>
      </Space>
    </WiringForm>
  );
}

/** Routes a service of the city (`social-insurance.contributions`), or connects the bank when `bank` is set. */
export function RouteForm({ members, bank, ...done }: { members: ExchangeMember[]; bank?: boolean } & Done) {
  const t = useExchangeMessages();
  const required = (field: string) => requiredRule(t('required', { field }));
  const option = (m: ExchangeMember) => ({ value: m.code, label: `${m.name}（${m.code}）` });
  const ours = members.filter((m) => m.servedHere).map(option);
  const peers = members.filter((m) => !m.servedHere && m.address !== null).map(option);
  return (
    <WiringForm<{ service?: string; client: string; provider: string }>
      title={bank ? t('connectBank') : t('route')}
      name={bank ? 'exchange-bank' : 'exchange-route'}
      send={({ service, client, provider }) => (bank ? call(platform.PUT('/api/admin/exchange/bank', { body: { member: client, bank: provider } })) : call(platform.PUT('/api/admin/exchange/services/{service}', { params: { path: { service: service!.trim() } }, body: { client, provider } })))}
      {...done}
    >
      {!bank && (
        <Form.Item name="service" label={t('service')} rules={[required(t('service'))]}>
          <Input maxLength={100} autoComplete="off" placeholder="social-insurance.contributions" />
        </Form.Item>
      )}
      <Form.Item name="client" label={bank ? t('bankMember') : t('client')} rules={[required(bank ? t('bankMember') : t('client'))]}>
        <Select options={ours} />
      </Form.Item>
      <Form.Item name="provider" label={bank ? t('bankPeer') : t('provider')} rules={[required(bank ? t('bankPeer') : t('provider'))]}>
        <Select options={peers} />
      </Form.Item>
    </WiringForm>
  );
}
