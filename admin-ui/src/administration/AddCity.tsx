import type { Answer } from '../../../client/index.ts';
import { Alert, Button, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call, client, errorText } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { useAdminMessages } from './messages.ts';
import { TemporaryPassword } from './TemporaryPassword.tsx';
import type { UserWithPassword } from './types.ts';

type DivisionCity = Answer<'/api/admin/cities', 'get'>['items'][number];

interface CityFields {
  cityCode: string;
  username?: string;
  displayName?: string;
}

/**
 * 新增城市 (provincial and ministry administrators): a city of the province from the division data,
 * down to its villages, and optionally its first administrator, whose temporary password is shown once.
 */
export function AddCity({ onAdded }: { onAdded: () => void }) {
  const t = useAdminMessages();
  const locale = useLocale();
  const [cities, setCities] = useState<DivisionCity[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [password, setPassword] = useState<UserWithPassword | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = () => call(client.GET('/api/admin/cities')).then((body) => setCities(body.items), setError);
  useEffect(() => void load(), []);
  const submit = async (values: CityFields) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const administrator = values.username && values.displayName ? { username: values.username, displayName: values.displayName } : undefined;
      const result = await call(client.POST('/api/admin/cities', { body: { cityCode: values.cityCode, administrator } }));
      setNotice(result.inserted > 0 ? t('cityAdded', { name: result.name, inserted: result.inserted }) : t('cityThere', { name: result.name }));
      setPassword(result.administrator);
      await load();
      onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="add-city-title" className="add-city">
      <Typography.Title level={3} id="add-city-title">{t('addCity')}</Typography.Title>
      <Form<CityFields> name="add-city" layout="inline" onFinish={submit} requiredMark={false}>
        <Form.Item name="cityCode" label={t('city')} rules={[{ required: true, message: t('required') }]}>
          <Select className="city-select" showSearch optionFilterProp="label" options={cities.map((c) => ({ value: c.code, label: `${c.provinceName}${c.name} ${c.code}`, disabled: c.added }))} />
        </Form.Item>
        <Typography.Text type="secondary">{t('firstAdmin')}</Typography.Text>
        <Form.Item name="username">
          <Input placeholder={t('username')} aria-label={t('username')} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName">
          <Input placeholder={t('displayName')} aria-label={t('displayName')} autoComplete="off" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>{t('addCity')}</Button>
        </Space>
      </Form>
      {notice && <Alert className="form-alert" type="success" role="status" showIcon title={notice} />}
      {error !== null && <Alert className="form-alert" type="error" role="alert" showIcon title={errorText(error, locale)} />}
      <TemporaryPassword shown={password} onClose={() => setPassword(null)} />
    </section>
  );
}
