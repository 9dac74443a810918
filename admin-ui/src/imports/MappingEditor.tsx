import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { useMessages } from './messages.ts';
import type { KindSpec } from './types.ts';

/**
 * 列名对应: the header the city's files give each field of a kind, saved as a named template
 * (`PUT /import-templates`); a field left empty is read by its default header.
 */
export function MappingEditor({ spec, onSaved }: { spec: KindSpec; onSaved: () => void }) {
  const t = useMessages();
  const locale = useLocale();
  const [name, setName] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const save = async () => {
    setError(null);
    setSaved(null);
    try {
      const template = await call(client.PUT('/api/import-templates', { body: { kind: spec.kind, name, mapping } }));
      setSaved(t('saved', { name: template.name }));
      onSaved();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Card size="small" title={t('mapping')} className="form-alert">
      <Typography.Paragraph type="secondary">{t('mappingHint')}</Typography.Paragraph>
      <Form layout="vertical">
        {spec.fields.map((field) => (
          <Form.Item key={field.id} label={`${field.title[locale]}${field.required ? `（${t('required')}）` : ''}`} htmlFor={`mapping-${field.id}`}>
            <Input id={`mapping-${field.id}`} placeholder={field.title['zh-CN']} value={mapping[field.id] ?? ''} onChange={(event) => setMapping({ ...mapping, [field.id]: event.target.value })} />
          </Form.Item>
        ))}
        <Form.Item label={t('templateName')} htmlFor="mapping-name">
          <Input id="mapping-name" value={name} maxLength={50} onChange={(event) => setName(event.target.value)} />
        </Form.Item>
        <Button autoInsertSpace={false} disabled={name.trim() === ''} onClick={() => void save()}>{t('save')}</Button>
      </Form>
      {error !== null && <Alert className="payments-result" type="error" showIcon title={errorText(error, locale)} />}
      {saved && <Alert className="payments-result" type="success" showIcon role="status" title={saved} />}
    </Card>
  );
}
