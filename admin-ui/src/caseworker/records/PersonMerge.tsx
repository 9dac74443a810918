import type { Answer } from '../../../../client/index.ts';
import { Alert, Button, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { call, client, errorText } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { requiredRule } from '../start/form-rules.ts';
import { useRecordMessages } from './messages.ts';
import { ReasonField } from './ReasonField.tsx';

type Found = Answer<'/api/persons', 'get'>['items'][number];

type Merged = Answer<'/api/persons/{id}/merge', 'post'>;

/**
 * Merges a duplicate record of the person into this one (reviewers and administrators), for a stated
 * reason: the server moves its cases and ledger items here, or refuses (a double payment, two active
 * cases of one process) with its reason shown.
 */
export function PersonMerge({ personId, onMerged }: { personId: string; onMerged: () => void }) {
  const t = useRecordMessages();
  const locale = useLocale();
  const [error, setError] = useState<unknown>(null);
  const [merged, setMerged] = useState<Merged | null>(null);
  const [found, setFound] = useState<Found[]>([]);
  // Candidates by ID number, name or pinyin initials, masked as every list is; the record itself and merged ones left out.
  const search = async (q: string) => {
    if (q.trim().length < 2) return;
    try {
      const { items } = await call(client.GET('/api/persons', { params: { query: { q: q.trim(), pageSize: 20 } } }));
      setFound(items.filter((person) => person.id !== personId && person.mergedInto === null));
    } catch (caught) {
      setError(caught);
    }
  };
  const merge = async ({ duplicateId, reason }: { duplicateId: string; reason: string }) => {
    setError(null);
    try {
      setMerged(await call(client.POST('/api/persons/{id}/merge', { params: { path: { id: personId } }, body: { duplicateId: duplicateId.trim(), reason: reason.trim() } })));
      onMerged();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Form name="person-merge" layout="vertical" onFinish={(values: { duplicateId: string; reason: string }) => void merge(values)}>
      <Typography.Paragraph type="secondary">{t('duplicateHelp')}</Typography.Paragraph>
      <Form.Item name="duplicateId" label={t('duplicateId')} rules={[requiredRule(t('duplicateFormat'))]}>
        <Select
          showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
          placeholder={t('duplicateFormat')}
          options={found.map((person) => ({ value: person.id, label: `${person.name} ${person.idNumber}` }))}
        />
      </Form.Item>
      <ReasonField />
      <Button danger htmlType="submit">
        {t('confirmMerge')}
      </Button>
      {merged && <Alert type="success" showIcon title={t('mergedResult', { cases: merged.moved.cases.length, items: merged.moved.ledgerItems.length })} />}
      {error !== null && <Alert type="error" role="alert" showIcon title={errorText(error, locale)} />}
    </Form>
  );
}
