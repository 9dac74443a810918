import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { requiredRule } from '../start/form-rules.ts';
import { useRecordMessages } from './messages.ts';
import { ReasonField } from './ReasonField.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Merged {
  moved: { cases: string[]; ledgerItems: string[] };
}

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
  const merge = async ({ duplicateId, reason }: { duplicateId: string; reason: string }) => {
    setError(null);
    try {
      setMerged(await api<Merged>('POST', `/persons/${personId}/merge`, { duplicateId: duplicateId.trim(), reason: reason.trim() }));
      onMerged();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Form name="person-merge" layout="vertical" onFinish={(values: { duplicateId: string; reason: string }) => void merge(values)}>
      <Typography.Paragraph type="secondary">{t('duplicateHelp')}</Typography.Paragraph>
      <Form.Item name="duplicateId" label={t('duplicateId')} rules={[requiredRule(t('duplicateFormat')), { pattern: UUID, message: t('duplicateFormat') }]}>
        <Input autoComplete="off" />
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
