import { App, Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Answer } from '../../../client/index.ts';
import { call, client, errorText } from '../api.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { codeLabel, useDivisionNames } from '../forms/code-tables.ts';
import { useLocale } from '../i18n.ts';
import { useNationalMessages } from './messages.ts';
import { ProvinceAnswer } from './ProvinceAnswer.tsx';

type ProvinceCheck = Answer<'/api/national/claims/reconcile', 'post'>[number];

/**
 * 核对全国认领 for the ministry's administrator (`national.claims`): checks now, with every province, the
 * claims it holds against its database, as the timer worker does every quarter of an hour, and shows
 * what each province's check came to (claims checked, given up, moved; a province that did not answer,
 * with the error's code, keeps its claims).
 */
export function ClaimReconciliation() {
  const t = useNationalMessages();
  const locale = useLocale();
  const { message } = App.useApp();
  const [running, setRunning] = useState(false);
  const [checks, setChecks] = useState<ProvinceCheck[] | null>(null);
  const names = useDivisionNames((checks ?? []).map((row) => row.province));
  const reconcile = () => {
    setRunning(true);
    call(client.POST('/api/national/claims/reconcile'))
      .then(setChecks, (error: unknown) => message.error(errorText(error, locale)))
      .finally(() => setRunning(false));
  };

  return (
    <Card size="small" title={<h3 id="national-claims-title" className="evaluator-card-title">{t('reconcile')}</h3>}>
      <Typography.Paragraph type="secondary">{t('reconcileIntro')}</Typography.Paragraph>
      <Button onClick={reconcile} loading={running}>
        {t('reconcileNow')}
      </Button>
      {checks && (
        <ScrollRegion title={t('reconcile')}>
          <Table<ProvinceCheck>
            rowKey="province"
            size="small"
            aria-labelledby="national-claims-title"
            className="national-claim-checks"
            dataSource={checks}
            pagination={false}
            columns={[
              { title: t('province'), key: 'province', render: (_, row) => codeLabel(row.province, names(row.province) ?? row.name) },
              { title: t('checked'), dataIndex: 'checked', align: 'right' },
              { title: t('released'), dataIndex: 'released', align: 'right' },
              { title: t('moved'), dataIndex: 'moved', align: 'right' },
              { title: t('answer'), key: 'answer', render: (_, row) => <ProvinceAnswer error={row.error} t={t} /> },
            ]}
          />
        </ScrollRegion>
      )}
    </Card>
  );
}
